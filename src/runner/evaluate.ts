/**
 * Runs every check on one exchange and turns findings into results. A finding resting on an
 * assumed fact is a warning unless --strict; with --strict every warning fails.
 */
import { CHECKS } from "../checks/registry.ts";
import type { CheckInput, Finding } from "../checks/types.ts";
import type { Result } from "./events.ts";

export interface EvaluateOptions {
  strict: boolean;
  curl: () => string;
  /** What every result of this exchange records about the request: method, path, duration (the runner always gives it). */
  sent?: SentFacts;
}

export type SentFacts = Required<Pick<Result, "method" | "path" | "durationMs">>;

export function evaluate(input: CheckInput, options: EvaluateOptions): Result[] {
  const results: Result[] = [];
  for (const check of CHECKS) {
    const findings = check.run(input);
    if (findings === undefined) continue;
    results.push(toResult(input, check.id, findings, options));
  }
  return results;
}

export function caseName(input: Pick<CheckInput, "scenario" | "step" | "burst">): string {
  const name = input.scenario.steps.length > 1 ? `${input.scenario.id}: ${input.step.label}` : input.scenario.id;
  return input.burst ? `${name} #${input.burst.index + 1}` : name;
}

function toResult(input: CheckInput, check: Result["check"], findings: Finding[], options: EvaluateOptions): Result {
  const { provider, operationId } = input.operation.op;
  // A passed result is built in one go: most results pass, and this runs for every check of every exchange.
  if (findings.length === 0) return { provider, operationId, check, case: caseName(input), outcome: "passed", message: "", basis: input.scenario.basis, ...options.sent };
  const base = { provider, operationId, check, case: caseName(input), ...options.sent };
  const severities = findings.map((f) => severityOf(f, options.strict));
  const outcome = severities.includes("failure") ? "failed" : "warning";
  const first = findings[severities.indexOf(outcome === "failed" ? "failure" : "warning")];
  const basis = findings.every((f) => f.basis === "assumed") ? "assumed" : "documented";
  return {
    ...base,
    outcome,
    message: findings.map((f) => f.message).join("; "),
    expected: first.expected,
    actual: first.actual,
    curl: options.curl(),
    basis,
  };
}

function severityOf(finding: Finding, strict: boolean): "failure" | "warning" {
  if (strict) return "failure";
  if (finding.basis === "assumed") return "warning";
  return finding.severity ?? "failure";
}
