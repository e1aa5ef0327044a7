/**
 * The figures of README.md's "Benchmark" section, from bench/results.json: `npm run bench`
 * rewrites what lies between the `<!-- bench:start -->` and `<!-- bench:end -->` markers, and
 * `npx tsx bench/readme.ts` does the same from the results.json already there (after
 * `npm run bench:proxy`, say). Nothing outside the markers changes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { REPO_DIR } from "./config.ts";
import type { BenchResults } from "./results.ts";

const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";

const n = (v: number, digits = 0): string => v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (v: number): string => (v >= 1000 ? `${n(v / 1000, 2)} s` : `${n(v)} ms`);
const pct = (v: number | undefined): string => (v === undefined ? "?" : `${Math.round(v * 100)}%`);

export function readmeBlock(r: BenchResults): string {
  const { machine: m, summary: sum } = r;
  const ours = sum.payconform.exchangesPerSecond;
  const inFlight: Record<string, string> = { Prism: String(r.config.concurrency), Dredd: "1 (sequential)", Specmatic: "1 (sequential)" };
  const top = r.coldStart.profile.categories.slice(0, 4).map((c) => `${c.label} ${c.percent.toFixed(0)}%`).join(", ");
  const p = r.proxy;
  const lines = [
    `Latest run: ${m.date.slice(0, 16).replace("T", " ")} UTC, ${m.nproc} cores (${m.cpuModel}), ${m.memoryTotalGiB} GiB RAM, Node ${m.node}. What else the machine was doing: load average (1, 5, 15 min) ${m.loadAverage.start.join(", ")} at the start and ${m.loadAverage.end.join(", ")} at the end; other processes took ${pct(r.otherWork.overall)} of its CPU while the bench ran; a fixed piece of CPU work took ${n(r.speedCheck.startMs)} ms at the start and ${n(r.speedCheck.endMs)} ms at the end.`,
    "",
    "| measure (results.json) | target | value | met |",
    "|---|---|--:|---|",
    ...sum.targets.map((t) => `| ${t.name} (\`${t.field}\`) | ${t.target} | ${t.value} | ${t.met ? "yes" : "**no**"} |`),
    "",
    `| tool | in flight | exchanges/s | payconform ÷ this |`,
    "|---|--:|--:|--:|",
    `| **payconform** (every check on every exchange, results handed to the reporters) | ${r.config.concurrency} | **${n(ours)}** | 1.00× |`,
    `| bare HTTP loop, same client, no checks, no reports | ${r.config.concurrency} | ${n(sum.bare.exchangesPerSecond)} | ${n(ours / sum.bare.exchangesPerSecond, 2)}× |`,
    ...sum.peers.map((x) => `| ${x.tool} ${r.peerVersions[x.tool] ?? ""} (start-up excluded) | ${inFlight[x.tool] ?? "?"} | ${n(x.exchangesPerSecond, 1)} | ${n(ours / x.exchangesPerSecond, 2)}× |`),
    "",
    `Real run: a whole \`payconform run\` of all four providers takes ${ms(r.fullRunMs)} (median of ${r.fullRun.runs} new processes; ${ms(r.fullRun.inRunMs)} of it the run itself) for ${n(r.realRun.exchanges)} exchanges, **${n(r.realRun.exchangesPerSecond, 1)} exchanges/s** with set-up, fixtures and reports included, against ${n(r.realRun.steadyStateExchangesPerSecond)}/s in the steady-state loop (${n(r.realRun.steadyStateSameThreadExchangesPerSecond)}/s with the sandbox on the loop's thread, as in a run). Scaling: ${r.scaling.map((x) => `K=${x.K} ${ms(x.ms)}, ${n(x.peakMiB)} MiB`).join("; ")} (ms = ${n(r.scalingFit.interceptMs)} + ${n(r.scalingFit.slopeMsPerRun)}·K, R² ${r.scalingFit.r2.toFixed(3)}). A cold \`run --provider enkash\` spends its CPU on ${top}.`,
    "",
    `**\`payconform proxy\`**: latency per exchange through the proxy ÷ straight to the reference sandbox, at concurrency ${p.config.concurrency}, the median of ${p.config.rounds} paired rounds, on valid deletes: **${n(p.overheadVsDirect, 2)}×** (\`proxy.overheadVsDirect\`; target ${p.target.overheadVsDirect}, ${p.target.met ? "met" : "**not met**"}). A bare Node forwarder that checks nothing costs ${n(p.forwarderOverheadVsDirect, 2)}× by itself on this machine, and payconform's checking adds ${n(p.overheadVsForwarder, 2)}× on top of it (${n(p.addedMs, 2)} ms per exchange). Prism's proxy on the same exchanges: payconform's is **${n(p.vsPrism, 2)}×** faster on valid deletes (\`proxy.vsPrism\`) and ${n(p.negative.vsPrism, 2)}× on the negative requests. \`npm run bench:proxy\` re-measures only this part.`,
  ];
  return lines.join("\n");
}

/** README text with the block between the markers replaced; throws when the markers are missing. */
export function withBlock(readme: string, block: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1 || end < start) throw new Error(`README.md has no ${START} … ${END} block`);
  return `${readme.slice(0, start + START.length)}\n${block}\n${readme.slice(end)}`;
}

export function updateReadme(readmePath: string, results: BenchResults): void {
  writeFileSync(readmePath, withBlock(readFileSync(readmePath, "utf8"), readmeBlock(results)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const results = JSON.parse(readFileSync(join(REPO_DIR, "bench", "results.json"), "utf8")) as BenchResults;
  updateReadme(join(REPO_DIR, "README.md"), results);
  process.stderr.write("bench: rewrote the figures of README.md's benchmark section from bench/results.json\n");
}
