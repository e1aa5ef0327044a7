/**
 * `payconform proxy` as a user runs it: the real command line in a child process. Bad flags exit
 * 2 with one line; SIGINT and SIGTERM end it normally, with both reports and the recorded pact
 * written and exit 0 (every exchange conformed) or 1; the recorded pact then passes
 * `payconform check-pacts` and `payconform verify-pacts`. With canary credentials for every
 * provider and a target that echoes every form of them, no output, report or pact holds one.
 */
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { credentialHeaders } from "../../src/pacts/credential-headers.ts";
import { PLACEHOLDER_CREDENTIALS } from "../../src/pacts/placeholders.ts";
import { HTTP_PROVIDERS, type HttpProvider } from "../../src/providers.ts";
import { startSandbox } from "../../src/sandboxes/index.ts";
import { runCli, startCli, type RunningCli } from "../cli/spawn-cli.ts";
import { removeTempDirs, tempDir } from "../runner/harness.ts";
import { closeTargets } from "../runner/targets.ts";
import { ALL_CANARY_ENV, CANARIES, canaryHits, startEchoingTarget } from "../support/canary.ts";
import { fixture, send, UNKNOWN_IDS } from "./clients.ts";

afterAll(async () => {
  await closeTargets();
  removeTempDirs();
});

/** The URL the proxy prints once it listens; bounded wait. */
function listeningUrl(cli: RunningCli): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`the proxy did not listen: ${seen}`)), 30_000);
    cli.child.stderr!.on("data", (chunk: Buffer) => {
      seen += chunk.toString("utf8");
      const url = /point the client's base URL at (http:\/\/127\.0\.0\.1:\d+)/.exec(seen)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    });
    void cli.result.then(() => reject(new Error(`the proxy exited: ${seen}`)));
  });
}

