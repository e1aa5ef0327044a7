/**
 * status_code_conformance: every response status is documented for the operation, but 406 to a
 * request whose Accept header leaves out JSON (RFC 9110 §15.5.7); an undocumented 4xx to a request
 * that must be refused, or to a delete racing another, and a redirect of ids spelled another way
 * (`%4B` for `K`) to their canonical spelling, is a warning.
 */
import { expectsRefusal } from "../cases/model.ts";
import { documented, documentedRequest, documentedStatuses, isRedirect, when } from "./preconditions.ts";
import type { Check } from "./types.ts";

export const statusCodeConformance: Check = {
  id: "status_code_conformance",
  run: when(documentedRequest, (input) => {
    const status = input.response.status;
    if (documented(input)) return [];
    // 406 is the protocol's answer to an Accept header that leaves out every documented media type.
    if (status === 406 && !acceptsJson(input.request.headers.accept)) return [];
    const expected = `one of ${documentedStatuses(input)}`;
    // Ids spelled another way (a letter percent-encoded): a redirect to their canonical spelling
    // (RFC 3986 §6.2.2.2) is a server's own choice; positive_data_acceptance says what it means.
    // So are the copies of a race that spell the ids that way (Step.burstRespelled).
    if ((input.step.plan.encodedIds || input.step.burstRespelled) && isRedirect(input.response)) {
      return [{ expected, actual: `${status}`, message: `a delete by ids spelled another way got ${status}, a redirect (to ${input.response.headers.location.slice(0, 120)}) the doc does not list`, severity: "warning", basis: "assumed" }];
    }
    if (expectsRefusal(input.step) && status >= 400 && status < 500) {
      return [{ expected, actual: `${status}`, message: `a request the target must refuse got ${status}, a 4xx the doc does not list`, severity: "warning" }];
    }
    // No doc says what a delete racing another gets (a 409 for a lock held, say): delete_semantics
    // judges the race, and an undocumented 4xx to one of its copies is a warning here too.
    if (input.burst && status >= 400 && status < 500) {
      return [{ expected, actual: `${status}`, message: `a delete racing another of the same fixture got ${status}, a 4xx the doc does not list (what a racing delete gets is not documented)`, severity: "warning" }];
    }
    return [{ expected, actual: `${status}`, message: `status ${status} is not documented for ${input.operation.op.operationId}` }];
  }),
};

/** Whether an Accept header admits a JSON body: absent, a wildcard, or naming a JSON type. */
function acceptsJson(accept: string | undefined): boolean {
  return accept === undefined || /\*\/\*|application\/\*|json/i.test(accept);
}
