/**
 * In-process runs for the runner tests: `run()` with a collecting reporter and the real JSON and
 * JUnit reporters writing to a fresh temporary folder. The environment is only what the test
 * passes, so no credential of the machine ever reaches a test target.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { jsonReporter } from "../../src/reporters/json.ts";
import { junitReporter } from "../../src/reporters/junit.ts";
import type { Reporter, Result, RunEvent, Summary } from "../../src/runner/events.ts";
import { resolveRunOptions, type RunOptions } from "../../src/runner/options.ts";
import { run } from "../../src/runner/run.ts";

export interface CollectedRun {
  /** The summary run() resolved to; undefined when it threw. */
  summary?: Summary;
  /** What run() threw, if it did. */
  error?: unknown;
  events: RunEvent[];
  results: Result[];
  reportDir: string;
  /** conformance.json as written. */
  json(): ConformanceReport;
  /** junit.xml as written. */
  junit(): string;
}

export interface ConformanceReport {
  summary: Summary;
  error?: string;
  results: Array<Record<string, unknown>>;
}

const dirs: string[] = [];

/** A temporary folder removed by `removeTempDirs`. */
export function tempDir(prefix = "payconform-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function collector(events: RunEvent[], extra?: (event: RunEvent) => void): Reporter {
  return {
    handle: (event) => {
      events.push(event);
      extra?.(event);
    },
    finish: async () => {},
  };
}

/** Runs with `partial` options (env defaults to empty) and never throws: errors are returned. */
export async function runCollecting(partial: Partial<RunOptions>, onEvent?: (event: RunEvent) => void): Promise<CollectedRun> {
  const reportDir = tempDir();
  const options = resolveRunOptions({ env: {}, ...partial, reportDir });
  const events: RunEvent[] = [];
  const out: CollectedRun = {
    events,
    results: [],
    reportDir,
    json: () => JSON.parse(readFileSync(join(reportDir, "conformance.json"), "utf8")) as ConformanceReport,
    junit: () => readFileSync(join(reportDir, "junit.xml"), "utf8"),
  };
  try {
    out.summary = await run(options, [collector(events, onEvent), jsonReporter(reportDir), junitReporter(reportDir)]);
  } catch (error) {
    out.error = error;
  }
  out.results = events.flatMap((e) => (e.type === "result" ? [e.result] : []));
  return out;
}

/** Results of one check, optionally narrowed to one outcome. */
export function resultsOf(results: readonly Result[], check: Result["check"], outcome?: Result["outcome"]): Result[] {
  return results.filter((r) => r.check === check && (outcome === undefined || r.outcome === outcome));
}
