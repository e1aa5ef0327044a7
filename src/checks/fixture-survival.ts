/**
 * The shared rule of the checks that first send a request which must leave a fixture in place,
 * then delete the fixture the documented way: that delete gets the documented success.
 */
import { successStatuses } from "../spec/model.ts";
import { isNotFoundAnswer } from "./rejection.ts";
import type { CheckInput, Finding } from "./types.ts";

/** The documented delete of the fixture after `what` got the documented success: the fixture survived. */
export function expectSurvival(input: CheckInput, what: string): Finding[] {
  const status = input.response.status;
  const successes = successStatuses(input.operation.op);
  if (successes.includes(status)) return [];
  if (status >= 200 && status < 300) {
    // Another 2xx than the documented success (status_code_conformance fails that on its own) says
    // nothing of whether the fixture was still there.
    return [
      {
        expected: successes.join(" or "),
        actual: `${status}`,
        message: `the documented ${input.operation.op.method} after ${what} got ${status}, a success the doc does not give for it, so whether the fixture survived cannot be told`,
        severity: "warning",
      },
    ];
  }
  if (status >= 500) {
    // A server error says nothing of whether the fixture was still there (not_a_server_error and
    // status_code_conformance judge the 5xx itself).
    return [
      {
        expected: successes.join(" or "),
        actual: `${status}`,
        message: `the documented ${input.operation.op.method} after ${what} got ${status}, a server error, so whether the fixture survived cannot be told`,
        severity: "warning",
      },
    ];
  }
  const gone = isNotFoundAnswer(input) ? ": the fixture was gone" : "";
  return [
    {
      expected: successes.join(" or "),
      actual: `${status}`,
      message: `the fixture did not survive ${what}: the documented ${input.operation.op.method} afterwards got ${status}${gone}`,
      basis: input.scenario.basis,
    },
  ];
}
