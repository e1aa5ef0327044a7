/**
 * not_a_server_error: no request payconform generates gets a 5xx, except a 5xx the doc
 * documents, answered to a valid delete of an existing fixture (Cashfree's deletion_failed), the
 * deletes of a concurrent burst included (delete_semantics judges what the race's losers got), and
 * a 505 to a request sent as HTTP/1.0.
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
    // 505 HTTP Version Not Supported (RFC 9110 §15.6.6) refuses an HTTP/1.0 request as a 4xx would.
    if (status === 505 && input.request.http10) return [];
    return [{ expected: "no 5xx", actual: `${status}`, message: `${input.scenario.id}: the target answered ${status}` }];
  },
};
