/** The console reporter: progress on its own stream, the provider × check matrix, then every failure. */
import { describe, expect, it } from "vitest";
import { CHECK_IDS } from "../../src/checks/ids.ts";
import { consoleReporter } from "../../src/reporters/console.ts";
import { summarize, type Result, type RunEvent } from "../../src/runner/events.ts";

function fakeStreams(isTTY: boolean): { out: string[]; progress: string[]; streams: Parameters<typeof consoleReporter>[0] } {
  const out: string[] = [];
  const progress: string[] = [];
  return { out, progress, streams: { out: { write: (t: string) => out.push(t) }, progress: { write: (t: string) => progress.push(t), isTTY } } };
}

const result = (provider: string, check: Result["check"], outcome: Result["outcome"], extra: Partial<Result> = {}): Result => ({
  provider,
  operationId: "op",
  check,
  case: "case one",
  outcome,
  message: outcome === "passed" ? "" : `${check} ${outcome}`,
  basis: "documented",
  ...extra,
});

const RESULTS: Result[] = [
  result("enkash", "status_code_conformance", "passed"),
  result("enkash", "delete_semantics", "failed", { expected: "404", actual: "200", curl: "curl -i -X DELETE 'http://127.0.0.1:1/x' -H 'authorization: Bearer ***'" }),
  result("enkash", "delete_semantics", "passed"),
  result("enkash", "auth_enforcement", "warning", { expected: "a documented 4xx", actual: "422", curl: "curl -i -X DELETE 'http://127.0.0.1:1/y'" }),
  result("yuno", "status_code_conformance", "passed"),
  result("yuno", "delete_semantics", "skipped"),
  result("yuno", "not_a_server_error", "errored", { curl: "curl -i -X DELETE 'http://127.0.0.1:1/z'" }),
];

async function render(isTTY: boolean): Promise<{ out: string; progress: string }> {
  const { out, progress, streams } = fakeStreams(isTTY);
  const reporter = consoleReporter(streams);
  const events: RunEvent[] = [
    { type: "run-start", at: 0, tool: "payconform", version: "0.0.0", providers: ["enkash", "yuno"], seed: 1, strict: false, target: "embedded sandbox" },
    { type: "provider-start", at: 0, provider: "enkash", target: "embedded sandbox", embedded: true, scenarios: 2 },
    { type: "progress", provider: "enkash", done: 1, total: 2 },
    { type: "progress", provider: "enkash", done: 2, total: 2 },
    ...RESULTS.filter((r) => r.provider === "enkash").map((r): RunEvent => ({ type: "result", result: r })),
    { type: "provider-end", at: 0, provider: "enkash" },
    { type: "provider-start", at: 0, provider: "yuno", target: "http://127.0.0.1:1/v1", embedded: false, scenarios: 1 },
    ...RESULTS.filter((r) => r.provider === "yuno").map((r): RunEvent => ({ type: "result", result: r })),
    { type: "provider-end", at: 0, provider: "yuno" },
    { type: "run-end", at: 0, summary: summarize(RESULTS) },
  ];
  for (const e of events) reporter.handle(e);
  await reporter.finish();
  return { out: out.join(""), progress: progress.join("") };
}

