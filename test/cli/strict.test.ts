/**
 * --strict: a target that rejects deliberately invalid requests with a 4xx the doc does not list
 * (422 from Yuno, which documents 400) gets warnings and exit 0; with --strict they fail, exit 1.
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

describe("an undocumented 4xx to a negative case", () => {
  it.concurrent.each([
    ["without --strict: warnings, exit 0", [], 0, { warnings: 12, failed: 0 }],
    ["with --strict: failures, exit 1", ["--strict"], 1, { warnings: 0, failed: 12 }],
  ] as const)("%s", async (_name, flags, code, counts) => {
    const sandbox = await startRecordingSandbox("yuno", {
      behaviour: { errorReply: (kind, detail) => (kind === "notFound" ? yuno.errorReply(kind, detail) : { status: 422, body: { code: "UNPROCESSABLE", messages: [detail] } }) },
    });
    const dir = tempDir();
    const result = await runCli(["run", "--provider", "yuno", "--target", sandbox.baseUrl, "--state-url", sandbox.stateUrl, "--report-dir", dir, ...flags], { env: sandbox.credentials });

    expect(result.code, result.stderr).toBe(code);
    const report = JSON.parse(readFileSync(join(dir, "conformance.json"), "utf8")) as { summary: Record<string, number>; results: Array<{ outcome: string; message: string }> };
    expect(report.summary).toMatchObject({ ...counts, errored: 0 });
    const notable = report.results.filter((r) => r.outcome !== "passed");
    expect(notable.every((r) => /422/.test(r.message))).toBe(true);
    expect(result.stdout).toContain(`${code === 0 ? "WARNING" : "FAILED"} yuno status_code_conformance [credentials missing]`);
  });
});
