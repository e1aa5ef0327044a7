/**
 * Console output: a progress line while running, then a provider × check matrix, then every
 * failure (and warning) with expected vs actual and its curl, and why cases were skipped.
 * Values longer than CONSOLE_VALUE_LIMIT (a 4 KB generated id makes a 4 KB curl line) are
 * shortened here; the report files keep them whole. Everything goes through src/output.ts
 * (masked; coloured only on a terminal without NO_COLOR).
 */
import { paint, shorten, stderr, stdout, type OutputStream } from "../output.ts";
import type { Reporter, Result, RunEvent, Summary } from "../runner/events.ts";
import { matrixOf, verdict } from "./matrix.ts";

export interface ConsoleStreams {
  out: OutputStream;
  /** Progress goes here; rewritten in place when it is a TTY. */
  progress: OutputStream;
}

export function consoleReporter(streams: ConsoleStreams = { out: stdout, progress: stderr }): Reporter {
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
      if (results.length > 0) streams.out.write(`\n${renderMatrix(results, streams.out)}\n`);
      const skips = skipReasons(results);
      if (skips.length > 0) streams.out.write(`* some cases skipped:\n${skips.map((s) => `  ${s}\n`).join("")}`);
      const notable = results.filter((r) => r.outcome === "failed" || r.outcome === "errored" || r.outcome === "warning");
      for (const r of notable) streams.out.write(renderResult(r, streams.out));
      if (summary) {
        streams.out.write(`\n${summary.passed} passed, ${summary.failed} failed, ${summary.errored} errored, ${summary.skipped} skipped, ${summary.warnings} warnings\n`);
      }
    },
  };
}

const CELL_STYLE = { FAILED: "red", passed: "green", "passed*": "green", warn: "yellow" } as const;

/** The matrix; `stream` decides colour (none by default). */
export function renderMatrix(results: readonly Result[], stream: { isTTY?: boolean } = {}): string {
  const matrix = matrixOf(results);
  const { providers } = matrix;
  const width = Math.max(...matrix.checks.map((c) => c.length));
  const header = `${"check".padEnd(width)}  ${providers.map((p) => p.padEnd(9)).join(" ")}`;
  const rows = matrix.checks.map((check) => {
    const cells = providers.map((provider) => {
      const text = verdict(matrix.counts(provider, check));
      const style = CELL_STYLE[text as keyof typeof CELL_STYLE];
      return style ? paint(style, text, stream) + " ".repeat(9 - text.length) : text.padEnd(9);
    });
    return `${check.padEnd(width)}  ${cells.join(" ")}`.trimEnd();
  });
  return [header.trimEnd(), ...rows].join("\n");
}

/** "provider check: reason" once per distinct reason a case was skipped. */
function skipReasons(results: readonly Result[]): string[] {
  return [...new Set(results.filter((r) => r.outcome === "skipped").map((r) => `${r.provider} ${r.check}: ${shorten(r.message)}`))];
}

function renderResult(r: Result, stream: { isTTY?: boolean }): string {
  const style = r.outcome === "warning" ? "yellow" : "red";
  const lines = [`\n${paint(style, r.outcome.toUpperCase(), stream)} ${r.provider} ${r.check} [${shorten(r.case)}]${r.basis === "assumed" ? " (assumed)" : ""}`, `  ${shorten(r.message)}`];
  if (r.expected !== undefined) lines.push(`  expected: ${shorten(r.expected)}`);
  if (r.actual !== undefined) lines.push(`  actual:   ${shorten(r.actual)}`);
  if (r.curl) lines.push(`  reproduce: ${shorten(r.curl)}`);
  return `${lines.join("\n")}\n`;
}
