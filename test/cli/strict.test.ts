/**
 * --strict: a target that refuses requests with a 4xx the doc does not list (422 from Yuno, which
 * documents 400) gets warnings and exit 0; with --strict the same results fail, exit 1.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { baseBehaviour } from "../../src/sandboxes/index.ts";
import { removeTempDirs, tempDir } from "../runner/harness.ts";
import { closeTargets, startRecordingSandbox } from "../runner/targets.ts";
import { runCli } from "./spawn-cli.ts";

afterAll(async () => {
  await closeTargets();
  removeTempDirs();
});

const yuno = baseBehaviour("yuno");

describe("an undocumented 4xx to a request the target must refuse", () => {
  async function runWith(flags: string[]): Promise<{ code: number | null; stdout: string; stderr: string; summary: Record<string, number>; notable: Array<{ outcome: string; message: string }> }> {
    const sandbox = await startRecordingSandbox("yuno", {
      behaviour: { errorReply: (kind, detail) => (kind === "notFound" ? yuno.errorReply(kind, detail) : { status: 422, body: { code: "UNPROCESSABLE", messages: [detail] } }) },
    });
    const dir = tempDir();
    const result = await runCli(["run", "--provider", "yuno", "--target", sandbox.baseUrl, "--state-url", sandbox.stateUrl, "--report-dir", dir, ...flags], { env: sandbox.credentials });
    const report = JSON.parse(readFileSync(join(dir, "conformance.json"), "utf8")) as { summary: Record<string, number>; results: Array<{ outcome: string; message: string }> };
    return { ...result, summary: report.summary, notable: report.results.filter((r) => r.outcome !== "passed") };
  }

  it("is a warning (exit 0) without --strict, and the same results fail (exit 1) with it", async () => {
    const [lenient, strict] = await Promise.all([runWith([]), runWith(["--strict"])]);
    expect(lenient.code, lenient.stderr).toBe(0);
    expect(strict.code, strict.stderr).toBe(1);
    const n = lenient.summary.warnings;
    expect(n).toBeGreaterThanOrEqual(30);
    expect(lenient.summary).toMatchObject({ warnings: n, failed: 0, errored: 0 });
    expect(strict.summary).toMatchObject({ warnings: 0, failed: n, errored: 0 });
    for (const run of [lenient, strict]) expect(run.notable.every((r) => /422/.test(r.message))).toBe(true);
    expect(lenient.stdout).toContain("WARNING yuno status_code_conformance [credentials missing]");
    expect(strict.stdout).toContain("FAILED yuno status_code_conformance [credentials missing]");
  });
});
