/**
 * Console output: a progress line while running, then a provider × check matrix, then every
 * failure (and warning) with expected vs actual and its curl.
 */
import { CHECK_IDS } from "../checks/ids.ts";
import type { Reporter, Result, RunEvent, Summary } from "../runner/events.ts";

export interface ConsoleStreams {
  out: { write(text: string): unknown };
  /** Progress goes here; rewritten in place when it is a TTY. */
  progress: { write(text: string): unknown; isTTY?: boolean };
}

export function consoleReporter(streams: ConsoleStreams = { out: process.stdout, progress: process.stderr }): Reporter {
  const results: Result[] = [];
  let summary: Summary | undefined;
  const tty = streams.progress.isTTY === true;
  return {
    handle: (event: RunEvent) => {
      if (event.type === "provider-start") streams.progress.write(`payconform: ${event.provider} → ${event.target} (${event.scenarios} scenarios)\n`);
      if (event.type === "progress" && tty) streams.progress.write(`\r  ${event.provider}: ${event.done}/${event.total} scenarios`);
      if (event.type === "provider-end" && tty) streams.progress.write("\n");
      if (event.type === "result") results.push(event.result);
      if (event.type === "run-end") summary = event.summary;
    },
    finish: async () => {
      if (results.length > 0) streams.out.write(`\n${renderMatrix(results)}\n`);
      const notable = results.filter((r) => r.outcome === "failed" || r.outcome === "errored" || r.outcome === "warning");
      for (const r of notable) streams.out.write(renderResult(r));
      if (summary) {
        streams.out.write(`\n${summary.passed} passed, ${summary.failed} failed, ${summary.errored} errored, ${summary.skipped} skipped, ${summary.warnings} warnings\n`);
      }
    },
  };
}

export function renderMatrix(results: readonly Result[]): string {
  const providers = [...new Set(results.map((r) => r.provider))];
  const width = Math.max(...CHECK_IDS.map((c) => c.length));
  const header = `${"check".padEnd(width)}  ${providers.map((p) => p.padEnd(9)).join(" ")}`;
  const rows = CHECK_IDS.map((check) => {
    const cells = providers.map((provider) => cell(results.filter((r) => r.provider === provider && r.check === check)).padEnd(9));
    return `${check.padEnd(width)}  ${cells.join(" ")}`;
  });
  return [header, ...rows].join("\n");
}

function cell(rs: readonly Result[]): string {
  if (rs.length === 0) return "-";
  if (rs.some((r) => r.outcome === "failed" || r.outcome === "errored")) return "FAILED";
  if (rs.some((r) => r.outcome === "warning")) return "warn";
  if (rs.every((r) => r.outcome === "skipped")) return "skipped";
  return "passed";
}

function renderResult(r: Result): string {
  const lines = [`\n${r.outcome.toUpperCase()} ${r.provider} ${r.check} [${r.case}]${r.basis === "assumed" ? " (assumed)" : ""}`, `  ${r.message}`];
  if (r.expected !== undefined) lines.push(`  expected: ${r.expected}`);
  if (r.actual !== undefined) lines.push(`  actual:   ${r.actual}`);
  if (r.curl) lines.push(`  reproduce: ${r.curl}`);
  return `${lines.join("\n")}\n`;
}
