/** Plain-text rendering of payload findings for the console. */
import type { PayloadFinding } from "./model.ts";

/** One line per finding: `[check] target#pointer: message`, warnings marked as such. */
export function formatFindings(findings: readonly PayloadFinding[]): string {
  return findings.map(formatFinding).join("\n");
}

export function formatFinding(finding: PayloadFinding): string {
  const mark = finding.severity === "warning" ? " (warning)" : "";
  return `[${finding.check}] ${finding.target}#${finding.pointer}: ${finding.message}${mark}`;
}

/** One line: `PASS: no findings`, `PASS: 1 warning`, `FAIL: 2 errors, 1 warning`. */
export function summarizeFindings(findings: readonly PayloadFinding[]): string {
  const errors = findings.filter((finding) => finding.severity === "error").length;
  const warnings = findings.length - errors;
  if (findings.length === 0) return "PASS: no findings";
  const counts = [plural(errors, "error"), plural(warnings, "warning")].filter((part) => part !== "");
  return `${errors > 0 ? "FAIL" : "PASS"}: ${counts.join(", ")}`;
}

function plural(count: number, noun: string): string {
  if (count === 0) return "";
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
