/**
 * Derives every scenario for an operation from its spec. Seeded: the same seed gives the same
 * scenarios, values included. Path parameters a step does not set get a never-existing value.
 */
import type { OperationSpec } from "../spec/model.ts";
import { authScenarios } from "./auth-cases.ts";
import { bodyScenarios } from "./body-cases.ts";
import { deleteScenarios } from "./delete-cases.ts";
import { headerScenarios } from "./header-cases.ts";
import type { Scenario } from "./model.ts";
import { patternScenarios } from "./pattern-cases.ts";
import { forkRng } from "./random.ts";
import { neverExistingValue } from "./values.ts";

export function deriveScenarios(op: OperationSpec, seed: number): Scenario[] {
  const scenarios = [
    ...deleteScenarios(op),
    ...authScenarios(op),
    ...headerScenarios(op, forkRng(seed, `${op.operationId}:headers`)),
    ...bodyScenarios(op),
    ...patternScenarios(op, forkRng(seed, `${op.operationId}:patterns`)),
  ];
  const rng = forkRng(seed, `${op.operationId}:ids`);
  for (const scenario of scenarios) {
    for (const step of scenario.steps) {
      if (step.useFixture) continue;
      for (const param of op.parameters) {
        if (param.in === "path" && !(param.name in step.plan.pathParams)) {
          step.plan.pathParams[param.name] = neverExistingValue(param, rng);
        }
      }
    }
  }
  return scenarios;
}
