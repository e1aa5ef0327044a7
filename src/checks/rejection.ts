/**
 * The shared rule of the enforcement checks: a deliberately invalid request must be rejected
 * with a 4xx. Accepting it or answering 5xx fails, and so does the documented not-found answer:
 * it shows the target went on to look the resource up instead of refusing the request. A 4xx the
 * doc does not list is a warning.
 */
import { getPointer } from "../spec/deref.ts";
import type { Basis } from "../spec/model.ts";
import { documented, documentedStatuses } from "./preconditions.ts";
import type { CheckInput, Finding } from "./types.ts";

export function expectRejection(input: CheckInput, what: string, basis: Basis = input.scenario.basis, only?: number): Finding[] {
  const status = input.response.status;
  const expected = only ? `${only}` : `a documented 4xx (${documentedStatuses(input)})`;
  if (status < 400) {
    return [{ expected, actual: `${status}`, message: `${what} was accepted with ${status}`, basis }];
  }
  if (status >= 500) {
    return [{ expected, actual: `${status}`, message: `${what} was answered with a server error ${status}`, basis }];
  }
  if (isNotFoundAnswer(input)) {
    return [{ expected: `${expected}, not the not-found answer`, actual: notFoundLabel(input), message: `${what} got the documented not-found answer: the target looked the resource up instead of rejecting the request`, basis }];
  }
  if (only !== undefined && status !== only) {
    return [{ expected, actual: `${status}`, message: `${what} was rejected with ${status}; the doc documents ${only} for it`, basis }];
  }
  if (!documented(input)) {
    return [{ expected, actual: `${status}`, message: `${what} was rejected with ${status}, which the doc does not list`, severity: "warning", basis }];
  }
  return [];
}

/** Whether the answer is the profile's not-found answer: its status, and its code where the status alone is ambiguous. */
export function isNotFoundAnswer(input: CheckInput): boolean {
  const { status, code } = input.operation.profile.notFound;
  if (input.response.status !== status) return false;
  if (!code) return true;
  return input.json.ok && getPointer(input.json.value, code.pointer) === code.value;
}

function notFoundLabel(input: CheckInput): string {
  const code = input.operation.profile.notFound.code;
  return code ? `${input.response.status} with ${code.pointer} = ${code.value}` : `${input.response.status}`;
}
