/**
 * positive_data_acceptance: values that fit every documented constraint are never rejected as
 * invalid. For each parameter with a pattern, boundary-valid values drawn from the regex (all
 * digits, all letters, the first and last character of each class, shortest and longest) are
 * sent in a valid request for an id that never existed: the answer must be the documented
 * not-found answer, not a validation error. Optional query parameters are sent present and valid
 * the same way, and a required header filled from a path parameter (Juspay's x-routing-id) is
 * also sent with its documented example, another value the doc allows.
 */
import { SpecError } from "../errors.ts";
import { PROFILES } from "../profiles/index.ts";
import type { OperationSpec, ParameterSpec } from "../spec/model.ts";
import { plan, type RequestPlan, type Scenario } from "./model.ts";
import { generateBoundaryValid } from "./regex/index.ts";

export function positiveScenarios(op: OperationSpec): Scenario[] {
  const profile = PROFILES[op.provider];
  const scenarios: Scenario[] = [];
  const scenario = (param: ParameterSpec, label: string, value: string, where: Partial<RequestPlan>): Scenario => ({
    id: `valid ${param.in} ${param.name} ${label}`,
    provider: op.provider,
    operationId: op.operationId,
    check: "positive_data_acceptance",
    basis: param.assumed.pattern || param.assumed.all ? "assumed" : "documented",
    fixtures: 0,
    description: `${param.name} ${JSON.stringify(value)} fits every documented constraint (${label}); the id never existed, so the answer is the documented not-found`,
    steps: [{ label, plan: plan(where), expect: "not-found" }],
  });
  for (const param of op.parameters) {
    if (param.in === "header") {
      const example = typeof param.example === "string" ? param.example : undefined;
      if (param.required && example !== undefined && profile.headerValues[param.name]?.kind === "pathParam") {
        scenarios.push(scenario(param, "documented-example", example, { headers: { [param.name.toLowerCase()]: example } }));
      }
      continue;
    }
    if (typeof param.schema.pattern !== "string") continue;
    for (const { label, value } of boundaryValues(String(param.schema.pattern))) {
      // "", "." and ".." cannot be one path segment: URLs drop or collapse them.
      if (param.in === "path" && (value === "" || value === "." || value === "..")) continue;
      const where = param.in === "path" ? { pathParams: { [param.name]: value } } : { query: { [param.name]: value } };
      scenarios.push(scenario(param, label, value, where));
    }
  }
  return scenarios;
}

function boundaryValues(pattern: string): Array<{ label: string; value: string }> {
  try {
    return generateBoundaryValid(pattern);
  } catch (error) {
    if (error instanceof SpecError) return [];
    throw error;
  }
}
