/**
 * not_a_server_error: no request payconform generates gets a 5xx, except a 5xx the doc
 * documents, answered to a valid delete of an existing fixture (Cashfree's deletion_failed), the
 * deletes of a concurrent burst included (delete_semantics judges what the race's losers got).
 */
import { documented, documentedRequest, methodRefusedWith501 } from "./preconditions.ts";
import type { Check } from "./types.ts";

export const notAServerError: Check = {
  id: "not_a_server_error",
  run: (input) => {
    const status = input.response.status;
    if (status < 500) return [];
    const documentedForCase = documentedRequest(input) && documented(input) !== undefined && input.step.fixture !== undefined && (input.step.expect === "success" || input.step.expect === "survives" || input.step.expect === "one-success");
    if (documentedForCase) return [];
    if (methodRefusedWith501(input)) return [];
    return [{ expected: "no 5xx", actual: `${status}`, message: `${input.scenario.id}: the target answered ${status}` }];
  },
};
