/**
 * TLS: a target whose certificate is not trusted (here self-signed, made at test time) stops run
 * and verify-pacts once, with exit 2 and a one-line message that names --ca-cert, before any
 * request; with `--ca-cert FILE` the same target is trusted and the run goes through.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpProvider } from "../../src/providers.ts";
import { removeTempDirs, tempDir } from "../runner/harness.ts";
import { closeTargets, startRecordingSandbox, type RecordingSandbox } from "../runner/targets.ts";
import { runCli } from "./spawn-cli.ts";

const servers: https.Server[] = [];
let certFile = "";
let keyFile = "";

beforeAll(() => {
  const dir = tempDir();
  certFile = join(dir, "cert.pem");
  keyFile = join(dir, "key.pem");
  execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", keyFile, "-out", certFile, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], { stdio: "ignore" });
});

afterAll(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => { s.closeAllConnections(); s.close(resolve); })));
  await closeTargets();
  removeTempDirs();
});

/** An https server on 127.0.0.1 with the self-signed certificate, passing every request on to `sandbox`. */
async function httpsFront(sandbox: RecordingSandbox): Promise<{ baseUrl: string; handshakes: () => number }> {
  const upstream = new URL(sandbox.baseUrl);
  let handshakes = 0;
  const server = https.createServer({ key: readFileSync(keyFile), cert: readFileSync(certFile) }, (req, res) => {
    const forward = http.request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on("error", () => res.destroy());
    req.pipe(forward);
  });
  server.on("secureConnection", () => handshakes++);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return { baseUrl: `https://127.0.0.1:${(server.address() as AddressInfo).port}${upstream.pathname.replace(/\/$/, "")}`, handshakes: () => handshakes };
}

const UNTRUSTED = /^payconform: TLS with target https:\/\/127\.0\.0\.1:\d+ failed: self[- ]signed certificate \(DEPTH_ZERO_SELF_SIGNED_CERT\); to trust a private CA, pass --ca-cert FILE \(PEM\)$/;

function oneLine(stderr: string): string[] {
  return stderr.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("npm warn"));
}

describe.each([
  ["run", (target: string, sandbox: RecordingSandbox) => ["run", "--provider", sandbox.provider, "--target", target, "--state-url", sandbox.stateUrl, "--report-dir", tempDir()]],
  ["verify-pacts", (target: string, sandbox: RecordingSandbox) => ["verify-pacts", "--provider", sandbox.provider, "--target", target, "--state-url", sandbox.stateUrl]],
] as const)("payconform %s against a target with a self-signed certificate", (_command, args) => {
  const provider: HttpProvider = "enkash";

  it("stops once with exit 2 before any request, naming --ca-cert", async () => {
    const sandbox = await startRecordingSandbox(provider);
    const front = await httpsFront(sandbox);
    const result = await runCli(args(front.baseUrl, sandbox), { env: { ...sandbox.credentials, PACT_DO_NOT_TRACK: "true" } });

    expect(result.code, result.stderr).toBe(2);
    expect(oneLine(result.stderr)).toEqual([expect.stringMatching(UNTRUSTED)]);
    expect(sandbox.seen).toEqual([]);
  });

  it("goes through with --ca-cert FILE", async () => {
    const sandbox = await startRecordingSandbox(provider);
    const front = await httpsFront(sandbox);
    const result = await runCli([...args(front.baseUrl, sandbox), "--ca-cert", certFile], { env: { ...sandbox.credentials, PACT_DO_NOT_TRACK: "true" } });

    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(sandbox.seen.length).toBeGreaterThan(0);
    expect(front.handshakes()).toBeGreaterThan(0);
  });
});
