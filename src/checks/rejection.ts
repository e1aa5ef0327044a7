/**
 * The shared rules of the enforcement checks. A deliberately invalid request must be rejected
 * with a 4xx (`expectRejection`): accepting it or answering 5xx fails, and so does the
 * documented not-found answer, which is the answer to a well-formed request for an unknown id,
 * not a rejection of a malformed one. A request the target must refuse (`expectRefusal`, e.g. a
 * delete through a scope the fixture does not belong to) may get the not-found answer or any
 * documented 4xx. A 4xx the doc does not list is a warning.
 */
import type { ProviderProfile } from "../profiles/profile.ts";
import { getPointer } from "../spec/deref.ts";
import type { Basis } from "../spec/model.ts";
import { documented, documentedClientErrors } from "./preconditions.ts";
import type { CheckInput, Finding } from "./types.ts";

/**
 * What the not-found answer to the invalid request means (`notFound`). `fails`: it is the answer to
 * a well-formed request for an unknown id, not a rejection. `lookup-first`: the rule is not about
 * the id (a header, the body, a query value), so on an id that never existed the not-found answer
 * may come from a lookup made before the rule is checked; the docs do not fix that order, so it is
 * a warning. `malformed-id`: the rule is the id's own pattern; an id that breaks it names no
 * customer, so "not found" is true of it, and that a malformed id gets another answer than an
 * unknown one is assumed (no doc ties a status to it), so it is a warning too.
 */
export type NotFoundReading = "fails" | "lookup-first" | "malformed-id";

const NOT_FOUND_WHY: Record<NotFoundReading, string> = {
  fails: "the answer to a well-formed request for an unknown id, instead of a rejection",
  "lookup-first": "as for an id the target does not know: the doc does not say whether the target looks the id up before it checks this rule; the same request against a fixture shows whether it is enforced",
  "malformed-id": "as for an id the target does not know: an id that breaks the pattern names no customer, and the doc does not say that a malformed id gets another answer than an unknown one (a validation error is assumed); near misses of a fixture's id show whether a lookup lets one through",
};

export function expectRejection(input: CheckInput, what: string, basis: Basis = input.scenario.basis, only?: number, notFound: NotFoundReading = "fails"): Finding[] {
  const status = input.response.status;
  const expected = only ? `${only}` : `a documented 4xx (${documentedClientErrors(input)})`;
  const departure = beyondClientError(input, what, expected, "accepted", basis) ?? credentialsBlamed(input, what, expected);
  if (departure) return departure;
  if (isNotFoundAnswer(input)) {
    return [{ expected: `${expected} that is not the not-found answer (${notFoundLabel(input)})`, actual: notFoundLabel(input), message: `${what} got the documented not-found answer (${notFoundLabel(input)}), ${NOT_FOUND_WHY[notFound]}`, basis: notFound === "fails" ? basis : "assumed" }];
  }
  if (only !== undefined && status !== only) {
    return [{ expected, actual: `${status}`, message: `${what} was rejected with ${status}; the doc documents ${only} for it`, basis }];
  }
  return undocumentedClientError(input, what, expected, basis);
}

/** The request must not succeed: the documented not-found answer or a documented 4xx. */
export function expectRefusal(input: CheckInput, what: string, basis: Basis = input.scenario.basis): Finding[] {
  const expected = `the not-found answer (${notFoundLabel(input)}) or a documented 4xx (${documentedClientErrors(input)})`;
  const departure = beyondClientError(input, what, expected, "carried out", basis) ?? credentialsBlamed(input, what, expected);
  if (departure) return departure;
  if (isNotFoundAnswer(input)) return [];
  return undocumentedClientError(input, what, expected, basis);
}

/** Any 4xx refuses the request (a path or method the operation does not document); anything else fails. */
export function expectClientError(input: CheckInput, what: string, expected: string): Finding[] {
  return beyondClientError(input, what, expected, "carried out", input.scenario.basis) ?? [];
}

/** The checks that judge credentials or scopes themselves (a 401 is theirs to read). */
const JUDGE_CREDENTIALS = new Set(["auth_enforcement", "ownership_enforcement"]);

/**
 * A documented 401 to a request whose credentials are the valid ones, sent as documented, and whose
 * fault lies elsewhere (its body, a header, the id): the doc gives 401 for missing or wrong
 * credentials, and a client told so rotates keys that work. Undefined otherwise.
 */
function credentialsBlamed(input: CheckInput, what: string, expected: string): Finding[] | undefined {
  if (input.response.status !== 401 || JUDGE_CREDENTIALS.has(input.scenario.check) || !documented(input)) return undefined;
  const { auth, headers, omitHeaders } = input.step.plan;
  if (auth !== "valid") return undefined;
  const carriers = new Set(["authorization", "cookie", ...input.operation.op.security.flatMap((s) => (s.type === "apiKey" && s.headerName ? [s.headerName.toLowerCase()] : []))]);
  if (Object.keys(headers).some((name) => carriers.has(name)) || omitHeaders.some((name) => carriers.has(name))) return undefined;
  return [{ expected, actual: "401", message: `${what} got 401, the doc's answer to missing or wrong credentials, though it carried the valid ones that delete fixtures in this run: a client told its credentials are wrong looks for the fault in the wrong place` }];
}

/** A failure for a 1xx-3xx answer (`verb`: what a 2xx means here) or a 5xx; undefined for a 4xx. */
function beyondClientError(input: CheckInput, what: string, expected: string, verb: string, basis: Basis): Finding[] | undefined {
  const status = input.response.status;
  if (status < 400) return [{ expected, actual: `${status}`, message: `${what} was ${verb} with ${status}`, basis }];
  if (status >= 500) return [{ expected, actual: `${status}`, message: `${what} was answered with a server error ${status}`, basis }];
  return undefined;
}

function undocumentedClientError(input: CheckInput, what: string, expected: string, basis: Basis): Finding[] {
  if (documented(input)) return [];
  const status = input.response.status;
  return [{ expected, actual: `${status}`, message: `${what} was rejected with ${status}, which the doc does not list`, severity: "warning", basis }];
}

/** Whether the answer is the profile's not-found answer: its status, and its code where the status alone is ambiguous. */
export function isNotFoundAnswer(input: CheckInput): boolean {
  return isNotFoundResponse(input.operation.profile, input.response.status, input.json);
}

/** The same for any answer of the operation, given its status and parsed body. */
export function isNotFoundResponse(profile: ProviderProfile, status: number, json: CheckInput["json"]): boolean {
  const { status: want, code } = profile.notFound;
  if (status !== want) return false;
  if (!code) return true;
  return json.ok && getPointer(json.value, code.pointer) === code.value;
}

/** The not-found answer as text: "404", or "400 with /code = CUSTOMER_NOT_FOUND". */
export function notFoundLabel(input: CheckInput): string {
  const { status, code } = input.operation.profile.notFound;
  return code ? `${status} with ${code.pointer} = ${code.value}` : `${status}`;
}
