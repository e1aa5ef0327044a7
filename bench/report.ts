/** Writes bench/results.json (every raw figure, and the ratios) and bench/results.md (the tables). */
import { writeFileSync } from "node:fs";
import type { BenchResults } from "./results.ts";
import { findingsMarkdown } from "./findings.ts";
import { proxyMarkdown } from "./proxy-report.ts";
import { LINEAR_TOLERANCE } from "./summary.ts";

export function writeResults(dir: string, results: BenchResults): void {
  writeFileSync(`${dir}/results.json`, `${JSON.stringify(results, (_k, v: unknown) => (typeof v === "number" && !Number.isInteger(v) ? Number(v.toFixed(3)) : v), 2)}\n`);
  writeFileSync(`${dir}/results.md`, markdown(results));
}

const n = (v: number, digits = 0): string => v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const s = (ms: number): string => (ms >= 1000 ? `${n(ms / 1000, 2)} s` : `${n(ms)} ms`);

function markdown(r: BenchResults): string {
  const { summary: sum, machine: m, config: c } = r;
  const ours = sum.payconform.exchangesPerSecond;
  const ratio = (v: number): string => `${n(ours / v, 2)}×`;
  const lines: string[] = [
    "# payconform bench",
    "",
    `Run ${m.date.slice(0, 16).replace("T", " ")} UTC with \`npm run bench\`, on one machine: ${m.nproc} cores (${m.cpuModel}), ${m.memoryTotalGiB} GiB RAM, Node ${m.node}, ${m.java}.`,
    otherWorkLine(r),
    `Load average (1, 5, 15 min) at the start ${m.loadAverage.start.join(", ")}, at the end ${m.loadAverage.end.join(", ")}; \`free -g\`:`,
    "",
    "```",
    m.memory,
    "```",
    "",
    `Providers: ${c.providers.join(", ")} (their specs in specs/, their embedded sandboxes). ${c.concurrency} requests in flight (the client's limiter), ${c.queueDepth} handed to it at once. ${n(c.exchanges)} exchanges per provider per loop per round; payconform, Prism and the bare loop run in ${c.rounds} paired rounds after ${c.warmupRounds} warm-up rounds, the order reversed every other round.`,
    "",
    "## Targets",
    "",
    "| measure | results.json | target | value | met |",
    "|---|---|---|--:|---|",
    ...sum.targets.map((t) => `| ${t.name} | \`${t.field}\` | ${t.target} | ${t.value} | ${t.met ? "yes" : "**no**"} |`),
    "",
    "## Throughput",
    "",
    "| tool | how it ran | in flight | exchanges | time | exchanges/s | payconform ÷ this |",
    "|---|---|--:|--:|--:|--:|--:|",
    `| **payconform** | runner's runScenario in a loop: request built, sent with src/http/client.ts, every applicable check, results masked, handed to the console, junit, json, html and summary reporters, reports written each round | ${c.concurrency} | ${n(sum.payconform.exchanges)} | ${s(sum.payconform.ms)} | **${n(ours)}** | 1.00× |`,
    `| bare loop (the limit) | same client, keep-alive, concurrency and requests; no checks, no reports | ${c.concurrency} | ${n(sum.bare.exchanges)} | ${s(sum.bare.ms)} | ${n(sum.bare.exchangesPerSecond)} | ${ratio(sum.bare.exchangesPerSecond)} |`,
  ];
  const same = (pick: (t: BenchResults["throughput"][number]) => { exchanges: number; msPerExchange: number }): [number, number] => [
    r.throughputSameThread.reduce((a, t) => a + pick(t).exchanges, 0),
    r.throughputSameThread.reduce((a, t) => a + pick(t).exchanges * pick(t).msPerExchange, 0),
  ];
  for (const [label, pick] of [["payconform, sandbox on the loop's thread", (t: BenchResults["throughput"][number]) => t.payconform], ["bare loop, sandbox on the loop's thread", (t: BenchResults["throughput"][number]) => t.bare]] as const) {
    const [count, ms] = same(pick);
    lines.push(`| ${label} | as above, but the sandbox answers on the same thread (how \`payconform run\` has it) | ${c.concurrency} | ${n(count)} | ${s(ms)} | ${n(count / (ms / 1000))} | ${ratio(count / (ms / 1000))} |`);
  }
  const how: Record<string, [string, string]> = {
    Prism: ["`prism proxy SPEC SANDBOX --errors -v warn`, the same requests through the same client, in the same paired rounds as payconform; start-up excluded", String(c.concurrency)],
    Dredd: ["`dredd SPEC SANDBOX --header ...`, **one request at a time** (no concurrency setting); first to last exchange (start-up excluded)", "1"],
    Specmatic: ["`java -jar specmatic.jar test`, resiliency tests on, **one request at a time** (no concurrency setting); first to last exchange (JVM start-up excluded)", "1"],
  };
  for (const p of sum.peers) lines.push(`| ${p.tool} ${r.peerVersions[p.tool] ?? ""} | ${how[p.tool][0]} | ${how[p.tool][1]} | ${n(p.exchanges)} | ${s(p.ms)} | ${n(p.exchangesPerSecond, 1)} | ${ratio(p.exchangesPerSecond)} |`);
  const wallHow: Record<string, string> = { Prism: "spawn to listening, plus the median round's load", Dredd: "spawn to exit", Specmatic: "spawn to exit (JVM start-up included)" };
  for (const p of sum.peersWall) lines.push(`| ${p.tool}, start-up included | ${wallHow[p.tool]} | ${how[p.tool][1]} | ${n(p.exchanges)} | ${s(p.ms)} | ${n(p.exchangesPerSecond, 1)} | ${ratio(p.exchangesPerSecond)} |`);
  const pr = (x: { median: number; min: number; max: number }, d = 2): string => `${n(x.median, d)} (${n(x.min, d)}–${n(x.max, d)})`;
  lines.push(
    "",
    `Paired ratios, median (least–greatest) over ${sum.paired.vsFastestPeer.ratios.length} rounds: payconform ÷ Prism **${pr(sum.paired.vsFastestPeer)}** (\`ratios.vsFastestPeer\`); payconform's time per exchange ÷ the bare loop's **${pr(sum.paired.overheadVsBare, 3)}** (\`ratios.overheadVsBare\`), from the loop thread's busy time ${pr(sum.paired.busyOverheadVsBare, 3)}. The throughput rows above are median rounds.`,
    "",
    "Per provider (sandbox in a worker thread; in brackets, on the loop's thread):",
    "",
    "| provider | requests cycled | payconform /s | bare /s | Prism /s (forwarded to sandbox) | payconform ÷ Prism, paired | overhead vs bare, paired | reports per round (results per exchange) | loop thread busy, payconform / bare | Dredd exchanges (wall, tests) | Specmatic exchanges (wall) |",
    "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
  );
  for (const t of r.throughput) {
    const p = r.peers.find((x) => x.provider === t.provider)!;
    const st = r.throughputSameThread.find((x) => x.provider === t.provider)!;
    lines.push(
      `| ${t.provider} | ${t.distinctRequests} | ${n(t.payconform.exchangesPerSecond)} (${n(st.payconform.exchangesPerSecond)}) | ${n(t.bare.exchangesPerSecond)} (${n(st.bare.exchangesPerSecond)}) | ${n(p.prism.figures.exchangesPerSecond)} (${n(p.prism.forwarded)} of ${n(p.prism.figures.exchanges * c.rounds)}) | ${pr(p.prism.vsPrism)} | ${pr(t.overheadVsBare, 3)} (${n(st.overheadVsBare.median, 3)}) | ${s(t.reportMs)} (${n(t.resultsPerExchange, 1)}) | ${n(t.payconform.utilization * 100)}% / ${n(t.bare.utilization * 100)}% | ${p.dredd.exchanges} (${s(p.dredd.run.wallMs)}, ${p.dredd.run.passed} passed / ${p.dredd.run.failed} failed) | ${p.specmatic.exchanges} (${s(p.specmatic.run.wallMs)}, ${p.specmatic.run.passed} passed / ${p.specmatic.run.failed} failed) |`,
    );
  }

  const cs = r.coldStart;
  const pairRow = (label: string, x: BenchResults["coldStart"]["help"]): string => `| ${label} | ${s(x.ms)} | ${s(x.nodeMs)} | **${pr(x.vsNode)}** |`;
  lines.push(
    "",
    "## Cold start (new processes, paired with `node -e 0`)",
    "",
    `${cs.pairs} pairs of each: \`node -e 0\`, then the payconform command, then \`node -e 0\` again, and so on; each pair gives one ratio, the median (least–greatest) is reported. Every process is the bench's own Node, cwd the repository, reports in a temporary folder.`,
    "",
    "| command | payconform, median | `node -e 0` in the same pairs, median | ratio, median of pairs (least–greatest) |",
    "|---|--:|--:|--:|",
    pairRow("`run --provider enkash`, to the first verdict (first stdout line) (`coldStart.ms`, `coldStart.ratioVsNode`)", cs.firstVerdict),
    pairRow("`run --provider enkash`, to exit (reports written)", cs.exit),
    pairRow("`--help` (`coldStart.help`)", cs.help),
    pairRow("`--version` (`coldStart.version`)", cs.version),
    "",
    `To the provider-start line on stderr (modules loaded, spec read, sandbox up): ${s(cs.toReadyMs)}, median.`,
    "",
    "## Whole runs, and the real-run figure",
    "",
    "| measure | value |",
    "|---|--:|",
    `| whole \`payconform run\`, all four providers, spawn to exit, median of ${r.fullRun.runs} (\`fullRunMs\`) | **${s(r.fullRunMs)}** |`,
    `| the same, the run's own time (conformance.json \`metadata.durationMs\`: process start and module loading excluded) | ${s(r.fullRun.inRunMs)} |`,
    `| exchanges in one whole run (API requests the embedded sandboxes answered; ${r.realRun.stateCalls} provider-state calls besides) | ${n(r.realRun.exchanges)} |`,
    `| **real run**: exchanges/s of a whole run (process, reporters, fixture scenarios, per-provider set-up included) | **${n(r.realRun.exchangesPerSecond, 1)}** |`,
    `| the same over the run's own time | ${n(r.realRun.inRunExchangesPerSecond, 1)} |`,
    `| steady-state loop, sandbox in a worker thread (throughput above) | ${n(r.realRun.steadyStateExchangesPerSecond)} |`,
    `| steady-state loop, sandbox on the loop's thread (as in a run) | ${n(r.realRun.steadyStateSameThreadExchangesPerSecond)} |`,
    "",
    `Whole runs: ${r.fullRun.summary} (exit ${r.fullRun.exitCode}); ${n(r.fullRun.results)} results; samples ${r.fullRun.samples.map((x) => `${x} ms`).join(", ")}. Exchanges are counted in one more run with a preload (bench/count-exchanges.ts) on Node's HTTP diagnostics channels.`,
    "",
    "## Provider runs in one process (scaling)",
    "",
    "K provider runs in one `run` (the four providers in turn, each against its embedded sandbox, with the console, junit, json, html and summary reporters), each K in a fresh child process; time from the run's start to its reports written (module loading excluded); peak resident set of the child (`process.resourceUsage().maxRSS`).",
    "",
    "| K | ms | ms per provider run | peak MiB | results |",
    "|--:|--:|--:|--:|--:|",
    ...r.scaling.map((p) => `| ${p.K} | ${n(p.ms)} | ${n(p.msPerRun, 1)} | ${n(p.peakMiB, 1)} | ${n(p.results)} |`),
    "",
    `Least-squares line: ms = ${n(r.scalingFit.interceptMs)} + ${n(r.scalingFit.slopeMsPerRun, 1)} · K (R² ${r.scalingFit.r2.toFixed(3)}); ms per run at K=${r.scalingFit.largestK} ÷ at K=8: ${n(r.scalingFit.perRunLargestOverK8, 2)} (linear: 1; counted linear up to ${LINEAR_TOLERANCE}).`,
  );

  lines.push("", "## Verdicts on faulty adapters (src/catalogue/)", "", "| adapter (departure) | payconform | Prism | Dredd | Specmatic |", "|---|---|---|---|---|");
  for (const v of r.verdicts) {
    if ("missing" in v) {
      lines.push(`| ${v.name} | not in the catalogue | | | |`);
      continue;
    }
    const cell = (x: { flagged: boolean; said: string }): string => `${x.flagged ? "**yes**" : "no"}: ${clip(x.said)}`;
    lines.push(`| \`${v.name}\` (${v.departure}; declared check ${v.expectedCheck}) | ${cell(v.payconform)} | ${cell(v.prism)} | ${cell(v.dredd)} | ${cell(v.specmatic)} |`);
  }
  lines.push(
    "",
    "A peer flags a departure when it reports, on the adapter, something it did not report on the same provider's reference sandbox with the same configuration. Why the peers miss departures of these kinds (their design, as seen in these runs):",
    "",
    "- Prism checks what passes through it. With --errors it answers an invalid request itself (422, 401), so the target's own handling of bad input is never exercised; and a 200 to an unknown id is a documented status with a valid body.",
    "- Dredd sends the documented example request only (once per documented response), never a malformed value or an id that never existed.",
    "- Specmatic's resiliency tests expect any 4xx for an invalid parameter, so the not-found 404 of a target that skipped the check and looked the customer up passes; its positive tests delete generated ids and expect success, so a target that answers 200 to ids it never issued makes them pass.",
  );
  if (r.proxy) lines.push(...proxyMarkdown(r.proxy));
  lines.push("", "## How each tool was run (fairness notes)", "", ...r.notes.map((x) => `- ${x}`));
  lines.push("", findingsMarkdown(r.profile));
  return `${lines.join("\n")}\n`;
}

