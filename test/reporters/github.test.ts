/**
 * `--reporter github`: one workflow command per finding (::error for failed and errored, ::warning
 * for a warning), escaped by GitHub's rules so that text from a target can neither end a command
 * early nor start another.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { annotation, data, property } from "../../src/reporters/github.ts";
import type { Result } from "../../src/runner/events.ts";
import { runCli } from "../cli/spawn-cli.ts";
import { removeTempDirs, tempDir } from "../runner/harness.ts";
import { closeTargets, startRecordingSandbox } from "../runner/targets.ts";

afterAll(async () => {
  await closeTargets();
  removeTempDirs();
});

const finding: Result = {
  provider: "enkash",
  operationId: "op",
  check: "delete_semantics",
  case: "delete an id that never existed",
  outcome: "failed",
  message: "status 200, 100% wrong\r\n::error::injected",
  expected: "404",
  actual: "200",
  curl: "curl -i -X DELETE 'http://127.0.0.1:1/x'",
  basis: "documented",
};

describe("workflow command escaping", () => {
  it.each([
    ["100%", "100%25", "100%25"],
    ["a\r\nb", "a%0D%0Ab", "a%0D%0Ab"],
    ["key: a, b", "key: a, b", "key%3A a%2C b"],
    ["%0A", "%250A", "%250A"],
  ])("%j is %j as data and %j as a property", (text, asData, asProperty) => {
    expect(data(text)).toBe(asData);
    expect(property(text)).toBe(asProperty);
  });

  it("puts a finding on one line: title, case, message, expected, actual, curl", () => {
    const line = annotation(finding);
    expect(line.split("\n")).toHaveLength(1);
    expect(line).toBe(
      "::error title=payconform enkash delete_semantics::delete an id that never existed: status 200, 100%25 wrong%0D%0A::error::injected%0Aexpected: 404%0Aactual: 200%0Areproduce: curl -i -X DELETE 'http://127.0.0.1:1/x'",
    );
  });

  it("makes a warning a ::warning and says when a result errored", () => {
    expect(annotation({ ...finding, outcome: "warning", basis: "assumed" })).toMatch(/^::warning title=payconform enkash delete_semantics \(assumed\)::/);
    expect(annotation({ ...finding, outcome: "errored" })).toMatch(/^::error title=payconform enkash delete_semantics \(errored\)::/);
  });
});

describe("payconform run --reporter github", () => {
  it("prints one workflow command per finding, then the totals and where the reports went", async () => {
    // Deleting an unknown customer answers 200: the documented not-found is 404.
    const sandbox = await startRecordingSandbox("enkash", {
      behaviour: { remove: () => ({ status: 200, body: { response_code: 200, response_message: "OK", payload: "deleted" } }) },
    });
    const dir = tempDir();
    const result = await runCli(["run", "--provider", "enkash", "--target", sandbox.baseUrl, "--state-url", sandbox.stateUrl, "--report-dir", dir, "--reporter", "github"], { env: sandbox.credentials });

    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, "conformance.json"), "utf8")) as { summary: Record<string, number> };
    const lines = result.stdout.trimEnd().split("\n");
    const errors = lines.filter((l) => l.startsWith("::error title=payconform enkash "));
    const warnings = lines.filter((l) => l.startsWith("::warning title=payconform enkash "));
    expect(errors.length).toBe(report.summary.failed + report.summary.errored);
    expect(errors.length).toBeGreaterThan(0);
    expect(warnings.length).toBe(report.summary.warnings);
    expect(lines.slice(errors.length + warnings.length)).toEqual([
      `payconform: ${report.summary.passed} passed, ${report.summary.failed} failed, ${report.summary.errored} errored, ${report.summary.skipped} skipped, ${report.summary.warnings} warnings`,
      expect.stringMatching(/^reports: .*junit\.xml, .*conformance\.json, .*report\.html, .*summary\.md$/),
    ]);
    expect(result.stdout).not.toContain("Bearer " + sandbox.credentials.ENKASH_ACCESS_TOKEN);
  });

  it("prints both with --reporter console,github", async () => {
    const dir = tempDir();
    const result = await runCli(["run", "--provider", "enkash", "--report-dir", dir, "--reporter", "console,github"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^check\s+enkash$/m);
    expect(result.stdout).toMatch(/^payconform: \d+ passed, 0 failed, 0 errored, 0 skipped, 0 warnings$/m);
  });

  it("refuses an unknown reporter with one line, exit 2", async () => {
    const result = await runCli(["run", "--reporter", "teamcity", "--report-dir", tempDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('payconform: unknown reporter "teamcity" (expected one of console, github)');
  });
});
