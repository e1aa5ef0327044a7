/**
 * `npm run bench`: payconform measured side by side with the bare HTTP loop and its peers
 * (Prism, Dredd, Specmatic), in one run on one machine, against the same embedded sandboxes;
 * then each tool's verdict on faulty adapters, a cold-start timing, and a CPU profile.
 * Writes bench/results.json and bench/results.md. Not part of `npm test`.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import { join } from "node:path";
import type { HttpProvider } from "../src/providers.ts";
import { cliTimings } from "./cli-timings.ts";
import { cpuSnapshot, otherWorkShare, speedCheckMs } from "./cpu-share.ts";
import { decompose } from "./decompose.ts";
import { BENCH_CONFIG, PEERS_DIR } from "./config.ts";
import { machine } from "./machine.ts";
import { measurePeers } from "./peer-throughput.ts";
import { ensurePeers, peerPaths } from "./peers-install.ts";
import { profile } from "./profile.ts";
import { measureProxies } from "./proxy.ts";
import { writeResults } from "./report.ts";
import type { BenchResults } from "./results.ts";
import { killAll } from "./spawn.ts";
import { summarize } from "./summary.ts";
import { measureThroughput } from "./throughput.ts";
import { verdicts } from "./verdicts.ts";

const log = (text: string): boolean => process.stderr.write(`bench: ${text}\n`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    killAll();
    process.kill(process.pid, signal);
  });
}

async function main(): Promise<void> {
  const began = performance.now();
  const loadAtStart = os.loadavg();
  const speedAtStart = speedCheckMs();
  const config = BENCH_CONFIG;
  const scratch = mkdtempSync(join(tmpdir(), "payconform-bench-"));
  try {
    const installMs = await ensurePeers(300_000);
    const peers = peerPaths();
    const otherWork: Record<string, number | undefined> = {};
    const overall = cpuSnapshot();
    /** Runs one phase, noting how much of the machine other work took meanwhile. */
    const phase = async <T>(name: string, body: () => Promise<T>): Promise<T> => {
      log(name);
      const start = cpuSnapshot();
      const value = await body();
      otherWork[name] = otherWorkShare(start, cpuSnapshot());
      return value;
    };
    const throughput = await phase("payconform and the bare loop", () => inTurn(config.providers, (p) => measureThroughput(p, config, "worker")));
    const throughputSameThread = await phase("the same, sandbox on the loop's thread", () => inTurn(config.providers, (p) => measureThroughput(p, config, "same-thread")));
    const peerRuns = await phase("peers against the reference sandboxes", () => inTurn(config.providers, (p) => measurePeers(p, peers, config, scratch)));
    const judged = await phase("verdicts on faulty adapters", () => verdicts(peers, peerRuns, config, scratch));
    const cli = await phase("cold start and full run", () => cliTimings(config.coldStarts, config.spawnTimeoutMs));
    const decomposition = await phase("decomposition", () => decompose("enkash", config));
    const profiled = await phase("profiling", () => profile(20_000, config, config.spawnTimeoutMs, decomposition));
    const proxy = await phase("payconform proxy and Prism's proxy", () => measureProxies(config, peers.prism, scratch));
    otherWork.overall = otherWorkShare(overall, cpuSnapshot());
    const speedCheck = { startMs: speedAtStart, endMs: speedCheckMs() };
    const summary = summarize(throughput, peerRuns, cli);
    const results: BenchResults = {
      date: new Date().toISOString(),
      machine: machine(loadAtStart),
      otherWork,
      speedCheck,
      config,
      peerVersions: peerVersions(),
      ratios: summary.ratios,
      summary,
      throughput,
      throughputSameThread,
      peers: peerRuns,
      cli,
      verdicts: judged,
      profile: profiled,
      proxy,
      notes: notes(peerRuns, installMs),
      benchMs: performance.now() - began,
    };
    writeResults(new URL(".", import.meta.url).pathname, results);
    log(`vsFastestPeer ${summary.ratios.vsFastestPeer.toFixed(2)} (${summary.fastestPeer.tool}), overheadVsBare ${summary.ratios.overheadVsBare.toFixed(3)}, proxy.overheadVsDirect ${proxy.overheadVsDirect.toFixed(2)}, proxy.vsPrism ${proxy.vsPrism.toFixed(2)}, first verdict ${Math.round(cli.warmCache.toFirstVerdictMs)} ms; wrote bench/results.md and bench/results.json in ${(results.benchMs / 1000).toFixed(0)} s`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    killAll();
  }
}

