/**
 * delete_semantics: delete an existing fixture (documented success), delete it again
 * (documented not-found), and delete an id that never existed (documented not-found).
 */
import type { OperationSpec } from "../spec/model.ts";
import { plan, type Scenario } from "./model.ts";

export function deleteScenarios(op: OperationSpec): Scenario[] {
  const base = { provider: op.provider, operationId: op.operationId, check: "delete_semantics" as const, negative: false, basis: "documented" as const };
  return [
    {
      ...base,
      id: "delete an existing fixture, then delete it again",
      fixture: true,
      description: "the first delete gets the documented success; the second the documented not-found answer",
      steps: [
        { label: "first delete", plan: plan(), useFixture: true, expect: "success" },
        { label: "second delete", plan: plan(), useFixture: true, expect: "not-found" },
      ],
    },
    {
      ...base,
      id: "delete an id that never existed",
      fixture: false,
      description: "an id of the documented shape that was never issued gets the documented not-found answer",
      steps: [{ label: "delete", plan: plan(), useFixture: false, expect: "not-found" }],
    },
  ];
}
