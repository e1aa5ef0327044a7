/**
 * The provider × check matrix every human-readable report shows: for each provider of the run and
 * each check, how many results had each outcome, and the one-word verdict the console prints.
 */
import { CHECK_IDS, type CheckId } from "../checks/ids.ts";
import { summarize, type Result, type Summary } from "../runner/events.ts";

export interface Matrix {
  /** Providers in the order their results came. */
  providers: string[];
  checks: readonly CheckId[];
  /** Outcome counts of one cell; all zero where the check does not apply. */
  counts(provider: string, check: CheckId): Summary;
}

export function matrixOf(results: readonly Result[]): Matrix {
  const byCell = new Map<string, Result[]>();
  for (const r of results) {
    const key = `${r.provider}\u0000${r.check}`;
    const list = byCell.get(key);
    if (list) list.push(r);
    else byCell.set(key, [r]);
  }
  return {
    providers: [...new Set(results.map((r) => r.provider))],
    checks: CHECK_IDS,
    counts: (provider, check) => summarize(byCell.get(`${provider}\u0000${check}`) ?? []),
  };
}

export type Verdict = "-" | "FAILED" | "warn" | "skipped" | "passed*" | "passed";

/** A cell's verdict: "passed*" when it passed but some of its cases were skipped, "-" when the check does not apply. */
export function verdict(counts: Summary): Verdict {
  const total = counts.passed + counts.failed + counts.errored + counts.skipped + counts.warnings;
  if (total === 0) return "-";
  if (counts.failed + counts.errored > 0) return "FAILED";
  if (counts.warnings > 0) return "warn";
  if (counts.skipped === total) return "skipped";
  return counts.skipped > 0 ? "passed*" : "passed";
}
