/**
 * Each peer against a provider's reference sandbox, exchanges counted inside the sandbox.
 * Prism gets the same load as payconform (the same requests, client, concurrency and count);
 * Dredd and Specmatic make the exchanges they make, sequentially, and are timed from spawn to
 * exit. These runs are also each peer's reference for the verdicts. Sandboxes run in worker threads.
 */
import type { HttpProvider } from "../src/providers.ts";
import type { BenchConfig } from "./config.ts";
import { runDredd, type PeerRun } from "./dredd.ts";
import { dreddSpec, seedExample } from "./peer-inputs.ts";
import type { PeerPaths } from "./peers-install.ts";
import { loadThroughPrism, startPrism, type PrismLoad } from "./prism.ts";
import { activeRate, startRemoteSandbox, type RemoteSandbox } from "./remote-sandbox.ts";
import { runSpecmatic } from "./specmatic.ts";
import { createWorkload, rebase } from "./workload.ts";

export interface PrismThroughput {
  startMs: number;
  exchanges: number;
  loadMs: number;
  exchangesPerSecond: number;
  /** Exchanges Prism forwarded to the sandbox; the rest it answered itself. */
  forwarded: number;
  load: PrismLoad;
}

export interface SequentialThroughput {
  run: PeerRun;
  /** HTTP exchanges the sandbox counted. */
  exchanges: number;
  /** exchanges over spawn-to-exit time: start-up included. */
  wallRate: number;
  /** exchanges over the first-to-last-exchange window: start-up excluded. */
  activeRate?: number;
  /** Adjustments made to the peer's spec copy, and fixtures created for it. */
  notes: string[];
}

export interface PeerThroughput {
  provider: HttpProvider;
  prism: PrismThroughput;
  dredd: SequentialThroughput;
  specmatic: SequentialThroughput;
}

export async function measurePeers(provider: HttpProvider, peers: PeerPaths, config: BenchConfig, scratch: string): Promise<PeerThroughput> {
  return {
    provider,
    prism: await withSandbox(provider, (handle) => prismThroughput(handle, peers, config)),
    dredd: await withSandbox(provider, async (handle) => {
      const spec = dreddSpec(provider, scratch);
      const seeded = await seedExample(handle);
      await handle.resetCount();
      const run = await runDredd(peers.dredd, spec.file, handle, config.spawnTimeoutMs);
      return sequential(run, handle, [...(spec.adjustments.length > 0 ? spec.adjustments : ["spec used as is"]), `example ${JSON.stringify(seeded)} created through the state endpoint first, so the success transaction can pass`]);
    }),
    specmatic: await withSandbox(provider, async (handle) => {
      const run = await runSpecmatic(peers.specmaticJar, handle, `${scratch}/specmatic-${provider}`, config.spawnTimeoutMs);
      return sequential(run, handle, ["resiliency tests on (test.resiliencyTests.enable: all)", "credentials in environment variables named after the security schemes"]);
    }),
  };
}

async function withSandbox<T>(provider: HttpProvider, body: (handle: RemoteSandbox) => Promise<T>): Promise<T> {
  const handle = await startRemoteSandbox(provider);
  try {
    return await body(handle);
  } finally {
    await handle.close();
  }
}

async function prismThroughput(handle: RemoteSandbox, peers: PeerPaths, config: BenchConfig): Promise<PrismThroughput> {
  const prism = await startPrism(peers.prism, handle.provider, handle.baseUrl, { start: config.startTimeoutMs, total: config.spawnTimeoutMs });
  const workload = createWorkload(handle, config.concurrency, config.seed);
  try {
    const requests = rebase(workload.requests, handle.baseUrl, prism.origin);
    await loadThroughPrism(requests, config.warmupExchanges, config);
    await handle.resetCount();
    const load = await loadThroughPrism(requests, config.exchanges, config);
    return { startMs: prism.startMs, exchanges: config.exchanges, loadMs: load.drive.ms, exchangesPerSecond: load.drive.exchangesPerSecond, forwarded: (await handle.readCount()).count, load };
  } finally {
    workload.close();
    await prism.close();
  }
}

async function sequential(run: PeerRun, handle: RemoteSandbox, notes: string[]): Promise<SequentialThroughput> {
  const counts = await handle.readCount();
  return { run, exchanges: counts.count, wallRate: counts.count / (run.wallMs / 1000), activeRate: activeRate(counts), notes };
}
