/**
 * Secrets never leave payconform: a target that echoes the credentials it got (raw, in the
 * Basic form and percent-encoded, in a header and in JSON and non-JSON bodies) fails
 * no_secret_echo, while stdout, stderr, conformance.json and junit.xml hold none of those forms,
 * nor any 12-character piece of a credential, and every curl shows *** instead.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { HttpProvider } from "../../src/providers.ts";
import type { SandboxOptions, SandboxReply } from "../../src/sandboxes/index.ts";
import { removeTempDirs, tempDir } from "../runner/harness.ts";
import { closeTargets, startRecordingSandbox } from "../runner/targets.ts";
import { runCli } from "./spawn-cli.ts";

afterAll(async () => {
  await closeTargets();
  removeTempDirs();
});

/** A credential the test chooses, with characters that percent-encoding and quoting change. */
const RESERVED_CANARY = "pc/Canary+Tok=en&42:it's-QWERTYUIOP";

function forms(secret: string): string[] {
  return [secret, Buffer.from(`${secret}:`).toString("base64"), encodeURIComponent(secret)];
}

/** Echoes every form of the canaries in a header, and in a JSON or (every other time) a non-JSON body. */
function echoing(canaries: { values: string[] }): SandboxOptions["transformReply"] {
  let count = 0;
  return (_req, reply): SandboxReply => {
    const echoed = canaries.values.flatMap(forms);
    const headers = { ...reply.headers, "x-echo": echoed.join(" ") };
    if (count++ % 2 === 0) {
      const body = reply.body !== null && typeof reply.body === "object" ? reply.body : {};
      return { status: reply.status, headers, body: { ...body, echo: echoed } };
    }
    // The canary straddles the 60-character preview of a body that is not JSON.
    return { status: reply.status, headers: { ...headers, "content-type": "application/json" }, body: `${"x".repeat(30)} ${echoed.join(" ")}` };
  };
}

const rows: Array<[string, HttpProvider, { custom?: string; auth: RegExp }]> = [
  ["enkash, Bearer token made up by the sandbox", "enkash", { auth: /-H 'authorization: Bearer \*\*\*'/ }],
  ["juspay, Basic username made up by the sandbox", "juspay", { auth: /-H 'authorization: Basic \*\*\*'/ }],
  ["yuno, two API keys and the account code", "yuno", { auth: /-H 'public-api-key: \*\*\*'/ }],
  ["enkash, a token with reserved characters", "enkash", { custom: RESERVED_CANARY, auth: /-H 'authorization: Bearer \*\*\*'/ }],
];

describe("redaction against a target that echoes credentials", () => {
  it.concurrent.each(rows)("%s", async (_name, provider, { custom, auth }) => {
    const canaries = { values: [] as string[] };
    const behaviour: SandboxOptions["behaviour"] = custom
      ? { authenticate: (req, ctx) => (req.headers.authorization === `Bearer ${custom}` ? undefined : ctx.behaviour.errorReply("unauthorized", "Unauthorized")) }
      : undefined;
    const sandbox = await startRecordingSandbox(provider, { transformReply: echoing(canaries), behaviour });
    const env = custom ? { ENKASH_ACCESS_TOKEN: custom } : sandbox.credentials;
    canaries.values = Object.values(env).filter((v) => v.length >= 6);
    const dir = tempDir();
    const result = await runCli(["run", "--provider", provider, "--target", sandbox.baseUrl, "--state-url", sandbox.stateUrl, "--report-dir", dir], { env });
    expect(result.code, result.stderr).toBe(1);

    const json = readFileSync(join(dir, "conformance.json"), "utf8");
    const junit = readFileSync(join(dir, "junit.xml"), "utf8");
    const report = JSON.parse(json) as { results: Array<{ check: string; outcome: string; curl?: string; actual?: string }> };
    expect(report.results.filter((r) => r.check === "no_secret_echo" && r.outcome === "failed").length).toBeGreaterThan(0);
    expect(report.results.some((r) => r.actual?.includes("(body starts"))).toBe(true);
    const curls = report.results.flatMap((r) => (r.curl ? [r.curl] : []));
    expect(curls.length).toBeGreaterThan(0);
    expect(curls.some((c) => auth.test(c))).toBe(true);

    const outputs = { stdout: result.stdout, stderr: result.stderr, "conformance.json": json, "junit.xml": junit };
    expect(result.stdout).toContain("reproduce: curl");
    for (const canary of canaries.values) {
      const pieces = Array.from({ length: Math.max(0, canary.length - 11) }, (_, i) => canary.slice(i, i + 12));
      for (const [where, text] of Object.entries(outputs)) {
        for (const form of forms(canary)) expect(text.includes(form), `${where} holds ${form}`).toBe(false);
        for (const piece of pieces) expect(text.includes(piece), `${where} holds a piece of a credential: ${piece}`).toBe(false);
      }
    }
  });
});
