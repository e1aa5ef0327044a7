/**
 * summary.md: short enough for $GITHUB_STEP_SUMMARY or a pull-request comment however many
 * findings a run has, with the totals, the matrix and the first findings, and no text from a
 * target that Markdown would read as markup.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CHECK_IDS } from "../../src/checks/ids.ts";
import { MAX_FINDINGS, markdownReporter, renderMarkdown } from "../../src/reporters/markdown.ts";
import { summarize, type Result } from "../../src/runner/events.ts";
import { resolveRunOptions } from "../../src/runner/options.ts";
import { run } from "../../src/runner/run.ts";
import { removeTempDirs, tempDir } from "../runner/harness.ts";
import { aimAt, closeTargets, startRecordingSandbox } from "../runner/targets.ts";

afterAll(async () => {
  await closeTargets();
  removeTempDirs();
});

const result = (outcome: Result["outcome"], extra: Partial<Result> = {}): Result => ({
  provider: "enkash",
  operationId: "op",
  check: "delete_semantics",
  case: "case",
  outcome,
  message: outcome === "passed" ? "" : "wrong",
  basis: "documented",
  ...extra,
});

describe("summary.md", () => {
  it("of a run where every negative case fails: totals, matrix, the first findings, a few kilobytes", async () => {
    const sandbox = await startRecordingSandbox("enkash", { transformReply: () => ({ status: 200, body: { response_code: 200, response_message: "x".repeat(5000) } }) });
    const dir = tempDir();
    const summary = await run(resolveRunOptions({ env: {}, ...aimAt(sandbox), reportDir: dir }), [markdownReporter(dir)]);
    const md = readFileSync(join(dir, "summary.md"), "utf8");

    expect(summary.failed).toBeGreaterThan(MAX_FINDINGS);
    expect(md.split("\n")[0]).toBe(`## payconform: ${summary.failed + summary.errored} failed or errored`);
    expect(md).toContain(`**${summary.passed}** passed · **${summary.failed}** failed · **${summary.errored}** errored`);
    for (const check of CHECK_IDS) expect(md).toMatch(new RegExp(`^\\| \`${check}\` \\| .+ \\|$`, "m"));
    expect(md).toContain(`### Findings (first ${MAX_FINDINGS} of ${summary.failed + summary.errored + summary.warnings})`);
    expect(md.split("\n").filter((l) => l.startsWith("- ❌"))).toHaveLength(MAX_FINDINGS);
    expect(Buffer.byteLength(md)).toBeLessThan(16 * 1024);
  });

  it("counts failed and warned results per cell", () => {
    const md = renderMarkdown({
      results: [result("failed"), result("errored"), result("passed"), result("warning", { check: "auth_enforcement" }), result("passed", { provider: "yuno" })],
      summary: summarize([]),
    });
    expect(md).toContain("| check | enkash | yuno |");
    expect(md).toContain("| `delete_semantics` | ❌ 2 | ✅ |");
    expect(md).toContain("| `auth_enforcement` | ⚠️ 1 | – |");
  });

  it("escapes what Markdown would read as markup, tables or HTML, and keeps each finding on one line", () => {
    const hostile = "a | b <img src=x> **bold** [link](http://x) `code`\nsecond line & more";
    const md = renderMarkdown({ results: [result("failed", { message: hostile, expected: hostile, actual: hostile })], summary: summarize([]) });
    const finding = md.split("\n").find((l) => l.startsWith("- ❌"))!;
    expect(finding).toContain("a \\| b \\<img src=x\\> \\*\\*bold\\*\\* \\[link\\]\\(http://x\\) \\`code\\` second line \\& more");
    const quoted = finding.slice(finding.indexOf("case: ") + "case: ".length);
    expect(quoted).not.toMatch(/(^|[^\\])[|<>*`[\]()&]/);
    expect(md.split("\n").filter((l) => l.includes("second line"))).toEqual([finding]);
  });
});
