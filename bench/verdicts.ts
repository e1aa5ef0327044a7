/**
 * Each tool's verdict on faulty adapters of the catalogue. payconform: the adapter is caught
 * when the check it declares has a failed or errored result. A peer flags the departure when
 * it reports something on the adapter that it did not report on the same provider's reference
 * sandbox (same configuration): a new response violation (Prism), a newly failing test (Dredd,
 * Specmatic). What each said is quoted from the first such report.
 */
import { adapterByName, type FaultyAdapter } from "../src/catalogue/index.ts";
import { runAgainst } from "../src/catalogue/run-target.ts";
import type { SandboxHandle } from "../src/sandboxes/types.ts";
import type { BenchConfig } from "./config.ts";
import { runDredd, type PeerRun } from "./dredd.ts";
import { dreddSpec, seedExample } from "./peer-inputs.ts";
import type { PeerPaths } from "./peers-install.ts";
import type { PeerThroughput } from "./peer-throughput.ts";
import { loadThroughPrism, startPrism } from "./prism.ts";
import { startRemoteAdapter } from "./remote-sandbox.ts";
import { runSpecmatic } from "./specmatic.ts";
import { createWorkload, rebase } from "./workload.ts";

export interface Verdict {
  flagged: boolean;
  said: string;
}

export interface AdapterVerdicts {
  name: string;
  provider: string;
  departure: string;
  expectedCheck: string;
  payconform: Verdict;
  prism: Verdict;
  dredd: Verdict;
  specmatic: Verdict;
}

export async function verdicts(peers: PeerPaths, references: readonly PeerThroughput[], config: BenchConfig, scratch: string): Promise<Array<AdapterVerdicts | { name: string; missing: true }>> {
  const out: Array<AdapterVerdicts | { name: string; missing: true }> = [];
  for (const name of config.adapters) {
    const adapter = adapterByName(name);
    const reference = references.find((r) => r.provider === adapter?.provider);
    if (!adapter || !reference) {
      out.push({ name, missing: true });
      continue;
    }
    out.push({
      name,
      provider: adapter.provider,
      departure: adapter.departure,
      expectedCheck: adapter.expectedCheck,
      payconform: await withAdapter(adapter, (h) => payconformVerdict(adapter, h)),
      prism: await withAdapter(adapter, (h) => prismVerdict(h, peers, reference, config)),
      dredd: await withAdapter(adapter, async (h) => {
        await seedExample(h);
        return peerVerdict(await runDredd(peers.dredd, dreddSpec(adapter.provider, scratch).file, h, config.spawnTimeoutMs), reference.dredd.run);
      }),
      specmatic: await withAdapter(adapter, async (h) => peerVerdict(await runSpecmatic(peers.specmaticJar, h, `${scratch}/specmatic-${name}`, config.spawnTimeoutMs), reference.specmatic.run)),
    });
  }
  return out;
}

async function withAdapter<T>(adapter: FaultyAdapter, body: (handle: SandboxHandle) => Promise<T>): Promise<T> {
  const handle = await startRemoteAdapter(adapter.name);
  try {
    return await body(handle);
  } finally {
    await handle.close();
  }
}

async function payconformVerdict(adapter: FaultyAdapter, handle: SandboxHandle): Promise<Verdict> {
  const results = await runAgainst(handle, adapter.runOptions);
  const bad = results.filter((r) => r.outcome === "failed" || r.outcome === "errored");
  const declared = bad.find((r) => r.check === adapter.expectedCheck);
  const first = declared ?? bad[0];
  return { flagged: declared !== undefined, said: first ? `${first.check} [${first.case}]: ${first.message}` : "no failure" };
}

async function prismVerdict(handle: SandboxHandle, peers: PeerPaths, reference: PeerThroughput, config: BenchConfig): Promise<Verdict> {
  const prism = await startPrism(peers.prism, handle.provider, handle.baseUrl, { start: config.startTimeoutMs, total: config.spawnTimeoutMs });
  const workload = createWorkload(handle, config.concurrency, config.seed, { decodableOnly: true });
  try {
    const requests = rebase(workload.requests, handle.baseUrl, prism.origin);
    const load = await loadThroughPrism(requests, requests.length, config);
    const known = new Set(Object.keys(reference.prism.load.responseViolations));
    const fresh = Object.keys(load.responseViolations).filter((v) => !known.has(v));
    return { flagged: fresh.length > 0, said: fresh.length > 0 ? `response violation: ${fresh[0]}` : `no new violation (${Object.keys(load.responseViolations).length} kinds, as on the reference)` };
  } finally {
    workload.close();
    await prism.close();
  }
}

function peerVerdict(run: PeerRun, reference: PeerRun): Verdict {
  if (run.timedOut) return { flagged: false, said: "timed out" };
  const fresh = Object.entries(run.failures).filter(([test]) => !(test in reference.failures));
  if (fresh.length > 0) return { flagged: true, said: `${fresh[0][0]}: ${fresh[0][1] || "failed"}` };
  return { flagged: false, said: `no new failure (${run.passed} passed, ${run.failed} failed; reference ${reference.passed} passed, ${reference.failed} failed)` };
}
