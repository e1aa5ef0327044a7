/**
 * The spec lint's console output: one `file#pointer: message` line per unexpected violation and
 * per stale known-defect entry, or a one-line summary when everything is accounted for.
 */
import type { LintReport } from "./lint.ts";
import { formatViolation } from "./violation.ts";

export function formatReport(report: LintReport): string[] {
  if (!report.ok) return [...report.unexpected, ...report.stale].map(formatViolation);
  return [formatSummary(report)];
}

export function formatSummary(report: LintReport): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return (
    `spec lint passed: ${plural(report.documents, "OpenAPI document")} (${plural(report.schemaObjects, "schema object")}), ` +
    `${plural(report.schemaFiles, "JSON Schema")}, ${plural(report.examples, "example")} checked; ` +
    `${plural(report.matched.length, "known defect")} matched`
  );
}
