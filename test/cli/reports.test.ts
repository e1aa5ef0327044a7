/**
 * A run always writes its reports: also when a tool error (exit 2) stops it, here a second
 * provider without credentials, refused before the first one sends anything.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeTempDirs, tempDir } from "../runner/harness.ts";
import { closeTargets, startRecordingSandbox } from "../runner/targets.ts";
import { xmlProblems } from "../runner/well-formed-xml.ts";
import { runCli } from "./spawn-cli.ts";

afterAll(async () => {
  await closeTargets();
  removeTempDirs();
});

describe("reports of a run stopped by a tool error", () => {
  it("are written, say why, and no request reached the target", async () => {
    const sandbox = await startRecordingSandbox("enkash");
    const dir = tempDir();
    const result = await runCli(["run", "--provider", "enkash,yuno", "--target", sandbox.baseUrl, "--state-url", sandbox.stateUrl, "--report-dir", dir], { env: sandbox.credentials });

    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n").filter((l) => !l.startsWith("npm warn"))).toEqual([
      "payconform: yuno: set YUNO_PUBLIC_API_KEY, YUNO_PRIVATE_SECRET_KEY, YUNO_ACCOUNT_CODE to run against a real target (see README, Credentials)",
    ]);
    expect(sandbox.seen).toEqual([]);
    const report = JSON.parse(readFileSync(join(dir, "conformance.json"), "utf8")) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(["summary", "metadata", "error", "results"]);
    expect(report.error).toMatch(/^yuno: set YUNO_PUBLIC_API_KEY/);
    expect(report.results).toEqual([]);
    const junit = readFileSync(join(dir, "junit.xml"), "utf8");
    expect(xmlProblems(junit)).toEqual([]);
    expect(junit).toMatch(/<testsuites name="payconform" tests="1" failures="0" errors="1" skipped="0" time="\d+\.\d{3}">/);
  });
});
