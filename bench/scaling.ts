/**
 * How a run grows with its size: K = 1, 2, 4, ... provider runs in one process (scaling-child.ts),
 * each K in a fresh child process so its peak resident set is that K's alone. Reports the time
 * and peak per K, the time per provider run at the largest K over that at K = 8, and a
 * least-squares line ms = intercept + slope · K with its R², so growth beyond linear shows. The
 * child is bundled first as the CLI is (scripts/build.ts, into .bench-dist/), so the figures are
 * those of the JavaScript a user runs, not of Node stripping types from src/ as it loads.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundle } from "../scripts/build.ts";
import { REPO_DIR } from "./config.ts";
import { run } from "./spawn.ts";

export interface ScalingPoint {
  K: number;
  /** The K provider runs, reports included (module loading excluded). */
  ms: number;
  /** Peak resident set of the child process, MiB. */
  peakMiB: number;
  msPerRun: number;
  results: number;
}

export interface ScalingFit {
  /** ms per provider run at the largest K over ms per provider run at K = 8 (1: linear). */
  perRunLargestOverK8: number;
  /** Least-squares line through (K, ms). */
  interceptMs: number;
  slopeMsPerRun: number;
  r2: number;
  /** The largest K and its peak. */
  largestK: number;
  peakMiBAtLargestK: number;
}

export async function scaling(ks: readonly number[], timeoutMs: number): Promise<{ points: ScalingPoint[]; fit: ScalingFit }> {
  const scratch = mkdtempSync(join(tmpdir(), "payconform-bench-scaling-"));
  try {
    const bundled = join(REPO_DIR, ".bench-dist");
    if (!(await bundle({ "scaling-child": "bench/scaling-child.ts" }, bundled))) throw new Error("bundling bench/scaling-child.ts failed");
    const points: ScalingPoint[] = [];
    for (const k of ks) {
      const out = join(scratch, `k${k}.json`);
      const child = await run(process.execPath, [join(bundled, "scaling-child.mjs"), String(k), out, join(scratch, `reports-${k}`)], { cwd: REPO_DIR, timeoutMs: timeoutMs * Math.max(1, k / 4) });
      if (child.timedOut || (child.code !== 0 && child.code !== 1)) throw new Error(`scaling child K=${k} exited ${child.code}${child.timedOut ? " (timed out)" : ""}: ${child.stderr.slice(-300)}`);
      const p = JSON.parse(readFileSync(out, "utf8")) as { K: number; ms: number; peakMiB: number; results: number };
      points.push({ K: p.K, ms: p.ms, peakMiB: p.peakMiB, msPerRun: p.ms / p.K, results: p.results });
    }
    return { points, fit: fit(points) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function fit(points: readonly ScalingPoint[]): ScalingFit {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.K, 0) / n;
  const my = points.reduce((s, p) => s + p.ms, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.K - mx) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.K - mx) * (p.ms - my), 0);
  const slope = sxx > 0 ? sxy / sxx : 0;
  const intercept = my - slope * mx;
  const ssTot = points.reduce((s, p) => s + (p.ms - my) ** 2, 0);
  const ssRes = points.reduce((s, p) => s + (p.ms - (intercept + slope * p.K)) ** 2, 0);
  const largest = points.reduce((a, b) => (b.K > a.K ? b : a));
  const k8 = points.find((p) => p.K === 8);
  return {
    perRunLargestOverK8: k8 ? largest.msPerRun / k8.msPerRun : Number.NaN,
    interceptMs: intercept,
    slopeMsPerRun: slope,
    r2: ssTot > 0 ? 1 - ssRes / ssTot : 1,
    largestK: largest.K,
    peakMiBAtLargestK: largest.peakMiB,
  };
}
