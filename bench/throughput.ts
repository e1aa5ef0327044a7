/**
 * payconform against the limit and against Prism, paired: checked exchanges (the runner's own
 * per-scenario work, every result handed to the reporters `payconform run` uses, reports
 * rendered and written inside the timed window), bare exchanges (the same requests through the
 * same client, nothing checked) and, with the sandbox in a worker thread, the same requests
 * through Prism's validating proxy with the same client. One sandbox per provider, same
 * concurrency, same count. Each round runs every loop once, next to each other, the order
 * reversed every other round, so drift in the machine hits all of them; each round gives one
 * paired ratio, and the median, least and greatest paired ratio are reported.
 */
import { join } from "node:path";
import type { HttpProvider } from "../src/providers.ts";
import { runScenario } from "../src/runner/execute.ts";
import { startSandbox } from "../src/sandboxes/index.ts";
import type { BenchConfig } from "./config.ts";
import { createCounter } from "./counter.ts";
import { drive, median, paired, timed, type DriveResult, type Paired } from "./drive.ts";
import { loadThroughPrism, startPrism, type PrismLoad, type PrismProxy } from "./prism.ts";
import { startRemoteSandbox, type RemoteSandbox } from "./remote-sandbox.ts";
import { openReportSink } from "./report-sink.ts";
import { bareExchange, createWorkload, rebase, type Workload } from "./workload.ts";

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

export interface PrismPaired {
  /** Spawn to accepting connections. */
  startMs: number;
  figures: LoopFigures;
  /** payconform's exchanges/s over Prism's, one ratio per round. */
  vsPrism: Paired;
  /** Exchanges Prism forwarded to the sandbox over the measured rounds; the rest it answered itself. */
  forwarded: number;
  /** What Prism answered in the last measured round. */
  load: PrismLoad;
}

export interface ProviderThroughput {
  provider: HttpProvider;
  placement: Placement;
  /** Distinct requests cycled (scenarios needing no fixture whose path Prism can decode). */
  distinctRequests: number;
  payconform: LoopFigures;
  bare: LoopFigures;
  /** Present with the sandbox in a worker thread: Prism in the same rounds. */
  prism?: PrismPaired;
  /** Results (one per applicable check) per checked exchange, on average. */
  resultsPerExchange: number;
  /** Milliseconds per round the reporters took to render and write (median round), inside payconform's time. */
  reportMs: number;
  /** payconform time per exchange over bare, one ratio per round. */
  overheadVsBare: Paired;
  /** The same with the loop thread's busy time per exchange instead of wall time. */
  busyOverheadVsBare: Paired;
  /** Exchanges the sandbox counted in payconform's and the bare loop's measured rounds. */
  sandboxCounted: { payconform: number; bare: number };
}

type Loop = "payconform" | "bare" | "prism";

export async function measureThroughput(provider: HttpProvider, config: BenchConfig, placement: Placement, scratch: string, prismBin?: string): Promise<ProviderThroughput> {
  const handle = placement === "worker" ? await startRemoteSandbox(provider) : await sameThreadSandbox(provider);
  const workload = createWorkload(handle, config.concurrency, config.seed, { decodableOnly: true });
  let prism: PrismProxy | undefined;
  try {
    if (prismBin && placement === "worker") prism = await startPrism(prismBin, provider, handle.baseUrl, { start: config.startTimeoutMs, total: 20 * config.spawnTimeoutMs });
    const reportDir = join(scratch, `reports-${provider}-${placement}`);
    let results = 0;
    const reportMs: number[] = [];
    const viaPrism = prism ? rebase(workload.requests, handle.baseUrl, prism.origin) : [];
    let lastPrism: PrismLoad | undefined;
    const loops: Record<Loop, () => Promise<DriveResult>> = {
      payconform: () => checkedRound(workload, config, reportDir, (n, ms) => ((results += n), reportMs.push(ms))),
      bare: () => drive(config.exchanges, config.queueDepth, (i) => bareExchange(workload.client, workload.requests, i)),
      prism: async () => {
        lastPrism = await loadThroughPrism(viaPrism, config.exchanges, config, workload.client);
        return lastPrism.drive;
      },
    };
    const order: Loop[] = prism ? ["payconform", "prism", "bare"] : ["payconform", "bare"];
    // Warm-up in rounds too: one long warm-up of each left the first measured round slow.
    for (let round = 0; round < config.warmupRounds; round++) for (const loop of order) await loops[loop]();
    results = 0;
    reportMs.length = 0;
    const measured: Record<Loop, DriveResult[]> = { payconform: [], bare: [], prism: [] };
    const counted: Record<Loop, number> = { payconform: 0, bare: 0, prism: 0 };
    for (let round = 0; round < config.rounds; round++) {
      // Reverse the order every other round, so no loop always runs on a warmer machine.
      for (const loop of round % 2 === 0 ? order : [...order].reverse()) {
        await handle.resetCount();
        measured[loop].push(await loops[loop]());
        counted[loop] += (await handle.readCount()).count;
      }
    }
    const ours = measured.payconform;
    const theirs = measured.bare;
    return {
      provider,
      placement,
      distinctRequests: workload.requests.length,
      payconform: figures(ours),
      bare: figures(theirs),
      ...(prism && lastPrism
        ? {
            prism: {
              startMs: prism.startMs,
              figures: figures(measured.prism),
              vsPrism: paired(ours.map((o, i) => o.exchangesPerSecond / measured.prism[i].exchangesPerSecond)),
              forwarded: counted.prism,
              load: lastPrism,
            },
          }
        : {}),
      resultsPerExchange: results / (config.exchanges * config.rounds),
      reportMs: median(reportMs),
      overheadVsBare: paired(ours.map((o, i) => o.msPerExchange / theirs[i].msPerExchange)),
      busyOverheadVsBare: paired(ours.map((o, i) => o.busyMicrosPerExchange / theirs[i].busyMicrosPerExchange)),
      sandboxCounted: { payconform: counted.payconform, bare: counted.bare },
    };
  } finally {
    workload.close();
    await prism?.close();
    await handle.close();
  }
}

/**
 * One round of payconform's loop: every scenario's results go to the reporters as they come,
 * and the reports are rendered and written before the clock stops.
 */
async function checkedRound(workload: Workload, config: BenchConfig, reportDir: string, note: (results: number, reportMs: number) => void): Promise<DriveResult> {
  let results = 0;
  let reportMs = 0;
  const result = await timed(config.exchanges, async () => {
    const sink = openReportSink(workload.provider, reportDir, workload.run.secrets, config.seed);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < config.exchanges) {
        const scenario = workload.scenarios[next++ % workload.scenarios.length];
        const rs = await runScenario(workload.run, scenario);
        results += rs.length;
        sink.add(rs);
      }
    };
    await Promise.all(Array.from({ length: Math.min(config.queueDepth, config.exchanges) }, worker));
    const began = performance.now();
    await sink.close();
    reportMs = performance.now() - began;
  });
  note(results, reportMs);
  return result;
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
