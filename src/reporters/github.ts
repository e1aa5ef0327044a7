/**
 * `--reporter github`: one GitHub Actions workflow command per finding, which GitHub shows as an
 * annotation on the run and the pull request: `::error` for a failed or errored result,
 * `::warning` for a warning; then the totals as a plain line. Values are shortened as on the
 * console, and escaped as the runner requires (`%`, CR and LF in the message; also `:` and `,` in
 * a property), so no text from a target can end a command early or start another.
 * https://docs.github.com/actions/reference/workflows-and-actions/workflow-commands
 */
import { shorten, stdout, type OutputStream } from "../output.ts";
import type { Reporter, Result, RunEvent, Summary } from "../runner/events.ts";

export function githubReporter(out: OutputStream = stdout): Reporter {
  let summary: Summary | undefined;
  let aborted: string | undefined;
  return {
    handle: (event: RunEvent) => {
      if (event.type === "result" && event.result.outcome !== "passed" && event.result.outcome !== "skipped") out.write(`${annotation(event.result)}\n`);
      if (event.type === "run-end") summary = event.summary;
      if (event.type === "run-aborted") aborted = event.message;
    },
    finish: async () => {
      if (aborted !== undefined) out.write(`::error title=${property("payconform: run stopped")}::${data(aborted)}\n`);
      if (summary) out.write(`payconform: ${summary.passed} passed, ${summary.failed} failed, ${summary.errored} errored, ${summary.skipped} skipped, ${summary.warnings} warnings\n`);
    },
  };
}

/** The workflow command for one finding. */
export function annotation(r: Result): string {
  const command = r.outcome === "warning" ? "warning" : "error";
  const title = `payconform ${r.provider} ${r.check}${r.outcome === "errored" ? " (errored)" : ""}${r.basis === "assumed" ? " (assumed)" : ""}`;
  const lines = [`${shorten(r.case)}: ${shorten(r.message)}`];
  if (r.expected !== undefined) lines.push(`expected: ${shorten(r.expected)}`);
  if (r.actual !== undefined) lines.push(`actual: ${shorten(r.actual)}`);
  if (r.curl) lines.push(`reproduce: ${shorten(r.curl)}`);
  return `::${command} title=${property(title)}::${data(lines.join("\n"))}`;
}

/** A command's message: `%`, CR and LF escaped. */
export function data(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A command's property value: as data, and `:` and `,` too. */
export function property(text: string): string {
  return data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
