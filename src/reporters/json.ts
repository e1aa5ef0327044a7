/**
 * conformance.json: {"summary": {...}, "metadata": {...}, "results": [...]}, the stable
 * machine-readable report. metadata: tool, version, seed, strict, providers, target (redacted),
 * stateUrl (redacted, when given), startedAt, finishedAt (ISO 8601, UTC), durationMs. Result
 * fields: provider, operationId, check, case, outcome, message, basis (documented | assumed),
 * method, path and durationMs of the request it judges, plus curl, expected and actual on every
 * result that did not pass. A run stopped by a tool error adds "error", its one-line reason, next
 * to the results emitted before it.
 */
import type { Result, RunEvent } from "../runner/events.ts";
import { collector } from "./collect.ts";
import { prepareReportDir, writeReport, type FileReporter } from "./report-file.ts";

/** Results stringified together: a long run's report is written in pieces of this many. */
const BATCH = 512;

/**
 * The text of `JSON.stringify({ ...head, results }, null, 2)` and a line break, BATCH results at
 * a time: a long run's report is never one string.
 */
export function* jsonParts(head: object, results: readonly Result[]): Generator<string> {
  const opening = JSON.stringify({ ...head, results: [] }, null, 2);
  if (results.length === 0) {
    yield `${opening}\n`;
    return;
  }
  yield `${opening.slice(0, opening.lastIndexOf("[]"))}[\n`;
  for (let from = 0; from < results.length; from += BATCH) {
    // The batch as the "results" member of an object has the indentation the whole report gives it.
    const text = JSON.stringify({ results: results.slice(from, from + BATCH) }, null, 2);
    yield `${from === 0 ? "" : ",\n"}${text.slice(text.indexOf("[\n") + 2, text.lastIndexOf("\n  ]"))}`;
  }
  yield "\n  ]\n}\n";
}

export function jsonReporter(reportDir: string): FileReporter {
  const file = prepareReportDir(reportDir, "conformance.json");
  const { run, handle } = collector();
  const reporter: FileReporter = {
    file,
    written: false,
    handle: (event: RunEvent) => handle(event),
    finish: async () => {
      const metadata = run.metadata();
      const head = { summary: run.summary(), ...(metadata ? { metadata } : {}), ...(run.error === undefined ? {} : { error: run.error }) };
      writeReport(reportDir, "conformance.json", jsonParts(head, run.results));
      reporter.written = true;
    },
  };
  return reporter;
}
