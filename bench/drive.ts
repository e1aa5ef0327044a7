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
  let next = 0;
  const utilization = performance.eventLoopUtilization();
  const start = performance.now();
  const worker = async (): Promise<void> => {
    while (next < total) await one(next++);
  };
  await Promise.all(Array.from({ length: Math.min(workers, total) }, worker));
  const ms = performance.now() - start;
  const busy = performance.eventLoopUtilization(utilization).active;
  return { exchanges: total, ms, busyMicrosPerExchange: (busy * 1000) / total, exchangesPerSecond: total / (ms / 1000), msPerExchange: ms / total };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
