/**
 * Drives a fixed number of exchanges with a fixed number of workers, each taking the next index
 * until all are done: the same pool for payconform, the bare loop and the load sent through Prism.
 * Also notes how busy this thread's event loop was, a steadier figure than wall time.
 */
import { performance } from "node:perf_hooks";

export interface DriveResult {
  exchanges: number;
  ms: number;
  /** Time the event loop of this thread was busy, per exchange, in microseconds. */
  busyMicrosPerExchange: number;
  exchangesPerSecond: number;
  /** Milliseconds per exchange (wall time over exchanges). */
  msPerExchange: number;
}

export async function drive(total: number, workers: number, one: (index: number) => Promise<unknown>): Promise<DriveResult> {
  return timed(total, async () => {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < total) await one(next++);
    };
    await Promise.all(Array.from({ length: Math.min(workers, total) }, worker));
  });
}

/** Times `body`, which makes `total` exchanges (and whatever else belongs in the window, such as writing reports). */
export async function timed(total: number, body: () => Promise<void>): Promise<DriveResult> {
  const utilization = performance.eventLoopUtilization();
  const start = performance.now();
  await body();
  const ms = performance.now() - start;
  const busy = performance.eventLoopUtilization(utilization).active;
  return { exchanges: total, ms, busyMicrosPerExchange: (busy * 1000) / total, exchangesPerSecond: total / (ms / 1000), msPerExchange: ms / total };
}

/** Paired ratios (one per round, A and B measured next to each other): their median, least and greatest. */
export interface Paired {
  median: number;
  min: number;
  max: number;
  /** Every paired ratio, in round order. */
  ratios: number[];
}

export function paired(ratios: readonly number[]): Paired {
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios), ratios: [...ratios] };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
