/**
 * unsupported_method: another method on the delete path never deletes a fixture. It gets a 4xx
 * (a 2xx is a warning: the provider may document that method on another page), and the
 * documented delete afterwards still gets the documented success (OPTIONS may get a 2xx, the
 * usual answer to it, and any of them a 501). A method the spec documents
 * on the same path (x-payconform-other-operations), and HEAD where GET is documented there, is
 * judged only by the fixture surviving it. A 405 without Allow, which RFC 9110 §15.5.6 requires of
 * it, is a warning (HTTP's rule, not the doc's), and so is a 405 whose Allow leaves out the
 * documented method. A GET after the documented delete answered with a 2xx that names the fixture
 * fails: the record the delete removed is still handed out (a soft delete, a stale cache).
 */
import { expectSurvival } from "./fixture-survival.ts";
import { methodRefusedWith501, scenarioFor, when } from "./preconditions.ts";
import { GET_AFTER_DELETE } from "../cases/method-cases.ts";
import { stringsOf } from "./no-internal-leak.ts";
import type { Check, CheckInput, Finding } from "./types.ts";

/** A body that marks its record deleted: a status field DELETED, or `deleted: true`. */
const MARKED_DELETED = /"[\w]*status"\s*:\s*"deleted"|"deleted"\s*:\s*true/i;

/** A 2xx to the GET after the documented delete that names the fixture: the record is still there, handed out (where the spec lets a record keep a deleted status, marked deleted is a warning). */
function stillThere(input: CheckInput): Finding[] {
  const status = input.response.status;
  if (status < 200 || status >= 300) return [];
  // A record names its id as a value (`"customer_id": "cust_…"`); a message that mentions it ("cust_… not found") is no record.
  const values = new Set(input.json.ok ? stringsOf(input.json.value, 64 * 1024) : []);
  const named = Object.values(input.pathParams).filter((id) => values.has(id));
  if (named.length === 0) return [];
  const actual = `${status} naming ${named.join(", ")}`;
  // Where the spec takes a repeat delete's success as a status the record may keep (Juspay's DELETED), a record found marked deleted is that reading.
  if (input.operation.op.assumed.repeatDelete !== undefined && MARKED_DELETED.test(input.response.text)) {
    return [{ expected: "a 4xx (404, or 405 where no GET is served)", actual, message: `after its documented delete, a GET on the fixture's path was answered ${status} naming ${named.join(", ")}, the record marked deleted: a status the record may keep, as a repeat delete's success may be (assumed)`, basis: "assumed" }];
  }
  return [{ expected: "a 4xx (404, or 405 where no GET is served)", actual, message: `after its documented delete, a GET on the fixture's path was answered ${status} naming ${named.join(", ")}: the record is still there, though the doc says the delete removes it` }];
}

export const unsupportedMethod: Check = {
  id: "unsupported_method",
  run: when(scenarioFor("unsupported_method"), (input) => {
    const method = input.scenario.steps[0].plan.method ?? input.operation.op.method;
    if (input.step.expect === "survives") return expectSurvival(input, `${/^[AEIOU]/.test(method) ? "an" : "a"} ${method} on its path`);
    const status = input.response.status;
    if (input.step.label === GET_AFTER_DELETE) return stillThere(input);
    const allow = input.response.headers.allow;
    if (status === 405 && allow !== undefined && !allow.toUpperCase().split(",").map((m) => m.trim()).includes(input.operation.op.method.toUpperCase())) {
      // RFC 9110 §10.2.1: Allow lists the methods the resource supports, and the doc documents this one there.
      return [{ expected: `405 with an Allow header that lists ${input.operation.op.method.toUpperCase()}`, actual: `Allow: ${allow}`, message: `${method} on the delete path was answered 405 with Allow: ${allow}, which leaves out the documented ${input.operation.op.method.toUpperCase()}: a client reading Allow learns the wrong methods`, basis: "assumed" }];
    }
    if (status === 405 && input.response.headers.allow === undefined) {
      // RFC 9110 §15.5.6: the origin server MUST send Allow with a 405 (the doc says nothing of it).
      return [{ expected: "405 with an Allow header naming the methods the path takes", actual: "405 without Allow", message: `${method} on the delete path was answered 405 without the Allow header RFC 9110 §15.5.6 requires of it`, basis: "assumed" }];
    }
    if (input.operation.op.otherMethods[method] !== undefined || (status >= 400 && status < 500)) return [];
    // HEAD is GET without the body (RFC 9110 §9.3.2): where GET is documented on the path, so is HEAD.
    if (method === "HEAD" && input.operation.op.otherMethods.GET !== undefined) return [];
    // OPTIONS asks what the path allows (RFC 9110 §9.3.7): a 2xx with Allow is the usual answer.
    if (method === "OPTIONS" && status >= 200 && status < 300) return [];
    if (methodRefusedWith501(input)) return [];
    const expected = "a 4xx (405 Method Not Allowed, say)";
    if (status >= 500) return [{ expected, actual: `${status}`, message: `${method} on the delete path was answered with a server error ${status}` }];
    const finding: Finding = {
      expected,
      actual: `${status}`,
      message: `${method} on the delete path was answered ${status}; the documents describe no ${method} there`,
      basis: "assumed",
    };
    return [finding];
  }),
};
