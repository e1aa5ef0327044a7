/**
 * Which documented case a live exchange is, read from the request and the answer, never from a
 * count of earlier exchanges. The case is a one-step Scenario in the vocabulary `run` uses
 * (src/cases/model.ts), so the checks judge the target's answer exactly as they judge `run`'s:
 *
 * 1. The request breaks a documented rule (a path or query value, a required header, the
 *    required body; the client's own findings say which): the target must reject it, `rejected`,
 *    under the enforcement check of the first rule broken, in the order path, query, header, body.
 * 2. Otherwise a credential is missing or is not the configured one (the environment's): the
 *    target must reject it, `rejected`, under auth_enforcement (401 where the document has one).
 * 3. Otherwise an account header (Yuno's x-account-code) is well-formed but not the configured
 *    account: the target must refuse it, `refused`, under ownership_enforcement.
 * 4. Otherwise the request is valid, and the answer says which case it was (without an answer,
 *    only the fault is reported): the documented success (or any 2xx, or a 5xx) is `success`, a
 *    delete of an existing customer; the documented not-found answer is `not-found`; a 400 or
 *    422 is a valid request refused as malformed, `not-found` under positive_data_acceptance; any
 *    other 4xx is `not-found`, which only the answer-level checks judge (a documented 401 or 403
 *    may be the account's state).
 */
import type { CheckId, RequestCheckId } from "../checks/ids.ts";
import { isNotFoundResponse } from "../checks/rejection.ts";
import type { CheckInput } from "../checks/types.ts";
import { plan, type Expectation, type Scenario, type Step } from "../cases/model.ts";
import type { ProviderProfile } from "../profiles/profile.ts";
import { successStatuses, type Basis, type OperationSpec } from "../spec/model.ts";
import type { SentCredentials } from "./credentials.ts";
import type { RequestView } from "./request-view.ts";
import type { ClientFinding } from "./value-findings.ts";

/** The statuses that answer a malformed request. */
const BAD_INPUT_STATUSES = new Set([400, 422]);

/** The provider state a replay of the exchange needs: a customer that exists, or one that does not. */
export type ReplayState = "fixture" | "not-found";

/** Which answers a recorded interaction accepts: the status seen, or any answer of a kind `run` accepts. */
export type Accepts = "exact" | "rejection" | "auth-rejection" | "refusal";

export interface ExchangeCase {
  scenario: Scenario;
  step: Step;
  /** The interaction's description in a recorded pact, e.g. "a delete of an existing customer". */
  description: string;
  state?: ReplayState;
  accepts: Accepts;
}

export interface ClassifyInput {
  op: OperationSpec;
  profile: ProviderProfile;
  view: RequestView;
  sent: SentCredentials;
  /** The client's findings, by check. */
  clientFindings: ReadonlyMap<RequestCheckId, readonly ClientFinding[]>;
  /** The target's answer, when there is one. */
  answer?: { status: number; json: CheckInput["json"] };
}

/** The client's rules whose breach makes a request one the target must reject, and the check that judges the rejection. */
const ENFORCED: ReadonlyArray<[RequestCheckId, CheckId]> = [
  ["path_parameter_pattern", "path_pattern_enforcement"],
  ["query_parameter_pattern", "query_pattern_enforcement"],
  ["header_parameter_pattern", "required_header_enforcement"],
  ["request_body_schema", "required_body_enforcement"],
];

