/**
 * Each peer against a provider's reference sandbox, exchanges counted inside the sandbox.
 * Prism's figures come from the paired rounds of throughput.ts (the same requests, client,
 * concurrency and count as payconform, in alternation); Dredd and Specmatic make the exchanges
 * they make, one at a time (they have no concurrency setting), and are timed from spawn to exit.
 * These runs are also each peer's reference for the verdicts. Sandboxes run in worker threads.
 */
import type { HttpProvider } from "../src/providers.ts";
import type { BenchConfig } from "./config.ts";
import { runDredd, type PeerRun } from "./dredd.ts";
import { dreddSpec, seedExample } from "./peer-inputs.ts";
import type { PeerPaths } from "./peers-install.ts";
import { activeRate, startRemoteSandbox, type RemoteSandbox } from "./remote-sandbox.ts";
import { runSpecmatic } from "./specmatic.ts";
import type { PrismPaired } from "./throughput.ts";

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
  /** Prism, measured in the paired rounds next to payconform. */
  prism: PrismPaired;
  dredd: SequentialThroughput;
  specmatic: SequentialThroughput;
}

export async function measurePeers(provider: HttpProvider, peers: PeerPaths, config: BenchConfig, scratch: string, prism: PrismPaired): Promise<PeerThroughput> {
  return {
    provider,
    prism,
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

async function sequential(run: PeerRun, handle: RemoteSandbox, notes: string[]): Promise<SequentialThroughput> {
  const counts = await handle.readCount();
  return { run, exchanges: counts.count, wallRate: counts.count / (run.wallMs / 1000), activeRate: activeRate(counts), notes };
}
