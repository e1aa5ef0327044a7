/**
 * Exit codes of the real command line: 0 conforms, 1 a failed or errored result, 2 a usage or
 * tool error with a one-line message and no stack trace. Refusals that must not touch the
 * network run with a guard that makes any connection attempt an internal error.
 */
import { spawn } from "node:child_process";
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/providers.ts";
import { removeTempDirs, tempDir } from "../runner/harness.ts";
import { closedPort } from "../runner/state-server.ts";
import { closeTargets, startRecordingSandbox } from "../runner/targets.ts";
import { runCli, type CliResult } from "./spawn-cli.ts";

afterAll(async () => {
  await closeTargets();
  removeTempDirs();
});

const EXAMPLES = "specs/juspay-upi/examples";
const YUNO_ENV = { YUNO_PUBLIC_API_KEY: "sandbox_pk_0001", YUNO_PRIVATE_SECRET_KEY: "sandbox_sk_0001", YUNO_ACCOUNT_CODE: "0b5e4b5e-0000-4000-8000-000000000000" };

/** Exit code 2, one line on stderr saying `message`, nothing that looks like a stack. */
function expectToolError(result: CliResult, message: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  const lines = result.stderr.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("npm warn"));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^payconform: /);
  expect(lines[0]).not.toMatch(/internal error|\bat .*:\d+:\d+|Error:/);
  expect(lines[0]).toMatch(message);
}

describe("payconform run", () => {
  it("exits 0 on the embedded sandbox, writes the four reports and says where they went", async () => {
    const dir = tempDir();
    const result = await runCli(["run", "--provider", "enkash", "--report-dir", dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/\d+ passed, 0 failed, 0 errored, 0 skipped, 0 warnings/);
    const reports = ["junit.xml", "conformance.json", "report.html", "summary.md"];
    for (const name of reports) expect(existsSync(join(dir, name)), name).toBe(true);
    expect(result.stdout.trimEnd().split("\n").at(-1)).toBe(`reports: ${reports.map((name) => join(dir, name)).join(", ")}`);
  });

  it("npm start runs every provider against the embedded sandboxes and writes the four reports", async () => {
    const dir = tempDir();
    const result = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
      const child = spawn("npm", ["start", "--silent", "--", "--report-dir", dir], { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      child.stdout.on("data", (c: Buffer) => (out += c.toString("utf8")));
      child.stderr.on("data", (c: Buffer) => (out += c.toString("utf8")));
      child.once("error", reject);
      child.once("close", (code) => resolve({ code, out }));
    });
    expect(result.code, result.out).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["conformance.json", "junit.xml", "report.html", "summary.md"]);
    const report = JSON.parse(readFileSync(join(dir, "conformance.json"), "utf8")) as { metadata: { providers: string[] } };
    expect(report.metadata.providers).toEqual(["juspay", "yuno", "cashfree", "enkash"]);
  });

  it("runs a provider named twice once", async () => {
    const [once, twice] = await Promise.all([tempDir(), tempDir()].map((dir, i) => runCli(["run", "--provider", i === 0 ? "enkash" : "enkash,enkash", "--provider", "enkash", "--report-dir", dir]).then((result) => ({ result, dir }))));
    expect(twice.result.code, twice.result.stderr).toBe(0);
    expect(twice.result.stderr.match(/payconform: enkash →/g)).toHaveLength(1);
    const count = (dir: string): number => (JSON.parse(readFileSync(join(dir, "conformance.json"), "utf8")) as { results: unknown[] }).results.length;
    expect(count(twice.dir)).toBe(count(once.dir));
  });

  it("exits 1 against a target that breaks the contract", async () => {
    // Deleting an unknown customer answers 200: the documented not-found is 404.
    const sandbox = await startRecordingSandbox("enkash", {
      behaviour: { remove: () => ({ status: 200, body: { response_code: 200, response_message: "OK", payload: "deleted" } }) },
    });
    const result = await runCli(["run", "--provider", "enkash", "--target", sandbox.baseUrl, "--state-url", sandbox.stateUrl, "--report-dir", tempDir()], { env: sandbox.credentials });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/FAILED enkash delete_semantics \[delete an id that never existed\]/);
    expect(sandbox.seen.length).toBeGreaterThan(0);
  });
});