export function classify(input: ClassifyInput): ExchangeCase {
  const { op, view, sent } = input;
  const noun = resourceNoun(input.profile);
  const make = (check: CheckId, id: string, label: string, expect: Expectation, rest: Omit<ExchangeCase, "scenario" | "step">, basis: Basis = "documented", fixture?: number): ExchangeCase => {
    const step: Step = { label, plan: plan(), expect, ...(fixture === undefined ? {} : { fixture }) };
    const scenario: Scenario = { id, provider: op.provider, operationId: op.operationId, check, basis, fixtures: 0, description: rest.description, steps: [step] };
    return { scenario, step, ...rest };
  };

  if (view.route === "wrong-method") {
    return make("unsupported_method", `method ${view.method}`, view.method, "not-deleted", { description: `a ${view.method} on the delete path`, accepts: "exact" });
  }

  for (const [requestCheck, check] of ENFORCED) {
    const broken = (input.clientFindings.get(requestCheck) ?? []).filter((f) => f.severity !== "warning");
    if (broken.length === 0) continue;
    // The target's duty to refuse rests on an assumption where the client's rule does, or where the spec marks its enforcement assumed (Juspay's x-routing-id).
    const enforcementAssumed = (f: ClientFinding): boolean => f.basis === "assumed" || (f.subject !== undefined && op.parameters.some((p) => p.name === f.subject && "enforcement" in p.assumed));
    const basis: Basis = ENFORCED.flatMap(([id]) => input.clientFindings.get(id) ?? []).filter((f) => f.severity !== "warning").every(enforcementAssumed) ? "assumed" : "documented";
    const what = malformation(requestCheck, broken[0], view, op);
    // Where the ids themselves are well-formed, a replay deletes an existing customer: the rejection must not depend on the id being unknown.
    const state = requestCheck === "path_parameter_pattern" ? undefined : ("fixture" as const);
    return make(check, what.id, what.label, "rejected", { description: `a delete with ${what.description}`, state, accepts: "rejection" }, basis);
  }

  const schemes = Object.entries(sent.schemes).filter(([, state]) => state !== "valid");
  if (schemes.length > 0) {
    const all = (state: string): boolean => schemes.length === op.security.length && schemes.every(([, s]) => s === state);
    const [name, state] = schemes[0];
    const id = all("missing") ? "credentials missing" : all("wrong") ? "credentials wrong" : `credential ${name} ${state}`;
    const description = all("missing") ? "a delete without credentials" : all("wrong") ? "a delete with wrong credentials" : `a delete with the ${name} credential ${state === "missing" ? "left out" : "wrong"}`;
    return make("auth_enforcement", id, state, "rejected", { description, state: "fixture", accepts: "auth-rejection" });
  }

  const foreign = Object.entries(sent.accounts).find(([, state]) => state === "wrong");
  if (foreign) {
    const [header] = foreign;
    return make("ownership_enforcement", `${header} of another account`, `foreign ${header}`, "refused", { description: `a delete with an ${header} of another account`, state: "fixture", accepts: "refusal" });
  }

  const answer = input.answer;
  if (answer === undefined) {
    // Without an answer there is no case to read; only the fault is reported.
    return make("status_code_conformance", "delete without an answer", "delete", "success", { description: `a delete of a ${noun} the target did not answer`, accepts: "exact" }, "documented", 0);
  }
  const status = answer.status;
  if (successStatuses(op).includes(status) || (status >= 200 && status < 300) || status >= 500) {
    const description = status >= 500 ? `a delete of an existing ${noun} answered with a server error` : `a delete of an existing ${noun}`;
    return make("status_code_conformance", `delete of an existing ${noun}`, "delete", "success", { description, state: "fixture", accepts: "exact" }, "documented", 0);
  }
  if (isNotFoundResponse(input.profile, status, answer.json)) {
    return make("status_code_conformance", `delete of a ${noun} that does not exist`, "delete", "not-found", { description: `a delete of a ${noun} that does not exist`, state: "not-found", accepts: "exact" });
  }
  if (BAD_INPUT_STATUSES.has(status)) {
    // Where the not-found answer is this status with a code (Yuno's 400 CUSTOMER_NOT_FOUND), the same
    // status with another code may be the not-found answer in other words: an assumed reading.
    const ambiguous = input.profile.notFound.status === status && input.profile.notFound.code !== undefined;
    return make("positive_data_acceptance", "valid values the client sent", "valid values", "not-found", { description: `a valid delete answered ${status}`, accepts: "exact" }, ambiguous ? "assumed" : "documented");
  }
  return make("status_code_conformance", `delete answered ${status}`, "delete", "not-found", { description: `a valid delete answered ${status}`, accepts: "exact" });
}

interface Malformation {
  id: string;
  label: string;
  description: string;
}

/** How the request breaks the rule a client check found broken, worded as `run` names its cases. */
function malformation(check: RequestCheckId, first: ClientFinding, view: RequestView, op: OperationSpec): Malformation {
  const param = (where: "path" | "query" | "header") => op.parameters.find((p) => p.in === where && p.name === first.subject);
  switch (check) {
    case "path_parameter_pattern": {
      const p = param("path") ?? op.parameters.find((x) => x.in === "path")!;
      return { id: `path ${p.name} breaking its schema`, label: `${p.name} ${JSON.stringify(view.pathParams[p.name] ?? "")}`, description: `a ${p.name} that breaks its documented schema` };
    }
    case "query_parameter_pattern": {
      const name = param("query")?.name ?? first.subject ?? "query";
      return { id: `query ${name} breaking its schema`, label: `${name} ${JSON.stringify(view.query[name]?.[0] ?? "")}`, description: `a ${name} query value that breaks its documented schema` };
    }
    case "header_parameter_pattern": {
      const missing = op.parameters.find((p) => p.in === "header" && p.required && !view.headers[p.name.toLowerCase()]);
      if (missing) return { id: `header ${missing.name} missing`, label: "missing", description: `no ${missing.name} header` };
      const p = param("header") ?? op.parameters.find((x) => x.in === "header")!;
      return { id: `header ${p.name} malformed`, label: "malformed", description: `an ${p.name} header that breaks its documented schema` };
    }
    default:
      return view.body
        ? { id: "body breaking its schema", label: "body breaking its schema", description: "a body that breaks its documented schema" }
        : { id: "body missing", label: "body missing", description: "no body" };
  }
}

/** "customer", or "customer account" where that is what the operation deletes (Juspay). */
function resourceNoun(profile: ProviderProfile): string {
  return /^an? (.+) exists$/.exec(profile.fixtureState)?.[1] ?? "customer";
}
