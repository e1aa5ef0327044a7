/**
 * conformance.json: {"summary": {...}, "results": [...]}, the stable machine-readable report.
 * Result fields: provider, operationId, check, case, outcome, message, curl, plus expected,
 * actual and basis (documented | assumed). A run stopped by a tool error adds "error", its
 * one-line reason, next to the results emitted before it.
 */
import { summarize, type Reporter, type Result, type RunEvent } from "../runner/events.ts";
import { prepareReportDir, writeReport } from "./report-file.ts";

export function jsonReporter(reportDir: string): Reporter {
  prepareReportDir(reportDir);
  const results: Result[] = [];
  let error: string | undefined;
  return {
    handle: (event: RunEvent) => {
      if (event.type === "result") results.push(event.result);
      if (event.type === "run-aborted") error = event.message;
    },
    finish: async () => {
      const report = { summary: summarize(results), ...(error === undefined ? {} : { error }), results };
      writeReport(reportDir, "conformance.json", `${JSON.stringify(report, null, 2)}\n`);
    },
  };
}
