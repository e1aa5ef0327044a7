/**
 * delete_semantics: delete an existing fixture (documented success), delete it again
 * (documented not-found), delete an id that never existed (documented not-found), and delete one
 * fixture with several requests in flight at once (exactly one documented success).
 */
import { successIsDeferred, type OperationSpec } from "../spec/model.ts";
import { plan, type Scenario } from "./model.ts";

/** Identical deletes of one fixture sent at once by the race scenario. */
export const RACE_BURST = 5;

export function deleteScenarios(op: OperationSpec): Scenario[] {
  const base = { provider: op.provider, operationId: op.operationId, check: "delete_semantics" as const, basis: "documented" as const };
  const poll = successIsDeferred(op);
  return [
    {
      ...base,
      id: "delete an existing fixture, then delete it again",
      fixtures: 1,
      description: "the first delete gets the documented success; the second the documented not-found answer",
      steps: [
        { label: "first delete", plan: plan(), fixture: 0, expect: "success" },
        { label: "second delete", plan: plan(), fixture: 0, expect: "not-found", pollWhileSuccess: poll },
      ],
    },
    {
      ...base,
      id: "delete an id that never existed",
      fixtures: 0,
      description: "an id of the documented shape that was never issued gets the documented not-found answer",
      steps: [{ label: "delete", plan: plan(), expect: "not-found" }],
    },
    {
      ...base,
      id: "concurrent deletes of one fixture",
      fixtures: 1,
      description: `${RACE_BURST} deletes of one fixture in flight at once: exactly one documented success, the documented not-found for the rest, no 5xx`,
      steps: [
        { label: `${RACE_BURST} at once`, plan: plan(), fixture: 0, expect: "one-success", burst: RACE_BURST },
        { label: "delete after the race", plan: plan(), fixture: 0, expect: "not-found", pollWhileSuccess: poll },
      ],
    },
  ];
}
