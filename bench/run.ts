/**
 * `npm run bench`: payconform measured side by side with the bare HTTP loop and Prism in paired
 * rounds, and with Dredd and Specmatic, in one run on one machine, against the same embedded
 * sandboxes; then each tool's verdict on faulty adapters, cold starts paired with `node -e 0`,
 * whole runs, how a run scales with its size, and CPU profiles. Writes bench/results.json and
 * bench/results.md, and the figures block of README.md's benchmark section. Not part of `npm
 * test`. PAYCONFORM_BENCH_QUICK=1 runs every phase small, for working on the bench.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import { join } from "node:path";
import type { HttpProvider } from "../src/providers.ts";
import { coldStart } from "./cold-start.ts";
import { cpuSnapshot, otherWorkShare, speedCheckMs } from "./cpu-share.ts";
import { decompose } from "./decompose.ts";
import { benchConfig, PEERS_DIR, REPO_DIR } from "./config.ts";
import { fullRuns } from "./full-run.ts";
import { machine } from "./machine.ts";
import { measurePeers } from "./peer-throughput.ts";
import { ensurePeers, peerPaths } from "./peers-install.ts";
import { profile } from "./profile.ts";
import { measureProxies } from "./proxy.ts";
import { updateReadme } from "./readme.ts";
import { writeResults } from "./report.ts";
import type { BenchResults } from "./results.ts";
import { scaling } from "./scaling.ts";
import { killAll } from "./spawn.ts";
import { summarize } from "./summary.ts";
import { measureThroughput, type ProviderThroughput } from "./throughput.ts";
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
  const config = benchConfig();
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
    const throughput = await phase("payconform, Prism and the bare loop, paired", () => inTurn(config.providers, (p) => measureThroughput(p, config, "worker", scratch, peers.prism)));
    const throughputSameThread = await phase("payconform and the bare loop, sandbox on the loop's thread", () => inTurn(config.providers, (p) => measureThroughput(p, config, "same-thread", scratch)));
    const peerRuns = await phase("Dredd and Specmatic against the reference sandboxes", () =>
      inTurn(config.providers, (p) => measurePeers(p, peers, config, scratch, throughput.find((t) => t.provider === p)!.prism!)),
    );
    const judged = await phase("verdicts on faulty adapters", () => verdicts(peers, peerRuns, config, scratch));
    const cold = await phase("cold start, paired with node -e 0", () => coldStart(config.coldStarts, config.spawnTimeoutMs));
    const whole = await phase("whole payconform runs", () => fullRuns(config.fullRuns, config.spawnTimeoutMs));
    const scaled = await phase("provider runs in one process", () => scaling(config.scalingKs, config.spawnTimeoutMs));
    const decomposition = await phase("decomposition", () => decompose("enkash", config));
    const profiled = await phase("profiling", () => profile(20_000, config, config.spawnTimeoutMs, decomposition));
    const proxy = await phase("payconform proxy and Prism's proxy", () => measureProxies(config, peers.prism, scratch));
    otherWork.overall = otherWorkShare(overall, cpuSnapshot());
    const speedCheck = { startMs: speedAtStart, endMs: speedCheckMs() };
    const summary = summarize(throughput, peerRuns, cold, whole.full, scaled);
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
      coldStart: { ...cold, profile: { durationMs: profiled.coldStart.durationMs, samples: profiled.coldStart.samples, categories: profiled.coldStart.categories } },
      fullRunMs: whole.full.ms,
      fullRun: whole.full,
      realRun: {
        ...whole.realRun,
        steadyStateExchangesPerSecond: summary.payconform.exchangesPerSecond,
        steadyStateSameThreadExchangesPerSecond: rate(throughputSameThread),
      },
      scaling: scaled.points,
      scalingFit: scaled.fit,
      verdicts: judged,
      profile: profiled,
      proxy,
      notes: notes(throughput, installMs),
      benchMs: performance.now() - began,
    };
    writeResults(new URL(".", import.meta.url).pathname, results);
    updateReadme(join(REPO_DIR, "README.md"), results);
    const r = summary.ratios;
    log(`vsFastestPeer ${r.vsFastestPeer.toFixed(2)} (${r.vsFastestPeerMin.toFixed(2)}–${r.vsFastestPeerMax.toFixed(2)}), overheadVsBare ${r.overheadVsBare.toFixed(3)}, coldStart ${Math.round(cold.ms)} ms (${cold.ratioVsNode.toFixed(1)}× node), fullRunMs ${Math.round(whole.full.ms)}, proxy.overheadVsDirect ${proxy.overheadVsDirect.toFixed(2)}, proxy.vsPrism ${proxy.vsPrism.toFixed(2)}; wrote bench/results.md, bench/results.json and README.md's figures in ${(results.benchMs / 1000).toFixed(0)} s`);
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

/** Exchanges per second over every provider: total exchanges over total time (median rounds). */
function rate(throughput: readonly ProviderThroughput[]): number {
  const exchanges = throughput.reduce((sum, t) => sum + t.payconform.exchanges, 0);
  const ms = throughput.reduce((sum, t) => sum + t.payconform.exchanges * t.payconform.msPerExchange, 0);
  return exchanges / (ms / 1000);
}