describe("bad flags", () => {
  const cases: Array<[string, string[], RegExp]> = [
    ["no --provider", ["--target", "http://127.0.0.1:9"], /required option '--provider <name>' not specified/],
    ["two providers", ["--provider", "juspay,yuno", "--target", "http://127.0.0.1:9"], /exactly one --provider/],
    ["an unknown provider", ["--provider", "stripe", "--target", "http://127.0.0.1:9"], /unknown provider "stripe"/],
    ["no --target", ["--provider", "enkash"], /required option '--target <url>' not specified/],
    ["a port out of range", ["--provider", "enkash", "--target", "http://127.0.0.1:9", "--port", "70000"], /--port must be an integer from 0 to 65535/],
    ["an unknown flag", ["--provider", "enkash", "--target", "http://127.0.0.1:9", "--nope"], /unknown option '--nope'/],
    ["a production target", ["--provider", "yuno", "--target", "https://api.y.uno/v1"], /production server/],
    ["credentials missing", ["--provider", "enkash", "--target", "http://127.0.0.1:9"], /set ENKASH_ACCESS_TOKEN/],
  ];
  it.concurrent.each(cases)("%s: one line, exit 2", async (_name, args, message) => {
    const result = await runCli(["proxy", ...args]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});

describe("stopped by a signal", () => {
  it("SIGINT: exit 0, both reports and the pact written; the pact passes check-pacts and verify-pacts", async () => {
    const sandbox = await startSandbox("enkash");
    const dir = tempDir("payconform-proxy-cli-");
    mkdirSync(join(dir, "pacts"));
    const record = join(dir, "pacts", "recorded.json");
    try {
      const cli = startCli(["proxy", "--provider", "enkash", "--target", sandbox.baseUrl, "--port", "0", "--report-dir", join(dir, "reports"), "--record", record], { env: sandbox.credentials });
      const url = await listeningUrl(cli);
      await send("enkash", url, sandbox.credentials, { ids: await fixture(sandbox) });
      await send("enkash", url, sandbox.credentials, { ids: UNKNOWN_IDS.enkash });
      await send("enkash", url, sandbox.credentials, { ids: await fixture(sandbox), auth: "wrong" });
      cli.child.kill("SIGINT");
      const result = await cli.result;

      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/^#1 DELETE \/api\/v0\/customer\/KC[A-Z0-9]{14} → 200 \(\d+ ms\) a delete of an existing customer: ok$/m);
      expect(result.stdout).toMatch(/^3 exchange\(s\), 0 not checked: \d+ passed, 0 failed, 0 errored, 0 warnings$/m);
      expect(readdirSync(join(dir, "reports")).sort()).toEqual(["conformance.json", "junit.xml", "report.html", "summary.md"]);
      const report = JSON.parse(readFileSync(join(dir, "reports", "conformance.json"), "utf8")) as { error?: string; summary: { passed: number } };
      expect(report.error).toBeUndefined();
      expect(report.summary.passed).toBeGreaterThan(0);
    } finally {
      await sandbox.close();
    }
    const checked = await runCli(["check-pacts", record]);
    expect(checked.code, checked.stdout + checked.stderr).toBe(0);
    const verified = await runCli(["verify-pacts", "--provider", "enkash", "--pact-dir", join(dir, "pacts")], { env: { PACT_DO_NOT_TRACK: "true" } });
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toContain("enkash: 3 interactions verified");
  });

  it("SIGTERM: exit 1 when the client broke a rule, its finding in the reports as the client's", async () => {
    const sandbox = await startSandbox("enkash");
    const dir = tempDir("payconform-proxy-cli-");
    try {
      const cli = startCli(["proxy", "--provider", "enkash", "--target", sandbox.baseUrl, "--port", "0", "--report-dir", dir], { env: sandbox.credentials });
      const url = await listeningUrl(cli);
      await send("enkash", url, sandbox.credentials, { ids: { customerId: "kc1a2b3c4d5e6f7g" } });
      cli.child.kill("SIGTERM");
      const result = await cli.result;

      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout).toContain("client FAILED path_parameter_pattern");
      const report = JSON.parse(readFileSync(join(dir, "conformance.json"), "utf8")) as { results: Array<{ check: string; outcome: string; party: string }> };
      expect(report.results.filter((r) => r.outcome !== "passed").map((r) => [r.party, r.check])).toEqual([["client", "path_parameter_pattern"]]);
      expect(readFileSync(join(dir, "junit.xml"), "utf8")).toContain("<failure");
    } finally {
      await sandbox.close();
    }
  });
});

describe("no credential leaves the proxy, in any form", () => {
  it.concurrent.each(HTTP_PROVIDERS)("%s: a target that echoes every form of the credentials", async (provider: HttpProvider) => {
    const target = await startEchoingTarget(provider);
    const dir = tempDir("payconform-proxy-canary-");
    const record = join(dir, "recorded.json");
    const cli = startCli(["proxy", "--provider", provider, "--target", target.baseUrl, "--port", "0", "--report-dir", dir, "--record", record], { env: ALL_CANARY_ENV });
    const url = await listeningUrl(cli);
    await send(provider, url, CANARIES[provider], { ids: await fixture(target) });
    await send(provider, url, CANARIES[provider], { ids: UNKNOWN_IDS[provider] });
    await send(provider, url, CANARIES[provider], { ids: UNKNOWN_IDS[provider], headers: { "x-echo-me": Object.values(CANARIES[provider])[0] } });
    cli.child.kill("SIGINT");
    const result = await cli.result;

    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain("no_secret_echo");
    expect(result.stdout).toContain("***");
    const outputs: Record<string, string> = { stdout: result.stdout, stderr: result.stderr };
    for (const name of readdirSync(dir)) outputs[name] = readFileSync(join(dir, name), "utf8");
    expect(Object.keys(outputs).sort()).toEqual(["conformance.json", "junit.xml", "recorded.json", "report.html", "stderr", "stdout", "summary.md"]);
    expect(outputs["recorded.json"]).toContain(Object.values(credentialHeaders(provider, PLACEHOLDER_CREDENTIALS[provider]))[0]);
    // The placeholders are fixed public values; Yuno's placeholder account shares a run of zeros with the canary's.
    const placeholders = Object.values(PLACEHOLDER_CREDENTIALS[provider]);
    const withoutPlaceholders = Object.fromEntries(Object.entries(outputs).map(([name, text]) => [name, placeholders.reduce((t, p) => t.split(p).join(""), text)]));
    expect(canaryHits(withoutPlaceholders)).toEqual([]);
  });
});
