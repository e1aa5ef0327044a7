/**
 * Runs every check on one exchange and turns findings into results. A finding resting on an
 * assumed fact is a warning unless --strict; with --strict every warning fails.
 */
import { CHECKS } from "../checks/registry.ts";
import type { Check, CheckInput, Finding } from "../checks/types.ts";
import type { Basis } from "../spec/model.ts";
import type { Result } from "./events.ts";

export interface EvaluateOptions {
  strict: boolean;
  curl: () => string;
  /** What every result of this exchange records about the request: method, path, duration (the runner always gives it). */
  sent?: SentFacts;
}

export type SentFacts = Required<Pick<Result, "method" | "path" | "durationMs">>;

/** Runs `checks` (default: every registered check) on the exchange; one result per check that applies. */
export function evaluate(input: CheckInput, options: EvaluateOptions, checks: readonly Check[] = CHECKS): Result[] {
  const results: Result[] = [];
  for (const check of checks) {
    const findings = check.run(input);
    if (findings === undefined) continue;
    const { provider, operationId } = input.operation.op;
    results.push(resultOf({ provider, operationId, check: check.id, case: caseName(input), basis: input.scenario.basis }, findings, options));
  }
  return results;
}

export function caseName(input: Pick<CheckInput, "scenario" | "step" | "burst">): string {
  const name = input.scenario.steps.length > 1 ? `${input.scenario.id}: ${input.step.label}` : input.scenario.id;
  return input.burst ? `${name} #${input.burst.index + 1}` : name;
}

/** What a result is about; `basis` is the basis a passed result gets. */
export type ResultBase = Pick<Result, "provider" | "operationId" | "check" | "case"> & { basis: Basis };

/** One check's findings on one exchange as a result: passed when there are none. */
export function resultOf(base: ResultBase, findings: readonly Finding[], options: EvaluateOptions): Result {
  // A passed result is built in one go: most results pass, and this runs for every check of every exchange.
  if (findings.length === 0) return { provider: base.provider, operationId: base.operationId, check: base.check, case: base.case, outcome: "passed", message: "", basis: base.basis, ...options.sent };
  const severities = findings.map((f) => severityOf(f, options.strict));
  const outcome = severities.includes("failure") ? "failed" : "warning";
  const first = findings[severities.indexOf(outcome === "failed" ? "failure" : "warning")];
  const basis = findings.every((f) => f.basis === "assumed") ? "assumed" : "documented";
  return {
    provider: base.provider,
    operationId: base.operationId,
    check: base.check,
    case: base.case,
    outcome,
    message: visible(findings.map((f) => f.message).join("; ")),
    expected: visible(first.expected),
    actual: visible(first.actual),
    curl: options.curl(),
    basis,
    ...options.sent,
  };
}

/** Invisible and format characters (zero-width, bidirectional controls, a soft hyphen, a BOM). */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

/** `text` with invisible characters written as \uXXXX: a value that differs from the expected one by such a character shows it. */
function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
}

function severityOf(finding: Finding, strict: boolean): "failure" | "warning" {
  if (strict) return "failure";
  if (finding.basis === "assumed") return "warning";
  return finding.severity ?? "failure";
}
