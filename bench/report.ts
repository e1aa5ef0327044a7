/** Writes bench/results.json (every raw figure, and the ratios) and bench/results.md (the tables). */
import { writeFileSync } from "node:fs";
import type { BenchResults } from "./results.ts";
import { findingsMarkdown } from "./findings.ts";
import { proxyMarkdown } from "./proxy-report.ts";

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
    `Providers: ${c.providers.join(", ")} (their specs in specs/, their embedded sandboxes). ${c.concurrency} requests in flight (the client's limiter), ${c.queueDepth} handed to it at once. ${n(c.exchanges)} exchanges per provider per measured loop; payconform and the bare loop alternate over ${c.rounds} measured rounds (median) after ${c.warmupRounds} warm-up rounds; Prism gets ${n(c.warmupExchanges)} warm-up exchanges.`,
    "",
    "## Throughput",
    "",
    "| tool | how it ran | exchanges | time | exchanges/s | payconform ÷ this |",
    "|---|---|--:|--:|--:|--:|",
    `| **payconform** | runner's runScenario in a loop: request built, sent with src/http/client.ts, every applicable check, results redacted | ${n(sum.payconform.exchanges)} | ${s(sum.payconform.ms)} | **${n(ours)}** | 1.00× |`,
    `| bare loop (the limit) | same client, keep-alive, concurrency and requests; no checks | ${n(sum.bare.exchanges)} | ${s(sum.bare.ms)} | ${n(sum.bare.exchangesPerSecond)} | ${ratio(sum.bare.exchangesPerSecond)} |`,
  ];
  const same = (pick: (t: BenchResults["throughput"][number]) => { exchanges: number; msPerExchange: number }): [number, number] => [
    r.throughputSameThread.reduce((a, t) => a + pick(t).exchanges, 0),
    r.throughputSameThread.reduce((a, t) => a + pick(t).exchanges * pick(t).msPerExchange, 0),
  ];
  for (const [label, pick] of [["payconform, sandbox on the loop's thread", (t: BenchResults["throughput"][number]) => t.payconform], ["bare loop, sandbox on the loop's thread", (t: BenchResults["throughput"][number]) => t.bare]] as const) {
    const [count, ms] = same(pick);
    lines.push(`| ${label} | as above, but the sandbox answers on the same thread (how \`payconform run\` has it) | ${n(count)} | ${s(ms)} | ${n(count / (ms / 1000))} | ${ratio(count / (ms / 1000))} |`);
  }
  const how: Record<string, string> = {
    Prism: "`prism proxy SPEC SANDBOX --errors -v warn`, the same load sent through it; start-up excluded",
    Dredd: "`dredd SPEC SANDBOX --header ...`, sequential; first to last exchange (start-up excluded)",
    Specmatic: "`java -jar specmatic.jar test`, resiliency tests on, sequential; first to last exchange (JVM start-up excluded)",
  };
  for (const p of sum.peers) lines.push(`| ${p.tool} ${r.peerVersions[p.tool] ?? ""} | ${how[p.tool]} | ${n(p.exchanges)} | ${s(p.ms)} | ${n(p.exchangesPerSecond, 1)} | ${ratio(p.exchangesPerSecond)} |`);
  for (const p of sum.peersWall) lines.push(`| ${p.tool}, start-up included | spawn to exit (Prism: spawn to listening, plus the load) | ${n(p.exchanges)} | ${s(p.ms)} | ${n(p.exchangesPerSecond, 1)} | ${ratio(p.exchangesPerSecond)} |`);
  lines.push("", "| ratio | target | value | met |", "|---|---|--:|---|");
  for (const t of sum.targets) lines.push(`| ${t.name} | ${t.target} | ${t.value} | ${t.met ? "yes" : "**no**"} |`);
  lines.push(`| fastest peer (start-up excluded) | | ${sum.fastestPeer.tool}, ${n(sum.fastestPeer.exchangesPerSecond, 1)}/s | |`);

  lines.push("", "Per provider (sandbox in a worker thread; in brackets, on the loop's thread):", "", "| provider | payconform /s | bare /s | overhead vs bare (busy-time) | loop thread busy, payconform / bare | Prism /s (forwarded to sandbox) | Dredd exchanges (wall, tests) | Specmatic exchanges (wall) |", "|---|--:|--:|--:|--:|--:|--:|--:|");
  for (const t of r.throughput) {
    const p = r.peers.find((x) => x.provider === t.provider)!;
    const st = r.throughputSameThread.find((x) => x.provider === t.provider)!;
    lines.push(
      `| ${t.provider} | ${n(t.payconform.exchangesPerSecond)} (${n(st.payconform.exchangesPerSecond)}) | ${n(t.bare.exchangesPerSecond)} (${n(st.bare.exchangesPerSecond)}) | ${n(t.overheadVsBare, 3)} (${n(st.overheadVsBare, 3)}); busy ${n(t.busyOverheadVsBare, 3)} | ${n(t.payconform.utilization * 100)}% / ${n(t.bare.utilization * 100)}% | ${n(p.prism.exchangesPerSecond)} (${n(p.prism.forwarded)} of ${n(p.prism.exchanges)}) | ${p.dredd.exchanges} (${s(p.dredd.run.wallMs)}, ${p.dredd.run.passed} passed / ${p.dredd.run.failed} failed) | ${p.specmatic.exchanges} (${s(p.specmatic.run.wallMs)}, ${p.specmatic.run.passed} passed / ${p.specmatic.run.failed} failed) |`,
    );
  }

  const cli = r.cli;
  lines.push(
    "",
    "## payconform from a cold start (spawned `node bin/payconform.mjs run`)",
    "",
    "| measure | warm cache | fresh TMPDIR (first run after an install) |",
    "|---|--:|--:|",
    `| Node alone (\`node -e ""\`) | ${s(cli.nodeStartMs)} | |`,
    `| CLI entry loaded (\`payconform --help\`) | ${s(cli.cliStartMs)} | |`,
    `| the modules of \`payconform run\` imported, nothing run | ${s(cli.runImportMs)} | |`,
    `| to the provider-start line (modules loaded, spec read, sandbox up) | ${s(cli.warmCache.toReadyMs)} | ${s(cli.freshCache.toReadyMs)} |`,
    `| to the first verdict (first stdout line), \`--provider enkash\` | **${s(cli.warmCache.toFirstVerdictMs)}** | **${s(cli.freshCache.toFirstVerdictMs)}** |`,
    `| to exit, \`--provider enkash\` | ${s(cli.warmCache.toExitMs)} | ${s(cli.freshCache.toExitMs)} |`,
    `| full \`payconform run\`, all providers | ${s(cli.fullRun.ms)} | |`,
    "",
    `Medians of ${c.coldStarts} runs each. Full run: ${cli.fullRun.summary} (exit ${cli.fullRun.exitCode}).`,
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
