/**
 * Preconditions are wrappers, not `if`s inside checks: `when(documentedStatus, fn)` runs `fn`
 * only when the response status is documented, and reports "not applicable" otherwise.
 */
import { responseFor, type OperationSpec, type ResponseSpec } from "../spec/model.ts";
import type { CheckFn, CheckInput } from "./types.ts";
import type { CheckId } from "./ids.ts";

export type Precondition = (input: CheckInput) => boolean;

export function when(condition: Precondition, fn: CheckFn): CheckFn {
  return (input) => (condition(input) ? fn(input) : undefined);
}

export const both = (a: Precondition, b: Precondition): Precondition => (input) => a(input) && b(input);

export const documentedStatus: Precondition = (input) => documented(input) !== undefined;

export const documentedJsonBody: Precondition = (input) => {
  const doc = documented(input);
  return doc?.contentType !== undefined && /json/i.test(doc.contentType) && doc.schema !== undefined;
};

export const errorStatus: Precondition = (input) => input.response.status >= 400;

export const parsedJson: Precondition = (input) => input.json.ok;

/** The scenario exists for this check (the enforcement checks and delete_semantics). */
export const scenarioFor =
  (id: CheckId): Precondition =>
  (input) =>
    input.scenario.check === id;

export function documented(input: CheckInput): ResponseSpec | undefined {
  return responseFor(input.operation.op, input.response.status);
}

/** The operation's documented statuses, joined once per operation: the spec does not change during a run. */
const statusesCache = new WeakMap<OperationSpec, string>();

export function documentedStatuses(input: CheckInput): string {
  const op = input.operation.op;
  let statuses = statusesCache.get(op);
  if (statuses === undefined) statusesCache.set(op, (statuses = op.responses.map((r) => r.status).join(", ")));
  return statuses;
}
