/**
 * Target faults become errored or failed results with a clear message; the run completes and
 * reports every other result.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Result } from "../../src/runner/events.ts";
import type { SandboxOptions } from "../../src/sandboxes/index.ts";
import { removeTempDirs, resultsOf, runCollecting, type CollectedRun } from "./harness.ts";
import { aimAt, closeAfter, closeTargets, faultOnFirst, hugeBody, resetConnection, stall, startRecordingSandbox } from "./targets.ts";
import type { RunOptions } from "../../src/runner/options.ts";

afterEach(async () => {
  await closeTargets();
  removeTempDirs();
});

/** The run resolved, announced its end, and its summary counts every result it emitted. */
function expectCompleted(run: CollectedRun): void {
  expect(run.error).toBeUndefined();
  expect(run.events.at(-1)?.type).toBe("run-end");
  const s = run.summary!;
  expect(s.passed + s.failed + s.errored + s.skipped + s.warnings).toBe(run.results.length);
  expect(run.json().results).toHaveLength(run.results.length);
}

const errored = (run: CollectedRun): Result[] => run.results.filter((r) => r.outcome === "errored");

describe("a transport fault on one request", () => {
  const rows: Array<[string, SandboxOptions, Partial<RunOptions>, RegExp]> = [
    ["connection reset", faultOnFirst(resetConnection), {}, /^reset: connection reset by target$/],
    ["no answer within --timeout-ms", faultOnFirst(stall(10_000)), { timeoutMs: 1000 }, /^timeout: no complete response within 1000 ms$/],
    ["a body larger than maxBodyBytes", faultOnFirst(hugeBody(64 * 1024)), { maxBodyBytes: 8192 }, /^body-too-large: response body exceeds 8192 bytes$/],
  ];
  it.each(rows)("%s: one errored result with its curl; the rest still run", async (_name, variant, options, message) => {
    const sandbox = await startRecordingSandbox("enkash", variant);
    const run = await runCollecting(aimAt(sandbox, options));

    expectCompleted(run);
    expect(errored(run)).toHaveLength(1);
    expect(errored(run)[0].message).toMatch(message);
    expect(errored(run)[0].curl).toMatch(/^curl -i -X DELETE 'http:\/\/127\.0\.0\.1:\d+\/api\/v0\/customer\//);
    expect(run.summary!.failed).toBe(0);
    expect(run.summary!.passed).toBeGreaterThan(100);
  });
});

describe("answers that are not the documented ones", () => {
  it("a body that is not JSON fails response_schema_conformance with the parse error", async () => {
    const sandbox = await startRecordingSandbox("enkash", {
      transformReply: (_req, reply) => ({ status: reply.status, headers: { "content-type": "application/json" }, body: "this is not JSON" }),
    });
    const run = await runCollecting(aimAt(sandbox));

    expectCompleted(run);
    expect(run.summary!.errored).toBe(0);
    const schema = resultsOf(run.results, "response_schema_conformance", "failed");
    expect(schema.length).toBeGreaterThan(0);
    expect(schema[0].actual).toMatch(/^not JSON: .* \(body starts "this is not JSON"\)$/);
  });

  it("an HTML error page fails not_a_server_error and status_code_conformance", async () => {
    const page = "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>";
    const sandbox = await startRecordingSandbox("enkash", {
      transformReply: () => ({ status: 502, headers: { "content-type": "text/html; charset=utf-8" }, body: page }),
    });
    const run = await runCollecting(aimAt(sandbox));

    expectCompleted(run);
    expect(run.summary!.errored).toBe(0);
    const serverErrors = resultsOf(run.results, "not_a_server_error", "failed");
    expect(serverErrors.length).toBe(sandbox.seen.length);
    expect(serverErrors[0].actual).toContain("502");
    expect(resultsOf(run.results, "status_code_conformance", "failed")[0].message).toBe("status 502 is not documented for deleteCustomerByCustomerId");
  });
});

describe("a target that goes away mid-run", () => {
  it("turns every later request into an errored result and still completes", async () => {
    const holder: { close?: () => Promise<void> } = {};
    const sandbox = await startRecordingSandbox("enkash", closeAfter(5, () => holder.close?.()));
    holder.close = sandbox.close;
    const run = await runCollecting(aimAt(sandbox, { concurrency: 1 }));

    expectCompleted(run);
    expect(sandbox.seen).toHaveLength(5);
    expect(run.summary!.passed).toBeGreaterThan(0);
    expect(run.summary!.errored).toBeGreaterThan(10);
    for (const r of errored(run)) expect(r.message).toMatch(/^(refused: connection refused by target|reset: connection reset by target|fixture setup failed: state URL .* unreachable: .*)$/);
    expect(errored(run).some((r) => r.message.startsWith("refused: "))).toBe(true);
  });
});