/** One provider after the other, never two at once. */
async function inTurn<T>(providers: readonly HttpProvider[], body: (provider: HttpProvider) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (const provider of providers) out.push(await body(provider));
  return out;
}

function peerVersions(): Record<string, string> {
  const lock = JSON.parse(readFileSync(join(PEERS_DIR, "package-lock.json"), "utf8")) as { packages: Record<string, { version?: string }> };
  const v = (name: string): string => lock.packages[`node_modules/${name}`]?.version ?? "?";
  return { Prism: v("@stoplight/prism-cli"), Dredd: v("dredd"), Specmatic: v("specmatic") };
}

function notes(peerRuns: BenchResults["peers"], installMs: number): string[] {
  const dredd = peerRuns.map((p) => `${p.provider}: ${p.dredd.notes.join("; ")}`);
  const prism = peerRuns.map((p) => `${p.provider}: ${p.prism.forwarded} of ${p.prism.exchanges} forwarded, Prism's own start-up ${Math.round(p.prism.startMs)} ms`).join("; ");
  return [
    "Every tool targets the same embedded sandbox of each provider (src/sandboxes, 127.0.0.1, ephemeral port); exchanges are counted inside the sandbox by a request hook (Dredd, Specmatic, Prism's forwarded requests). Specmatic's count includes the one request it makes first, for the application's own API description (the sandbox answers 404).",
    "Each sandbox answers in a worker thread of the bench (its own event loop, so its own core), for every tool alike: the figures measure the tool, as against a remote target, and Prism, a separate process, gets no core the others lack. The same loops with the sandbox on the loop's own thread (how `payconform run` hosts it) are reported alongside; there the target's work is added to every exchange of payconform and of the bare loop.",
    "payconform and the bare loop run in the bench's own process, warmed up; the bare loop sends the requests payconform builds (built once) through the same client. payconform builds each request, parses each body, runs every check and masks results, as `payconform run` does per scenario. The workload cycles the derived scenarios that need no fixture (negative requests, deletes of never-existing ids), so nothing is consumed.",
    "In-flight requests are capped by the client's limiter (src/http/client.ts), as in `payconform run`, which hands all of a provider's scenarios to the client at once; the bench keeps a fixed queue behind the limiter, so a response's checks run while the next request is already on the wire. The bare loop and the Prism load use the same queue and limiter.",
    `Prism (separate Node process) gets the same requests, client, concurrency and count. With --errors it answers requests it judges invalid itself (422, or 401 for missing credentials) without forwarding them: ${prism}. Its log level is warn, which spares it four log lines per request.`,
    `Dredd and Specmatic have no concurrency setting; they run their tests one at a time, so their exchanges/s are sequential. Their figures are given twice: first to last exchange at the sandbox (start-up excluded, used for the ratio) and spawn to exit (Node or JVM start-up, spec parsing included). Dredd: ${dredd.join("; ")}.`,
    "Dredd runs one transaction per documented response, each sending the same example request and expecting that response, so on a correct target all but one or two of them fail; Specmatic's positive tests use generated ids that do not exist, so they meet the documented not-found answer. The verdicts therefore compare each peer's report on an adapter with its report on the reference sandbox.",
    "vsFastestPeer divides payconform's exchanges/s by the fastest peer's start-up-excluded figure, the figure most favourable to the peers.",
    installMs > 0 ? `The peers were installed by this run (npm ci --prefix bench/peers, ${Math.round(installMs / 1000)} s), outside every timing.` : "The peers were already installed in bench/peers/node_modules.",
  ];
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
