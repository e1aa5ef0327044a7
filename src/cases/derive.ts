/**
 * Derives every scenario for an operation from its spec. Seeded: the same seed gives the same
 * scenarios, values included. Path parameters a step takes neither from its plan nor from a
 * fixture get a never-existing value.
 */
import type { OperationSpec } from "../spec/model.ts";
import { authScenarios } from "./auth-cases.ts";
import { bodyScenarios } from "./body-cases.ts";
import { claimedHostScenarios } from "./claimed-host-cases.ts";
import { deleteScenarios } from "./delete-cases.ts";
import { encodingScenarios } from "./encoding-cases.ts";
import { exactIdScenarios } from "./exact-id-cases.ts";
import { headerScenarios } from "./header-cases.ts";
import { methodScenarios } from "./method-cases.ts";
import { fixtureIndexFor, type Scenario } from "./model.ts";
import { negotiationScenarios } from "./negotiation-cases.ts";
import { ownershipScenarios } from "./ownership-cases.ts";
import { patternScenarios } from "./pattern-cases.ts";
import { positiveScenarios } from "./positive-cases.ts";
import { templateScenarios } from "./template-cases.ts";
import { forkRng } from "./random.ts";
import { neverExistingValue } from "./values.ts";

export function deriveScenarios(op: OperationSpec, seed: number): Scenario[] {
  const scenarios = [
    ...deleteScenarios(op),
    ...authScenarios(op),
    ...ownershipScenarios(op, forkRng(seed, `${op.operationId}:ownership`)),
    ...exactIdScenarios(op),
    ...headerScenarios(op, forkRng(seed, `${op.operationId}:headers`)),
    ...bodyScenarios(op),
    ...patternScenarios(op, forkRng(seed, `${op.operationId}:patterns`)),
    ...positiveScenarios(op),
    ...methodScenarios(op),
    ...encodingScenarios(op),
    ...negotiationScenarios(op),
    ...claimedHostScenarios(op),
    ...templateScenarios(op),
  ];
  const rng = forkRng(seed, `${op.operationId}:ids`);
  for (const scenario of scenarios) {
    for (const step of scenario.steps) {
      for (const param of op.parameters) {
        if (param.in !== "path" || param.name in step.plan.pathParams || fixtureIndexFor(step, param.name) !== undefined) continue;
        step.plan.pathParams[param.name] = neverExistingValue(param, rng);
      }
    }
  }
  return scenarios;
}
