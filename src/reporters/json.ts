/**
 * conformance.json: {"summary": {...}, "metadata": {...}, "results": [...]}, the stable
 * machine-readable report. metadata: tool, version, seed, strict, providers, target (redacted),
 * stateUrl (redacted, when given), startedAt, finishedAt (ISO 8601, UTC), durationMs. Result
 * fields: provider, operationId, check, case, outcome, message, basis (documented | assumed),
 * method, path and durationMs of the request it judges, plus curl, expected and actual on every
 * result that did not pass. A run stopped by a tool error adds "error", its one-line reason, next
 * to the results emitted before it.
 */
import type { RunEvent } from "../runner/events.ts";
import { collector } from "./collect.ts";
import { prepareReportDir, writeReport, type FileReporter } from "./report-file.ts";

export function jsonReporter(reportDir: string): FileReporter {
  const file = prepareReportDir(reportDir, "conformance.json");
  const { run, handle } = collector();
  const reporter: FileReporter = {
    file,
    written: false,
    handle: (event: RunEvent) => handle(event),
    finish: async () => {
      const metadata = run.metadata();
      const report = { summary: run.summary(), ...(metadata ? { metadata } : {}), ...(run.error === undefined ? {} : { error: run.error }), results: run.results };
      writeReport(reportDir, "conformance.json", `${JSON.stringify(report, null, 2)}\n`);
      reporter.written = true;
    },
  };
  return reporter;
}