function clip(text: string): string {
  const one = text.replace(/\s+/g, " ").replace(/\|/g, "\\|");
  return one.length > 160 ? `${one.slice(0, 157)}…` : one;
}

/** How much other work competed for the CPU, and a warning when it was enough to skew the figures. */
function otherWorkLine(r: BenchResults): string {
  const pct = (v: number | undefined): string => (v === undefined ? "?" : `${(v * 100).toFixed(0)}%`);
  const phases = Object.entries(r.otherWork).filter(([name]) => name !== "overall");
  const worst = Math.max(0, ...phases.map(([, v]) => v ?? 0));
  const detail = phases.map(([name, v]) => `${name} ${pct(v)}`).join(", ");
  const warning = worst > 0.1 ? " **Other processes competed for the CPU during this run: its absolute figures are low and its ratios noisy; rerun on a quiet machine.**" : "";
  const speed = `A fixed piece of CPU work (sha256 of 256 MiB) took ${Math.round(r.speedCheck.startMs)} ms at the start and ${Math.round(r.speedCheck.endMs)} ms at the end; on a shared host, a slower figure there means the whole run was slower.`;
  return `Other processes took ${pct(r.otherWork.overall)} of the machine's CPU while the bench ran (${detail}).${warning} ${speed}`;
}