describe("exit code 2: one line, no stack trace", () => {
  const rows: Array<[string, () => Promise<string[]>, Record<string, string>, RegExp]> = [
    ["an unknown flag", async () => ["run", "--bogus"], {}, /unknown option '--bogus'; see payconform run --help$/],
    ["an unknown provider", async () => ["run", "--provider", "stripe"], {}, /unknown provider "stripe"/],
    ["an empty --provider", async () => ["run", "--provider", ","], {}, /--provider needs a name/],
    ["a --seed that is not an integer", async () => ["run", "--seed", "abc"], {}, /--seed must be an integer from 0 to 4294967295, got "abc"/],
    ["a --target that is not a URL", async () => ["run", "--target", "not a url"], {}, /--target "not a url" is not a URL/],
    ["a --target with a query string", async () => ["run", "--target", "http://127.0.0.1:9/v1?x=1"], {}, /--target must be a base URL without a query or fragment/],
    ["an unreachable target", async () => ["run", "--provider", "enkash", "--target", `http://127.0.0.1:${await closedPort()}`], { ENKASH_ACCESS_TOKEN: "test-token-0001" }, /target http:\/\/127\.0\.0\.1:\d+ is unreachable: ECONNREFUSED/],
    ["missing credentials for a real target", async () => ["run", "--provider", "enkash", "--target", "http://127.0.0.1:9"], {}, /enkash: set ENKASH_ACCESS_TOKEN to run against a real target/],
    ["an unknown command", async () => ["delete-everything"], {}, /unknown command 'delete-everything' \(expected one of run, serve, /],
    ["an unreadable --fixtures file", async () => ["run", "--provider", "enkash", "--fixtures", join(tempDir(), "missing.json")], {}, /cannot read fixtures file .*missing\.json: ENOENT/],
    ["a --fixtures file keyed by a provider in capitals", async () => ["run", "--provider", "enkash", "--fixtures", fixturesFile('{"Enkash": ["KC0000000000000A"]}')], {}, /fixtures file .*: \$\.Enkash is not a provider \(expected one of juspay, yuno, cashfree, enkash\)$/],
    ["a --fixtures file holding a list", async () => ["run", "--provider", "enkash", "--fixtures", fixturesFile("[1,2,3]")], {}, /fixtures file .*: \$ must be an object keyed by provider .*, got an array$/],
    ["a --fixtures file holding null", async () => ["run", "--provider", "enkash", "--fixtures", fixturesFile("null")], {}, /fixtures file .*: \$ must be an object keyed by provider .*, got null$/],
    ["a --concurrency above its bound", async () => ["run", "--concurrency", "65"], {}, /--concurrency must be an integer from 1 to 64, got "65"$/],
    ["a negative --concurrency", async () => ["run", "--concurrency", "-1"], {}, /--concurrency must be an integer from 1 to 64, got "-1"$/],
    ["a negative --seed", async () => ["run", "--seed", "-5"], {}, /--seed must be an integer from 0 to 4294967295, got "-5"$/],
    ["a --rate-limit that is not a rate", async () => ["run", "--rate-limit", "fast"], {}, /--rate-limit must be a rate such as 10, 10\/s, 100\/m or 500\/h, from 1\/h to 1000\/s, got "fast"$/],
    ["a --rate-limit of zero", async () => ["run", "--rate-limit", "0/m"], {}, /--rate-limit must be a rate such as .* got "0\/m"$/],
    ["a negative --timeout-ms to verify-pacts", async () => ["verify-pacts", "--timeout-ms", "-10"], {}, /--timeout-ms must be an integer from 1 to 600000, got "-10"$/],
    ["a one-letter credential", async () => ["run", "--provider", "cashfree", "--target", "http://127.0.0.1:9"], { CASHFREE_CLIENT_ID: "a", CASHFREE_CLIENT_SECRET: "test-client-secret-0001" }, /^payconform: cashfree: CASHFREE_CLIENT_ID is shorter than 8 characters; so short a credential is refused, because masking it in the output would garble ordinary text$/],
    ["a --ca-cert file without a certificate", async () => ["run", "--ca-cert", fixturesFile("not a certificate")], {}, /--ca-cert file .* holds no PEM certificate/],
  ];
  it.concurrent.each(rows)("%s", async (_name, args, env, message) => {
    const argv = await args();
    const result = await runCli(argv[0] === "run" ? [...argv, "--report-dir", tempDir()] : argv, { env });
    expectToolError(result, message);
  });
});

describe("a --report-dir that cannot be written", () => {
  /** A folder that exists and that this user cannot write to: root writes anywhere but in sysfs. */
  function unwritableFolder(): string {
    if (process.getuid?.() === 0) return "/sys/kernel";
    const dir = tempDir();
    chmodSync(dir, 0o555);
    return dir;
  }

  it("an existing folder without write access: exit 2 before any request, found by writing to it", async () => {
    const sandbox = await startRecordingSandbox("enkash");
    const dir = unwritableFolder();
    const result = await runCli(["run", "--provider", "enkash", "--target", sandbox.baseUrl, "--state-url", sandbox.stateUrl, "--report-dir", dir], { env: sandbox.credentials });
    expectToolError(result, new RegExp(`cannot write to the report folder ${dir}: (EACCES|EPERM|EROFS)$`));
    expect(sandbox.seen).toEqual([]);
  });

  it("a folder under /proc, which recursive mkdir never gives up on: exit 2", async () => {
    const result = await runCli(["run", "--provider", "enkash", "--report-dir", "/proc/nope/reports"]);
    expectToolError(result, /cannot create the report folder \/proc\/nope\/reports: ENOENT$/);
  });

  it("exits 2 before any request reaches the target", async () => {
    const sandbox = await startRecordingSandbox("enkash");
    const notADir = join(tempDir(), "file");
    writeFileSync(notADir, "");
    const result = await runCli(["run", "--provider", "enkash", "--target", sandbox.baseUrl, "--report-dir", notADir], { env: sandbox.credentials });
    expectToolError(result, /cannot create the report folder .*file: (EEXIST|ENOTDIR)$/);
    expect(sandbox.seen).toEqual([]);
  });
});

describe("production targets are refused before any connection", () => {
  const refusal = /^payconform: api\.juspay\.in is juspay's production server \(https:\/\/api\.juspay\.in\); deletes are destructive, pass --allow-production to run against it$/;
  const rows: Array<[string, string[], Record<string, string>, RegExp]> = [
    ["Juspay's production host", ["--target", "https://api.juspay.in"], {}, refusal],
    ["Juspay's production host for a Yuno run", ["--provider", "yuno", "--target", "https://api.juspay.in"], YUNO_ENV, refusal],
    ["Juspay's production host after another provider", ["--provider", "yuno,juspay", "--target", "https://API.juspay.in"], { ...YUNO_ENV, JUSPAY_API_KEY: "test-key-0001" }, refusal],
    ["--allow-production moves on to the missing credentials", ["--target", "https://api.juspay.in", "--allow-production"], {}, /^payconform: juspay: set JUSPAY_API_KEY to run against a real target/],
  ];
  it.concurrent.each(rows)("%s", async (_name, args, env, message) => {
    const result = await runCli(["run", ...args, "--report-dir", tempDir()], { env, denyNetwork: true });
    expectToolError(result, message);
  });

  it("the network guard does catch a connection attempt", async () => {
    const result = await runCli(["run", "--provider", "enkash", "--target", "http://127.0.0.1:9", "--report-dir", tempDir()], { env: { ENKASH_ACCESS_TOKEN: "test-token-0001" }, denyNetwork: true });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("network access attempted");
  });
});

describe("payconform validate-payload", () => {
  it.concurrent.each([
    ["the repaired request and response: exit 0", async () => [`${EXAMPLES}/request.json`, `${EXAMPLES}/response.json`], 0],
    ["a response answering another request: exit 1", async () => [`${EXAMPLES}/request.json`, mismatchedResponse()], 1],
  ] as const)("%s", async (_name, files, code) => {
    const [request, response] = await files();
    const result = await runCli(["validate-payload", "--request", request, "--response", response]);
    expect(result.code, result.stdout + result.stderr).toBe(code);
    if (code === 1) expect(result.stdout).toContain("requestId");
  });

  it("exits 2 on the page's sample, which is not valid JSON", async () => {
    const result = await runCli(["validate-payload", "--request", `${EXAMPLES}/request.doc.txt`]);
    expectToolError(result, /invalid JSON in payload file .*request\.doc\.txt at line \d+, column \d+/);
  });
});

function fixturesFile(text: string): string {
  const file = join(tempDir(), "fixtures.json");
  writeFileSync(file, text);
  return file;
}

function mismatchedResponse(): string {
  const file = join(tempDir(), "response.json");
  const response = { service: "in.juspay.hyperapi", requestId: "00000000-0000-4000-8000-000000000000", payload: { action: "upiDeleteAccount", status: "SUCCESS" }, event: "process_result", errorMessage: "", errorCode: "", error: false };
  writeFileSync(file, JSON.stringify(response));
  return file;
}
