/**
 * The shared rule of the enforcement checks: a deliberately invalid request must be rejected
 * with a 4xx. Accepting it or answering 5xx fails; a 4xx the doc does not list is a warning.
 */
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
  if (only !== undefined && status !== only) {
    return [{ expected, actual: `${status}`, message: `${what} was rejected with ${status}; the doc documents ${only} for it`, basis }];
  }
  if (!documented(input)) {
    return [{ expected, actual: `${status}`, message: `${what} was rejected with ${status}, which the doc does not list`, severity: "warning", basis }];
  }
  return [];
}
