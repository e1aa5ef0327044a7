/**
 * payconform against the limit: checked exchanges (the runner's own per-scenario work) and bare
 * exchanges (the same requests through the same client, nothing checked), against one embedded
 * sandbox per provider, same concurrency, same count. Rounds alternate the two so drift in the
 * machine hits both; the median round is reported.
 */
import type { HttpProvider } from "../src/providers.ts";
import { startSandbox } from "../src/sandboxes/index.ts";
import type { BenchConfig } from "./config.ts";
import { createCounter } from "./counter.ts";
import { drive, median, type DriveResult } from "./drive.ts";
import { startRemoteSandbox, type RemoteSandbox } from "./remote-sandbox.ts";
import { bareExchange, checkedExchange, createWorkload } from "./workload.ts";

export interface LoopFigures {
  exchanges: number;
  exchangesPerSecond: number;
  msPerExchange: number;
  /** The loop thread's event loop busy time per exchange (median round), in microseconds. */
  busyMicrosPerExchange: number;
  /** Share of the wall time the loop thread was busy (median round): near 1, the loop thread sets the pace. */
  utilization: number;
  /** Every measured round, exchanges per second. */
  rounds: number[];
}

/** Where the sandbox answers: a worker thread of its own, or the thread that runs the loop (as `payconform run` does). */
export type Placement = "worker" | "same-thread";

export interface ProviderThroughput {
  provider: HttpProvider;
  placement: Placement;
  /** Distinct requests cycled (scenarios needing no fixture). */
  distinctRequests: number;
  payconform: LoopFigures;
  bare: LoopFigures;
  /** Results (one per applicable check) per checked exchange, on average. */
  resultsPerExchange: number;
  /** payconform time per exchange over bare, median of the per-round ratios. */
  overheadVsBare: number;
  /** The same with the loop thread's busy time per exchange instead of wall time. */
  busyOverheadVsBare: number;
  /** Exchanges the sandbox counted over the measured rounds, payconform and bare together. */
  sandboxCounted: number;
}

export async function measureThroughput(provider: HttpProvider, config: BenchConfig, placement: Placement): Promise<ProviderThroughput> {
  const handle = placement === "worker" ? await startRemoteSandbox(provider) : await sameThreadSandbox(provider);
  const workload = createWorkload(handle, config.concurrency, config.seed);
  try {
    let results = 0;
    const checked = (i: number): Promise<number> => checkedExchange(workload, i).then((n) => (results += n));
    const bare = (i: number): Promise<number> => bareExchange(workload.client, workload.requests, i);
    const loop = (one: (i: number) => Promise<number>): Promise<DriveResult> => drive(config.exchanges, config.queueDepth, one);
    // Warm-up in alternating pairs too: one long warm-up of each left the first measured round slow.
    for (let round = 0; round < config.warmupRounds; round++) {
      await loop(checked);
      await loop(bare);
    }
    await handle.resetCount();
    results = 0;
    const ours: DriveResult[] = [];
    const theirs: DriveResult[] = [];
    for (let round = 0; round < config.rounds; round++) {
      // Alternate which loop goes first, so neither always runs on a warmer machine.
      if (round % 2 === 0) {
        ours.push(await loop(checked));
        theirs.push(await loop(bare));
      } else {
        theirs.push(await loop(bare));
        ours.push(await loop(checked));
      }
    }
    return {
      provider,
      placement,
      distinctRequests: workload.requests.length,
      payconform: figures(ours),
      bare: figures(theirs),
      resultsPerExchange: results / (config.exchanges * config.rounds),
      overheadVsBare: median(ours.map((o, i) => o.msPerExchange / theirs[i].msPerExchange)),
      busyOverheadVsBare: median(ours.map((o, i) => o.busyMicrosPerExchange / theirs[i].busyMicrosPerExchange)),
      sandboxCounted: (await handle.readCount()).count,
    };
  } finally {
    workload.close();
    await handle.close();
  }
}

function figures(rounds: DriveResult[]): LoopFigures {
  const rate = median(rounds.map((r) => r.exchangesPerSecond));
  return {
    exchanges: rounds[0].exchanges,
    exchangesPerSecond: rate,
    msPerExchange: 1000 / rate,
    busyMicrosPerExchange: median(rounds.map((r) => r.busyMicrosPerExchange)),
    utilization: median(rounds.map((r) => r.busyMicrosPerExchange / (r.msPerExchange * 1000))),
    rounds: rounds.map((r) => Math.round(r.exchangesPerSecond)),
  };
}

/** The sandbox on the loop's own thread, counting what it receives like the worker does. */
async function sameThreadSandbox(provider: HttpProvider): Promise<RemoteSandbox> {
  const counter = createCounter();
  const handle = await startSandbox(provider, counter.options());
  return { ...handle, resetCount: async () => counter.reset(), readCount: async () => ({ count: counter.count, first: counter.first, last: counter.last }) };
}
