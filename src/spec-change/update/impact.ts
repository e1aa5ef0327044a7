/**
 * The spec impact: everything `spec update` found, as data, and whether it all still holds.
 * reports/spec-impact.json is this object; spec-impact.md renders it.
 */
import type { SpecDiff } from "../diff/model.ts";
import type { ConformanceImpact } from "./conformance.ts";
import type { FileChange, StepOutcome } from "./generated.ts";
import type { PactImpact } from "./pacts.ts";

export interface OverlayActionIssue {
  action: number;
  name: string;
  target: string;
  /** no-match: the target selects nothing; conflict: it selects a node the update cannot merge into; overrides: it now replaces a value upstream documents. */
  problem: "no-match" | "conflict" | "overrides";
  detail: string;
}

export interface SpecImpact {
  provider: string;
  /** The new document, as given on the command line. */
  source: string;
  upstream: { file: string; sha256Before: string; sha256After: string };
  diff: SpecDiff;
  overlay: { file: string; actions: number; issues: OverlayActionIssue[] };
  generated: { step: StepOutcome; files: FileChange[] };
  typecheck: StepOutcome;
  pacts: PactImpact & { error?: string };
  conformance: ConformanceImpact;
  /** Why the update does not hold, one line each (empty: it holds). */
  problems: string[];
  /** 0: nothing breaking and everything holds; 1: otherwise. */
  exitCode: 0 | 1;
}

/** What makes the update need a human: the reasons behind exit code 1. */
export function problemsOf(impact: Omit<SpecImpact, "problems" | "exitCode">): string[] {
  const problems: string[] = [];
  if (impact.diff.breaking) problems.push(`${impact.diff.counts.breaking} breaking change(s) in the spec`);
  for (const issue of impact.overlay.issues) problems.push(`overlay action ${issue.action} "${issue.name}": ${issue.detail}`);
  if (!impact.generated.step.ok) problems.push(impact.generated.step.summary);
  if (!impact.typecheck.ok) problems.push(impact.typecheck.summary);
  if (impact.pacts.error) problems.push(`check-pacts could not run: ${impact.pacts.error}`);
  if (impact.pacts.broken.length > 0) problems.push(`${impact.pacts.broken.length} pact finding(s) in ${new Set(impact.pacts.broken.map((b) => b.interaction)).size} interaction(s) that no longer hold`);
  if (impact.conformance.after.error) problems.push(`conformance could not run against the reference sandbox: ${impact.conformance.after.error}`);
  if (impact.conformance.sandboxMismatches.length > 0) problems.push(`${impact.conformance.sandboxMismatches.length} conformance case(s) fail against the unchanged reference sandbox: it no longer matches the new spec`);
  return problems;
}
