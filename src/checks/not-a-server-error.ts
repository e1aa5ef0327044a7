/**
 * not_a_server_error: no request payconform generates gets a 5xx, except a 5xx the doc
 * documents, answered to a valid delete of an existing fixture (Cashfree's deletion_failed), the
 * deletes of a concurrent burst included (delete_semantics judges what the race's losers got).
 */
import { documented, documentedRequest } from "./preconditions.ts";
import type { Check } from "./types.ts";

export const notAServerError: Check = {
  id: "not_a_server_error",
  run: (input) => {
    const status = input.response.status;
    if (status < 500) return [];
    const documentedForCase = documentedRequest(input) && documented(input) !== undefined && input.step.fixture !== undefined && (input.step.expect === "success" || input.step.expect === "survives" || input.step.expect === "one-success");
    if (documentedForCase) return [];
    // 501 Not Implemented is the answer RFC 9110 (§15.6.2) gives to a method the server does not implement.
    if (status === 501 && input.request.method !== input.operation.op.method) return [];
    return [{ expected: "no 5xx", actual: `${status}`, message: `${input.scenario.id}: the target answered ${status}` }];
  },
};
