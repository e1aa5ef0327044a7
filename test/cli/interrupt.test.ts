/**
 * SIGINT and SIGTERM stop a run the way a tool error does: no further request goes out, both
 * reports are written with the results of every scenario that completed and "error":
 * "interrupted" (replacing an earlier green report), and the exit code is 128 + the signal's
 * number. verify-pacts stops its verifier and exits the same way.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { ServerResponse } from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { RACE_BURST } from "../../src/cases/delete-cases.ts";
import { removeTempDirs, tempDir } from "../runner/harness.ts";
import { closeTargets, startRecordingSandbox, type RecordingSandbox } from "../runner/targets.ts";
import { xmlProblems } from "../runner/well-formed-xml.ts";
import { startCli } from "./spawn-cli.ts";

afterAll(async () => {
  await closeTargets();
  removeTempDirs();
});

/** A target that answers its first `n` API requests and then holds every later one open. */
async function stallingAfter(n: number, provider: "enkash" | "cashfree" = "enkash"): Promise<RecordingSandbox> {
  const held: ServerResponse[] = [];
  return startRecordingSandbox(provider, {
    rawResponse: (_req, res) => {
      if (held.length === 0 && n-- > 0) return false;
      held.push(res);
      return true;
    },
  });
}

/** Waits until `count` has not changed for 300 ms, a bounded number of times. */
async function settled(count: () => number): Promise<void> {
  let last = -1;
  for (let i = 0; i < 100 && count() !== last; i++) {
    last = count();
    await sleep(300);
  }
}

/** Waits, a bounded number of times, until `done` holds. */
async function until(done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1200 && !done(); i++) await sleep(50);
  if (!done()) throw new Error(`gave up waiting for ${what}`);
}

const GREEN = JSON.stringify({ summary: { passed: 30, failed: 0, errored: 0, skipped: 0, warnings: 0 }, results: [] });

describe("an interrupted run", () => {
  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)("%s: exit %i, reports with the results so far and \"error\": \"interrupted\"", async (signal, code) => {
    const sandbox = await stallingAfter(6);
    const dir = tempDir();
    writeFileSync(join(dir, "conformance.json"), GREEN);
    const cli = startCli(["run", "--provider", "enkash", "--target", sandbox.baseUrl, "--state-url", sandbox.stateUrl, "--report-dir", dir, "--concurrency", "1", "--timeout-ms", "60000"], { env: sandbox.credentials });
    await until(() => sandbox.seen.length >= 7, "the target to hold a request");
    // The race's burst goes out beside the limiter: while its copies are held, the limiter's own
    // request may still leave. Wait until nothing more arrives, so every request sent before the
    // signal is counted.
    await settled(() => sandbox.seen.length);
    const sent = sandbox.seen.length;
    cli.child.kill(signal);
    const result = await cli.result;

    expect(result.code, result.stderr).toBe(code);
    expect(result.stderr.trim().split("\n").at(-1)).toBe(`payconform: interrupted by ${signal}`);
    const report = JSON.parse(readFileSync(join(dir, "conformance.json"), "utf8")) as { summary: Record<string, number>; error?: string; results: unknown[] };
    expect(report.error).toBe("interrupted");
    expect(report.results.length).toBeGreaterThan(0);
    expect(report.summary.passed).toBe(report.results.length);
    const junit = readFileSync(join(dir, "junit.xml"), "utf8");
    expect(xmlProblems(junit)).toEqual([]);
    expect(junit).toContain('<error message="interrupted">');
    // Nothing new went out after the signal. The race's burst, RACE_BURST copies of one delete sent
    // together outside the limiter, may have left before it and still be arriving: a late request
    // is the same as one the target already held, or one of RACE_BURST identical copies.
    const key = (r: { method: string; rawUrl: string }): string => `${r.method} ${r.rawUrl}`;
    const before = new Set(sandbox.seen.slice(0, sent).map(key));
    const copies = (k: string): number => sandbox.seen.filter((r) => key(r) === k).length;
    for (const late of sandbox.seen.slice(sent)) expect(before.has(key(late)) || copies(key(late)) === RACE_BURST, key(late)).toBe(true);
  });
});

describe("interrupted verify-pacts", () => {
  it("stops the verifier and exits 130", async () => {
    const sandbox = await stallingAfter(1, "cashfree");
    const cli = startCli(["verify-pacts", "--provider", "cashfree", "--target", sandbox.baseUrl, "--state-url", sandbox.stateUrl, "--timeout-ms", "60000"], { env: { ...sandbox.credentials, PACT_DO_NOT_TRACK: "true" } });
    await until(() => sandbox.seen.length >= 2, "the target to hold a request");
    cli.child.kill("SIGINT");
    const result = await cli.result;

    expect(result.code, result.stderr).toBe(130);
    expect(result.stderr.trim().split("\n").at(-1)).toBe("payconform: interrupted by SIGINT");
  });
});
