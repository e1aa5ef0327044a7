/**
 * The proxy's console: one line per exchange (method, path, status, time, the case it was, and
 * every finding, each marked as the client's or the target's), the line saying where it listens,
 * and a summary when it stops. Printed through src/output.ts: masked, coloured only on a terminal.
 */
import { paint, type OutputStream } from "../output.ts";
import type { Result, Summary } from "../runner/events.ts";
import type { Judged } from "./judge.ts";

export function exchangeLine(judged: Judged, stream: { isTTY?: boolean }): string {
  const { forwarded } = judged;
  const status = forwarded.status === undefined ? "no answer" : String(forwarded.status);
  const head = `#${judged.n} ${forwarded.request.method} ${forwarded.request.path} → ${status} (${Math.round(forwarded.ms)} ms)`;
  if (judged.unchecked !== undefined) return `${head} not checked: ${judged.unchecked}\n`;
  const notable = judged.results.filter((r) => r.outcome !== "passed");
  const findings = notable.length === 0 ? paint("green", "ok", stream) : notable.map((r) => finding(r, stream)).join("; ");
  return `${head} ${judged.case?.description ?? ""}: ${findings}\n`;
}

function finding(r: Result, stream: { isTTY?: boolean }): string {
  const word = r.outcome === "warning" ? paint("yellow", "warn", stream) : paint("red", r.outcome.toUpperCase(), stream);
  return `${r.party ?? "target"} ${word} ${r.check}${r.basis === "assumed" ? " (assumed)" : ""}: ${r.message}`;
}

export function listeningLine(url: string, provider: string, target: string, record: string | undefined): string {
  const recording = record ? `; recording to ${record}` : "";
  return `payconform proxy: ${provider} → ${target}; point the client's base URL at ${url}${recording}; Ctrl-C stops and writes the reports\n`;
}

export function summaryLines(summary: Summary, exchanges: number, unchecked: number, written: readonly string[], out: OutputStream): void {
  out.write(`\n${exchanges} exchange(s), ${unchecked} not checked: ${summary.passed} passed, ${summary.failed} failed, ${summary.errored} errored, ${summary.warnings} warnings\n`);
  for (const file of written) out.write(`wrote ${file}\n`);
}
