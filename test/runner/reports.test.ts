/**
 * conformance.json and junit.xml: their shape, their well-formedness, and that a run always
 * writes them, also when a tool error stops it after a provider has run.
 */
import { afterEach, describe, expect, it } from "vitest";
import { TargetUnreachableError } from "../../src/errors.ts";
import { redactUrl } from "../../src/http/redact.ts";
import { renderJunit } from "../../src/reporters/junit.ts";
import type { Result } from "../../src/runner/events.ts";
import { VERSION } from "../../src/version.ts";
import { removeTempDirs, runCollecting } from "./harness.ts";
import { aimAt, closeTargets, startRecordingSandbox } from "./targets.ts";
import { xmlProblems } from "./well-formed-xml.ts";

afterEach(async () => {
  await closeTargets();
  removeTempDirs();
});

const SUMMARY_KEYS = ["errored", "failed", "passed", "skipped", "warnings"];
const RESULT_KEYS = ["case", "check", "message", "operationId", "outcome", "provider"];

describe("conformance.json", () => {
  it("has the summary and result keys, and a curl on every result that did not pass", async () => {
    // A target that accepts everything: every negative case fails, with a curl to reproduce it.
    const sandbox = await startRecordingSandbox("enkash", { transformReply: () => ({ status: 200, body: { response_code: 200, response_message: "OK" } }) });
    const run = await runCollecting(aimAt(sandbox));
    const report = run.json();

    expect(Object.keys(report.summary).sort()).toEqual(SUMMARY_KEYS);
    expect(report.summary).toEqual(run.summary);
    expect(report.error).toBeUndefined();
    expect(report.summary.failed).toBeGreaterThan(0);
    for (const r of report.results) {
      for (const key of RESULT_KEYS) expect(typeof r[key], `${key} of ${JSON.stringify(r)}`).toBe("string");
      if (r.outcome === "passed") expect(r.curl).toBeUndefined();
      else expect(r.curl, JSON.stringify(r)).toMatch(/^curl -i -X (DELETE|GET|PUT|PATCH|POST|HEAD|OPTIONS|TRACE|PURGE) (--http1\.0 )?(--path-as-is )?(--request-target 'http:\/\/127\.0\.0\.1:\d+\/[^']*' )?'http:\/\/127\.0\.0\.1:\d+\//);
    }
    expect(xmlProblems(run.junit())).toEqual([]);
  });
});

describe("run metadata", () => {
  it("conformance.json records the tool, version, seed, providers, the redacted target and state URL, and the times; each result its request and duration", async () => {
    const sandbox = await startRecordingSandbox("enkash");
    const before = Date.now();
    const run = await runCollecting(aimAt(sandbox, { stateUrl: `${sandbox.stateUrl}?token=state-secret-0001`, seed: 42 }));
    const report = run.json() as ReturnType<typeof run.json> & { metadata: Record<string, unknown> };

    expect(run.error).toBeUndefined();
    expect(Object.keys(report)).toEqual(["summary", "metadata", "results"]);
    const { startedAt, finishedAt, durationMs, ...rest } = report.metadata;
    expect(rest).toEqual({
      tool: "payconform",
      version: VERSION,
      seed: 42,
      strict: false,
      providers: ["enkash"],
      target: sandbox.baseUrl,
      stateUrl: `${sandbox.stateUrl}?token=***`,
    });
    const [start, end] = [Date.parse(String(startedAt)), Date.parse(String(finishedAt))];
    expect(start).toBeGreaterThanOrEqual(before - 1000);
    expect(end).toBeGreaterThanOrEqual(start);
    expect(durationMs).toBe(end - start);
    expect(JSON.stringify(report)).not.toContain("state-secret-0001");

    const passed = report.results.filter((r) => r.outcome === "passed");
    expect(passed.length).toBeGreaterThan(20);
    for (const r of passed) {
      expect(r.method, JSON.stringify(r)).toMatch(/^(DELETE|GET|PUT|PATCH|POST|HEAD|OPTIONS|TRACE|PURGE)$/);
      // The credentials case also sends the path with a letter percent-encoded or in the other case,
      // or its first slash doubled, or to / with the path in X-Original-URL, and exact_id_match with
      // the slash before the id percent-encoded, and detours through /health/.. and /public/...
      expect(r.path).toMatch(/^((\/health|\/public)\/\.\.)?(\/\/?(api|%61pi|Api|api;x)(\/internal)?(\/v0?[01])?\/customers?(\/|%2F)|\/$)/);
      expect(typeof r.durationMs).toBe("number");
      expect(r.durationMs as number).toBeGreaterThanOrEqual(0);
    }
    // Every request the target saw is recorded by some result, method and path as sent.
    const recorded = new Set(report.results.map((r) => `${r.method} ${r.path}`));
    // (A credential sent in the query, auth_enforcement's in-query case, is masked in the report.)
    const masked = (url: string): string => Object.values(sandbox.credentials).reduce((text, secret) => text.split(secret).join("***"), url);
    for (const req of sandbox.seen) expect(recorded.has(`${req.method} ${masked(req.rawUrl)}`), `${req.method} ${req.rawUrl}`).toBe(true);
  });

  it("junit.xml has time attributes and the same metadata as properties", async () => {
    const sandbox = await startRecordingSandbox("enkash");
    const run = await runCollecting(aimAt(sandbox, { seed: 42 }));
    const junit = run.junit();

    expect(xmlProblems(junit)).toEqual([]);
    expect(junit).toMatch(/<testsuites name="payconform" tests="\d+" failures="0" errors="0" skipped="0" time="\d+\.\d{3}">/);
    expect(junit).toMatch(/<testsuite name="enkash" tests="\d+" failures="0" errors="0" skipped="0" time="\d+\.\d{3}" timestamp="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d">/);
    const cases = junit.match(/<testcase [^>]*>/g) ?? [];
    expect(cases.length).toBe(run.results.length);
    for (const c of cases) expect(c).toMatch(/ time="\d+\.\d{3}"/);
    for (const [name, value] of [["tool", "payconform"], ["version", VERSION], ["seed", "42"], ["providers", "enkash"], ["target", sandbox.baseUrl]]) {
      expect(junit).toContain(`<property name="payconform.${name}" value="${value}"/>`);
    }
    expect(junit).toMatch(/<property name="payconform.startedAt" value="\d{4}-\d\d-\d\dT[\d:.]+Z"\/>/);
  });

  it.each([
    ["http://127.0.0.1:8080/v1", "http://127.0.0.1:8080/v1"],
    ["https://user:pass@example.com/state?token=abc&x=1#frag", "https://***@example.com/state?token=***&x=***#***"],
    ["not a url", "not a url"],
  ])("a URL is named as %s → %s", (url, named) => {
    expect(redactUrl(url)).toBe(named);
  });
});

describe("text from a target that XML cannot hold", () => {
  it("is escaped in junit.xml, which stays well-formed, and kept in conformance.json", async () => {
    const body = "\ufffe\uffff \u0001\u0008 \ud800 not JSON";
    const sandbox = await startRecordingSandbox("enkash", { transformReply: (_req, reply) => ({ status: reply.status, headers: { "content-type": "application/json" }, body }) });
    const run = await runCollecting(aimAt(sandbox));

    const junit = run.junit();
    expect(junit).toContain("\\ufffe\\uffff \\u0001\\u0008");
    expect(xmlProblems(junit)).toEqual([]);
    expect(run.json().results.some((r) => String(r.actual ?? "").includes("\ufffe\uffff"))).toBe(true);
  });
});

describe("a run stopped by a tool error", () => {
  it("writes the results so far and the reason to both reports", async () => {
    const sandbox = await startRecordingSandbox("enkash");
    // The target goes away once the first provider is done: the second cannot reach it.
    const run = await runCollecting(
      aimAt(sandbox, { providers: ["enkash", "cashfree"], env: { ...sandbox.credentials, CASHFREE_CLIENT_ID: "test-client-0001", CASHFREE_CLIENT_SECRET: "test-client-secret-0001" } }),
      (event) => {
        if (event.type === "provider-end") void sandbox.close();
      },
    );

    expect(run.error).toBeInstanceOf(TargetUnreachableError);
    const report = run.json();
    expect(report.error).toMatch(/^target http:\/\/127\.0\.0\.1:\d+ is unreachable: ECONNREFUSED$/);
    expect(report.results.length).toBeGreaterThan(20);
    expect(new Set(report.results.map((r) => r.provider))).toEqual(new Set(["enkash"]));
    expect(report.summary.passed).toBe(report.results.length);
    const junit = run.junit();
    expect(xmlProblems(junit)).toEqual([]);
    expect(junit).toContain('<testsuite name="enkash"');
    expect(junit).toMatch(/<testsuites name="payconform" tests="\d+" failures="0" errors="1"/);
    expect(junit).toMatch(/<error message="target http:\/\/127\.0\.0\.1:\d+ is unreachable: ECONNREFUSED">/);
  });

  it("refuses a later provider's missing credentials before any request", async () => {
    const sandbox = await startRecordingSandbox("enkash");
    const run = await runCollecting(aimAt(sandbox, { providers: ["enkash", "yuno"] }));

    expect((run.error as Error).message).toMatch(/^yuno: set YUNO_PUBLIC_API_KEY, YUNO_PRIVATE_SECRET_KEY, YUNO_ACCOUNT_CODE/);
    expect(sandbox.seen).toEqual([]);
    expect(run.json()).toMatchObject({ summary: { passed: 0, failed: 0, errored: 0, skipped: 0, warnings: 0 }, results: [] });
    expect(run.json().error).toMatch(/^yuno: set /);
    expect(xmlProblems(run.junit())).toEqual([]);
  });
});

describe("junit.xml", () => {
  const base: Omit<Result, "outcome" | "message"> = { provider: "enkash", operationId: "op", check: "status_code_conformance", case: "a <case> & \"more\"", basis: "documented" };
  const hostile = "bad \u0001 <tag> & 'quote' \"dq\" ]]> \u001f \ufffe \uffff \ud800 lone \udc00 \u{1f600} end";
  it.each([
    ["passed", ""],
    ["failed", hostile],
    ["errored", hostile],
    ["skipped", hostile],
    ["warning", hostile],
  ] as const)("a %s result with hostile text stays well-formed", (outcome, message) => {
    const xml = renderJunit([{ ...base, outcome, message, expected: hostile, actual: hostile, curl: `curl '${hostile}'` }], hostile);
    expect(xmlProblems(xml)).toEqual([]);
  });

  it("keeps every character XML allows, emoji included, and escapes the others as \\uXXXX", () => {
    const xml = renderJunit([{ ...base, outcome: "failed", message: hostile }]);
    expect(xml).toContain("\u{1f600}");
    expect(xml).toContain("\\ufffe \\uffff \\ud800 lone \\udc00");
  });

  it.each([
    ["U+FFFE", "<a>\ufffe</a>"],
    ["a lone surrogate", "<a>\ud800</a>"],
    ["a tag closed out of order", "<a><b></a></b>"],
    ["an unclosed tag", "<a><b></b>"],
    ["a stray ampersand", "<a>x & y</a>"],
    ["two roots", "<a/><b/>"],
  ])("the well-formedness check catches %s", (_name, xml) => {
    expect(xmlProblems(xml)).not.toEqual([]);
  });
});
