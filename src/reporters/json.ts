/**
 * conformance.json: {"summary": {...}, "results": [...]}, the stable machine-readable report.
 * Result fields: provider, operationId, check, case, outcome, message, curl, plus expected,
 * actual and basis (documented | assumed).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { summarize, type Reporter, type Result, type RunEvent } from "../runner/events.ts";

export function jsonReporter(reportDir: string): Reporter {
  const results: Result[] = [];
  return {
    handle: (event: RunEvent) => {
      if (event.type === "result") results.push(event.result);
    },
    finish: async () => {
      mkdirSync(reportDir, { recursive: true });
      const report = { summary: summarize(results), results };
      writeFileSync(join(reportDir, "conformance.json"), `${JSON.stringify(report, null, 2)}\n`);
    },
  };
}
