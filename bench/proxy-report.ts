/** The proxy section of bench/results.md, from the `proxy` part of bench/results.json. */
import type { ProxyBenchResults, Ratios, WorkloadKind } from "./proxy.ts";

const n = (v: number, digits = 0): string => v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function proxyMarkdown(p: ProxyBenchResults): string[] {
  const row = (name: string, key: keyof Ratios, digits = 2, target = "", met = ""): string =>
    `| ${name} | ${target} | ${n(p[key], digits)}${key === "addedMs" ? " ms" : ""} | ${n(p.negative[key], digits)}${key === "addedMs" ? " ms" : ""} | ${met} |`;
  const lines = [
    "",
    "## `payconform proxy`: added latency per exchange",
    "",
    `The same exchanges straight to the reference sandbox, through a bare Node forwarder, through \`payconform proxy\` and through Prism's proxy; concurrency ${p.config.concurrency}, ${n(p.config.exchanges)} exchanges per path per round, ${p.config.rounds} measured rounds after ${p.config.warmupRounds} warm-up rounds; medians of each round's own ratio of median latencies. The headline (\`proxy.overheadVsDirect\`, \`proxy.vsPrism\`) is the valid workload.`,
    "",
    "| ratio | target | valid deletes | negative requests | met |",
    "|---|---|--:|--:|---|",
    row("latency through payconform's proxy ÷ straight to the sandbox (`proxy.overheadVsDirect`)", "overheadVsDirect", 2, p.target.overheadVsDirect, p.target.met ? "yes" : "**no**"),
    row("latency through Prism's proxy ÷ through payconform's (`proxy.vsPrism`)", "vsPrism"),
    row("latency through the bare forwarder ÷ straight to the sandbox (the hop alone)", "forwarderOverheadVsDirect"),
    row("latency through payconform's proxy ÷ through the bare forwarder (checking on top of the hop)", "overheadVsForwarder"),
    row("latency through Prism's proxy ÷ straight to the sandbox", "prismOverheadVsDirect"),
    row("payconform's added latency per exchange", "addedMs", 3),
    "",
    "| provider, workload | direct, median ms | bare forwarder | payconform proxy | Prism proxy | payconform ÷ direct | Prism ÷ payconform | Prism's answers (last round) |",
    "|---|--:|--:|--:|--:|--:|--:|---|",
  ];
  for (const x of p.providers) {
    for (const kind of ["valid", "negative"] as WorkloadKind[]) {
      const w = x.workloads[kind];
      const prism = Object.entries(w.statuses.prism).map(([s, c]) => `${s}: ${c}`).join(", ");
      lines.push(`| ${x.provider}, ${kind} (${w.distinctRequests} distinct requests) | ${n(w.medianMs.direct, 3)} | ${n(w.medianMs.forwarder, 3)} | ${n(w.medianMs.payconform, 3)} | ${n(w.medianMs.prism, 3)} | ${n(w.overheadVsDirect, 2)} | ${n(w.vsPrism, 2)} | ${prism} |`);
    }
  }
  lines.push("", ...p.notes.map((note) => `- ${note}`));
  return lines;
}

const HEADING = "## `payconform proxy`";

/** The report with its proxy section replaced, or put before the fairness notes when it has none. */
export function withProxySection(markdown: string, section: string[]): string {
  const text = section.join("\n").replace(/^\n+/, "");
  const start = markdown.indexOf(HEADING);
  if (start !== -1) {
    const next = markdown.indexOf("\n## ", start + HEADING.length);
    return `${markdown.slice(0, start)}${text}\n${next === -1 ? "" : markdown.slice(next)}`;
  }
  const notes = markdown.indexOf("\n## How each tool was run");
  return notes === -1 ? `${markdown}\n${text}\n` : `${markdown.slice(0, notes)}\n${text}\n${markdown.slice(notes)}`;
}
