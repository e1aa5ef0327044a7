/**
 * Whole `payconform run`s of all four providers, each a new process (`node bin/payconform.mjs
 * run`, cwd the repository, reports in a temporary folder): the median wall time, and the
 * "real run" figure, exchanges per second of a whole run with its per-provider set-up (spec,
 * Ajv, sandbox start), fixture scenarios and reports included. Exchanges are counted in one
 * more run with a preload (count-exchanges.ts) that listens on Node's HTTP diagnostics
 * channels; the count does not vary between runs of the same seed.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_DIR } from "./config.ts";
import { median } from "./drive.ts";
import { run, type Finished } from "./spawn.ts";

export interface FullRuns {
  /** Whole processes timed. */
  runs: number;
  /** Spawn to exit, median. */
  ms: number;
  samples: number[];
  /** The run's own time (conformance.json metadata.durationMs: run-start to run-end, process start and module loading excluded), median. */
  inRunMs: number;
  exitCode: number | null;
  /** The last line the run printed (its totals). */
  summary: string;
  /** Results in conformance.json. */
  results: number;
}

export interface RealRun {
  /** API requests the embedded sandboxes answered in one whole run (the provider-state endpoint apart). */
  exchanges: number;
  /** Provider-state calls (fixture set-up) in the same run. */
  stateCalls: number;
  /** exchanges over the median whole-process time. */
  exchangesPerSecond: number;
  /** exchanges over the median in-run time (process start and module loading excluded). */
  inRunExchangesPerSecond: number;
}

export async function fullRuns(times: number, timeoutMs: number): Promise<{ full: FullRuns; realRun: RealRun }> {
  const scratch = mkdtempSync(join(tmpdir(), "payconform-bench-full-"));
  try {
    const reportDir = join(scratch, "reports");
    const once = (preload: string[] = [], env: NodeJS.ProcessEnv = process.env): Promise<Finished> =>
      run(process.execPath, [...preload, "bin/payconform.mjs", "run", "--report-dir", reportDir], { cwd: REPO_DIR, env, timeoutMs });
    await once();
    const samples: Finished[] = [];
    const inRun: number[] = [];
    let results = 0;
    for (let i = 0; i < times; i++) {
      const r = await once();
      if (r.timedOut || (r.code !== 0 && r.code !== 1)) throw new Error(`payconform run exited ${r.code}${r.timedOut ? " (timed out)" : ""}: ${r.stderr.slice(-300)}`);
      samples.push(r);
      const report = JSON.parse(readFileSync(join(reportDir, "conformance.json"), "utf8")) as { metadata: { durationMs: number }; results: unknown[] };
      inRun.push(report.metadata.durationMs);
      results = report.results.length;
    }
    const countFile = join(scratch, "count.json");
    const counted = await once(["--import", "./bench/count-exchanges.ts"], { ...process.env, PAYCONFORM_BENCH_COUNT_FILE: countFile });
    if (counted.code !== 0 && counted.code !== 1) throw new Error(`the counted payconform run exited ${counted.code}: ${counted.stderr.slice(-300)}`);
    const counts = JSON.parse(readFileSync(countFile, "utf8")) as { served: number; stateCalls: number };
    const ms = median(samples.map((r) => r.ms));
    const inRunMs = median(inRun);
    return {
      full: { runs: times, ms, samples: samples.map((r) => Math.round(r.ms)), inRunMs, exitCode: samples[0].code, summary: samples[0].stdout.trim().split("\n").filter((l) => !l.startsWith("reports:")).at(-1) ?? "", results },
      realRun: { exchanges: counts.served, stateCalls: counts.stateCalls, exchangesPerSecond: counts.served / (ms / 1000), inRunExchangesPerSecond: counts.served / (inRunMs / 1000) },
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
