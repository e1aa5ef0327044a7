/**
 * Step 6 of `spec update`: the provider's conformance run against its embedded reference
 * sandbox, before and after. The sandbox is not changed: a case that fails after the update names
 * a behaviour of the sandbox that no longer matches the new spec.
 */
import type { HttpProvider } from "../../providers.ts";
import { memoryReporter } from "../../reporters/memory.ts";
import type { Result } from "../../runner/events.ts";
import { resolveRunOptions } from "../../runner/options.ts";
import { run } from "../../runner/run.ts";

export interface ConformanceRun {
  results: Result[];
  /** Why the run could not complete (the spec lost the operation, for example). */
  error?: string;
}

export interface CaseChange {
  check: string;
  case: string;
  before?: string;
  after?: string;
  /** The new result's message, when it did not pass. */
  message?: string;
}

export interface ConformanceImpact {
  before: { total: number; failed: number; error?: string };
  after: { total: number; failed: number; error?: string };
  /** Cases whose outcome changed, or that exist on one side only. */
  changed: CaseChange[];
  /** Results of the new run that failed or errored: sandbox behaviour the new spec no longer allows. */
  sandboxMismatches: CaseChange[];
}

export async function conformanceRun(provider: HttpProvider, seed: number): Promise<ConformanceRun> {
  const reporter = memoryReporter();
  try {
    await run(resolveRunOptions({ providers: [provider], seed, env: {} }), [reporter]);
    return { results: reporter.results };
  } catch (error) {
    return { results: reporter.results, error: (error instanceof Error ? error.message : String(error)).split("\n")[0] };
  }
}

export function compareConformance(before: ConformanceRun, after: ConformanceRun): ConformanceImpact {
  const key = (r: Result) => `${r.check}\n${r.case}`;
  const old = new Map(before.results.map((r) => [key(r), r]));
  const now = new Map(after.results.map((r) => [key(r), r]));
  const changed: CaseChange[] = [];
  for (const [k, r] of now) {
    const was = old.get(k);
    if (!was || was.outcome !== r.outcome) changed.push(caseChange(r, was?.outcome, r.outcome));
  }
  for (const [k, r] of old) if (!now.has(k)) changed.push({ check: r.check, case: r.case, before: r.outcome });
  const bad = (r: Result) => r.outcome === "failed" || r.outcome === "errored";
  return {
    before: { total: before.results.length, failed: before.results.filter(bad).length, ...(before.error ? { error: before.error } : {}) },
    after: { total: after.results.length, failed: after.results.filter(bad).length, ...(after.error ? { error: after.error } : {}) },
    changed: changed.sort((a, b) => `${a.check} ${a.case}`.localeCompare(`${b.check} ${b.case}`)),
    sandboxMismatches: after.results.filter(bad).map((r) => caseChange(r, old.get(key(r))?.outcome, r.outcome)),
  };
}

function caseChange(r: Result, before: string | undefined, after: string): CaseChange {
  const change: CaseChange = { check: r.check, case: r.case, after };
  if (before !== undefined) change.before = before;
  if (r.outcome !== "passed" && r.message) change.message = r.message;
  return change;
}