describe("console reporter", () => {
  it.each([
    [true, "payconform: enkash → embedded sandbox (2 scenarios)\n\r  enkash: 1/2 scenarios\r  enkash: 2/2 scenarios\npayconform: yuno → http://127.0.0.1:1/v1 (1 scenarios)\n\n"],
    [false, "payconform: enkash → embedded sandbox (2 scenarios)\npayconform: yuno → http://127.0.0.1:1/v1 (1 scenarios)\n"],
  ])("progress on a stream with isTTY %s", async (isTTY, want) => {
    const { progress, out } = await render(isTTY);
    expect(progress).toBe(want);
    expect(out).not.toContain("scenarios");
  });

  it("prints the provider × check matrix", async () => {
    const { out } = await render(false);
    const lines = out.split("\n");
    const header = lines.findIndex((l) => /^check\s+enkash\s+yuno\s*$/.test(l));
    expect(header).toBeGreaterThanOrEqual(0);
    const rows = Object.fromEntries(lines.slice(header + 1, header + 1 + CHECK_IDS.length).map((l) => [l.split(/\s+/)[0], l.trim().split(/\s+/).slice(1)]));
    expect(Object.keys(rows)).toEqual([...CHECK_IDS]);
    expect(rows.status_code_conformance).toEqual(["passed", "passed"]);
    expect(rows.delete_semantics).toEqual(["FAILED", "skipped"]);
    expect(rows.auth_enforcement).toEqual(["warn", "-"]);
    expect(rows.not_a_server_error).toEqual(["-", "FAILED"]);
    expect(rows.no_secret_echo).toEqual(["-", "-"]);
  });

  it("prints each failure, warning and error with expected, actual and a curl line, then the summary", async () => {
    const { out } = await render(false);
    expect(out).toContain(
      "\nFAILED enkash delete_semantics [case one]\n  delete_semantics failed\n  expected: 404\n  actual:   200\n  reproduce: curl -i -X DELETE 'http://127.0.0.1:1/x' -H 'authorization: Bearer ***'\n",
    );
    expect(out).toContain("\nWARNING enkash auth_enforcement [case one]\n  auth_enforcement warning\n  expected: a documented 4xx\n  actual:   422\n  reproduce: curl");
    expect(out).toContain("\nERRORED yuno not_a_server_error [case one]\n  not_a_server_error errored\n  reproduce: curl");
    expect(out).not.toMatch(/PASSED|SKIPPED/);
    expect(out.trimEnd().split("\n").at(-1)).toBe("3 passed, 1 failed, 1 errored, 1 skipped, 1 warnings");
  });
});

describe("long values on the console", () => {
  it("are shortened to about 200 characters, saying how much was left out", async () => {
    const long = `KC${"A".repeat(4094)}`;
    const { out, streams } = fakeStreams(false);
    const reporter = consoleReporter(streams);
    const r = result("enkash", "path_pattern_enforcement", "failed", { expected: "a 4xx", actual: `200 for ${long}`, curl: `curl -i -X DELETE 'http://127.0.0.1:1/api/v0/customer/${long}'` });
    reporter.handle({ type: "result", result: r });
    await reporter.finish();
    const text = out.join("");
    const line = (prefix: string): string => text.split("\n").find((l) => l.startsWith(prefix))!;
    expect(line("  actual:   ")).toBe(`  actual:   200 for KC${"A".repeat(190)}… (3904 more characters)`);
    expect(line("  reproduce: ")).toMatch(/^ {2}reproduce: curl -i -X DELETE 'http:\/\/127\.0\.0\.1:1\/api\/v0\/customer\/KCA+… \(\d+ more characters\)$/);
    expect(line("  reproduce: ").length).toBeLessThan(260);
    expect(text).not.toContain("A".repeat(300));
  });
});

describe("warnings alike on the console", () => {
  it("are printed once, with the other cases named, while every failure stays whole", async () => {
    const { out, streams } = fakeStreams(false);
    const reporter = consoleReporter(streams);
    const alike = (n: number) => result("yuno", "status_code_conformance", "warning", { case: `credentials case ${n}`, expected: "one of 202, 400", actual: "401", curl: `curl ${n}` });
    const failed = (n: number) => result("yuno", "status_code_conformance", "failed", { case: `failed case ${n}`, expected: "one of 202, 400", actual: "500" });
    for (const r of [alike(1), failed(1), alike(2), alike(3), failed(2), ...[4, 5, 6, 7, 8].map(alike), result("yuno", "auth_enforcement", "warning", { expected: "400", actual: "401" })]) reporter.handle({ type: "result", result: r });
    await reporter.finish();
    const text = out.join("");
    expect(text.match(/^WARNING yuno status_code_conformance/gm)).toHaveLength(1);
    expect(text).toContain("\nWARNING yuno status_code_conformance [credentials case 1]\n");
    expect(text).toContain("  and 7 more case(s) with the same expected and actual (every one in the reports): credentials case 2; credentials case 3; credentials case 4; credentials case 5; credentials case 6; and 2 more\n");
    expect(text.match(/^FAILED yuno status_code_conformance/gm)).toHaveLength(2);
    expect(text.match(/^WARNING yuno auth_enforcement/gm)).toHaveLength(1);
    // In the order each first appears.
    expect(text.indexOf("[credentials case 1]")).toBeLessThan(text.indexOf("[failed case 1]"));
  });
});
