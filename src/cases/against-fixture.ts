/**
 * The rule-breaking requests of one enforcement check sent against an existing fixture, one after
 * another, then the fixture deleted the documented way. Against an id that never existed a target
 * may give the not-found answer before it looks at a header, the body or a query value (the docs
 * do not fix that order); against a fixture it cannot hide behind the lookup: each request must be
 * refused, never carried out, and the fixture must survive them all.
 */
import type { CheckId } from "../checks/ids.ts";
import type { OperationSpec } from "../spec/model.ts";
import { plan, type RequestPlan, type Scenario } from "./model.ts";

export interface RuleBreak {
  label: string;
  plan: RequestPlan;
}

/** Undefined when there is nothing to send. The rules of one scenario share a basis, `basis`. */
export function againstFixture(op: OperationSpec, check: CheckId, what: string, breaks: readonly RuleBreak[], basis: Scenario["basis"] = "documented"): Scenario | undefined {
  if (breaks.length === 0) return undefined;
  return {
    provider: op.provider,
    operationId: op.operationId,
    check,
    basis,
    fixtures: 1,
    id: `${what} against a fixture`,
    description: `a fixture sent each request that breaks ${what}, none of which may delete it, then deleted the documented way`,
    steps: [
      ...breaks.map((b) => ({ label: b.label, plan: { ...b.plan, pathParams: {} }, fixture: 0, expect: "refused" as const })),
      { label: "the documented delete afterwards", plan: plan(), fixture: 0, expect: "survives" as const },
    ],
  };
}