function notes(throughput: readonly ProviderThroughput[], installMs: number): string[] {
  const prism = throughput.map((t) => `${t.provider}: ${t.prism?.forwarded ?? 0} of ${(t.prism?.figures.exchanges ?? 0) * t.payconform.rounds.length} forwarded over the measured rounds, Prism's own start-up ${Math.round(t.prism?.startMs ?? 0)} ms`).join("; ");
  return [
    "Every tool targets the same embedded sandbox of each provider (src/sandboxes, 127.0.0.1, ephemeral port); exchanges are counted inside the sandbox by a request hook (Dredd, Specmatic, Prism's forwarded requests). Specmatic's count includes the one request it makes first, for the application's own API description (the sandbox answers 404).",
    "Each sandbox answers in a worker thread of the bench (its own event loop, so its own core), for every tool alike: the figures measure the tool, as against a remote target, and Prism, a separate process, gets no core the others lack. The same loops with the sandbox on the loop's own thread (how `payconform run` hosts it) are reported alongside; there the target's work is added to every exchange of payconform and of the bare loop.",
    "payconform, Prism and the bare loop run in paired rounds: each round runs the three loops one after the other on the same sandbox, the order reversed every other round (payconform, Prism, bare; then bare, Prism, payconform), after warm-up rounds of the same kind. Each round gives one ratio payconform ÷ Prism and one payconform ÷ bare; the ratios are the medians of these paired ratios over every round of every provider, with their least and greatest.",
    "payconform's loop is the runner's own per-scenario work (`runScenario`: request built, sent with the client, body parsed, every check, results masked) and hands every result to the reporters `payconform run` uses: the console reporter (its output masked, as src/output.ts does, then dropped) and junit.xml, conformance.json, report.html and summary.md, rendered, masked and written to a scratch folder at the end of each round, inside the timed window. The bare loop sends the same requests, built once, through the same client, and checks and reports nothing.",
    "The workload cycles the derived scenarios that need no fixture (negative requests, deletes of never-existing ids), so nothing is consumed; the scenarios whose path has malformed percent-encoding (`%zz`, `%C0%AF`, ...) are left out for every loop, because Prism 5.16 exits on the first of them (URIError in uri-template-lite).",
    "In-flight requests are capped by the client's limiter (src/http/client.ts), as in `payconform run`, which hands all of a provider's scenarios to the client at once; the bench keeps a fixed queue behind the limiter, so a response's checks run while the next request is already on the wire. The Prism loop sends the rebased requests through the very client payconform's loop uses, with the same queue and limiter.",
    `Prism (separate Node process, \`prism proxy SPEC SANDBOX --errors -v warn\`) is started once per provider and stays up through its rounds. With --errors it answers requests it judges invalid itself (422, or 401 for missing credentials) without forwarding them: ${prism}. Its log level is warn, which spares it four log lines per request.`,
    "Dredd and Specmatic have no concurrency setting: they run one request at a time, while payconform, the bare loop and Prism have 4 in flight; their exchanges/s are sequential. Their figures are given twice: first to last exchange at the sandbox (start-up excluded) and spawn to exit (Node or JVM start-up, spec parsing included).",
    "Dredd runs one transaction per documented response, each sending the same example request and expecting that response, so on a correct target all but one or two of them fail; Specmatic's positive tests use generated ids that do not exist, so they meet the documented not-found answer. The verdicts therefore compare each peer's report on an adapter with its report on the reference sandbox.",
    "Cold starts, whole runs and the scaling children are new processes of the bench's own Node (process.execPath), cwd the repository, reports in a temporary folder, one at a time. Cold starts alternate `node -e 0` and the payconform command (A, B, A, B, ...), after one unmeasured run of each; each pair gives one ratio.",
    installMs > 0 ? `The peers were installed by this run (npm ci --prefix bench/peers, ${Math.round(installMs / 1000)} s), outside every timing.` : "The peers were already installed in bench/peers/node_modules.",
  ];
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
