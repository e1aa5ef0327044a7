/** A spec diff for people (a table) and for programs (JSON). */
import type { SpecDiff } from "./model.ts";

export function formatDiffTable(diff: SpecDiff): string {
  if (diff.changes.length === 0) return "no changes to the operations";
  const rows = diff.changes.map((c) => [c.class, c.kind, c.operation, c.message]);
  const header = ["class", "kind", "operation", "change"];
  const widths = header.slice(0, 3).map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell)).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w)).concat("------")), ...rows.map(line)].join("\n");
}

export function diffSummaryLine(diff: SpecDiff): string {
  const { breaking, annotation } = diff.counts;
  return `spec diff: ${breaking} breaking, ${diff.counts["non-breaking"]} non-breaking, ${annotation} annotation only`;
}
