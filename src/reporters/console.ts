/**
 * Console output: a progress line while running, then a provider × check matrix, then every
 * failure with expected vs actual and its curl (warnings with the same expected and actual
 * grouped under the first), and why cases were skipped.
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
      for (const group of notableGroups(results)) streams.out.write(renderGroup(group, streams.out));
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

/** Cases named after a grouped warning; the rest are counted. */
const NAMED_CASES = 5;

/**
 * Every failed and errored result on its own; warnings of one provider and check with the same
 * expected and actual (a 401 the doc does not list, answered to 25 credential cases) as one group,
 * in the order each first appears. The report files keep every result.
 */
function notableGroups(results: readonly Result[]): Result[][] {
  const groups: Result[][] = [];
  const byKey = new Map<string, Result[]>();
  for (const r of results) {
    if (r.outcome !== "failed" && r.outcome !== "errored" && r.outcome !== "warning") continue;
    if (r.outcome !== "warning") {
      groups.push([r]);
      continue;
    }
    const key = JSON.stringify([r.provider, r.check, r.expected, r.actual, r.basis]);
    const group = byKey.get(key);
    if (group) group.push(r);
    else {
      const fresh = [r];
      byKey.set(key, fresh);
      groups.push(fresh);
    }
  }
  return groups;
}

/** The group's first result in full, then the other cases by name. */
function renderGroup(group: readonly Result[], stream: { isTTY?: boolean }): string {
  const [first, ...others] = group;
  if (others.length === 0) return renderResult(first, stream);
  const named = others.slice(0, NAMED_CASES).map((r) => shorten(r.case, 80));
  const more = others.length > NAMED_CASES ? `; and ${others.length - NAMED_CASES} more` : "";
  return `${renderResult(first, stream)}  and ${others.length} more case(s) with the same expected and actual (every one in the reports): ${named.join("; ")}${more}\n`;
}

function renderResult(r: Result, stream: { isTTY?: boolean }): string {
  const style = r.outcome === "warning" ? "yellow" : "red";
  const lines = [`\n${paint(style, r.outcome.toUpperCase(), stream)} ${r.provider} ${r.check} [${shorten(r.case)}]${r.basis === "assumed" ? " (assumed)" : ""}`, `  ${shorten(r.message)}`];
  if (r.expected !== undefined) lines.push(`  expected: ${shorten(r.expected)}`);
  if (r.actual !== undefined) lines.push(`  actual:   ${shorten(r.actual)}`);
  if (r.curl) lines.push(`  reproduce: ${shorten(r.curl)}`);
  return `${lines.join("\n")}\n`;
}
