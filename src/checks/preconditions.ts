/**
 * Preconditions are wrappers, not `if`s inside checks: `when(documentedStatus, fn)` runs `fn`
 * only when the response status is documented, and reports "not applicable" otherwise.
 */
import { responseFor, type OperationSpec, type ResponseSpec } from "../spec/model.ts";
import type { CheckFn, CheckInput } from "./types.ts";
import type { CheckId } from "./ids.ts";
import type { RequestPlan } from "../cases/model.ts";
import type { HttpResponse } from "../http/types.ts";

/** A redirect that names where to go (301, 302, 307, 308 with Location): what a server answers ids spelled another way with, sending the client to their canonical spelling. */
export function isRedirect(response: HttpResponse): boolean {
  return [301, 302, 307, 308].includes(response.status) && response.headers.location !== undefined;
}

export type Precondition = (input: CheckInput) => boolean;

export function when(condition: Precondition, fn: CheckFn): CheckFn {
  return (input) => (condition(input) ? fn(input) : undefined);
}

export const both = (a: Precondition, b: Precondition): Precondition => (input) => a(input) && b(input);

/**
 * The request is the operation's: its own method on its own path. The documented responses
 * describe that operation only; another method on the same path (unsupported_method), or another
 * path below it (exact_id_match's `/x` after an id, auth_enforcement's trailing slash), is another
 * operation.
 */
export const documentedRequest: Precondition = (input) => input.request.method === input.operation.op.method && !offPath(input.step.plan);

/**
 * The plan names another path than the operation's: an id followed by `/x` or after `x/`, or a
 * segment left empty, the path with a
 * trailing slash, or with a letter of its literal part percent-encoded or in the other case (a
 * router may not decode it, or not fold case, so its answer is no documented one); or goes to the
 * root path with the operation's path in rewrite headers, or without the target's base path, or
 * with a detour through dot segments, or with the base path in another case, or
 * names another host in X-Forwarded-Host, or names it in absolute form (a server
 * that does not expect one may route it elsewhere); or is sent as HTTP/1.0 (which a server may
 * refuse, 426 or 505), or with its method in lower case (another method); or carries a body the
 * operation does not document (credentials in a JSON body among them).
 */
export function offPath(plan: RequestPlan): boolean {
  if (plan.pathSuffix || plan.literalSpelling || plan.versionSpelling || plan.basePathTwice || plan.rewriteHeaders || plan.absoluteForm || plan.http10 || plan.lowerCaseMethod || plan.basePathDropped || plan.detour || plan.basePathOtherCase || plan.auth === "in-json-body" || plan.auth === "in-form-body" || plan.jsonBodyFrom !== undefined || plan.formBodyFrom !== undefined || plan.requestBodyFrom !== undefined || plan.rawBody !== undefined) return true;
  // An empty segment (`/customers//customer-accounts/…`) is another path too.
  if (plan.rawPathParams !== undefined && Object.values(plan.rawPathParams).includes("")) return true;
  // A request naming another host than the target (X-Forwarded-Host) is not one for this server:
  // it may refuse it with any status, 421 Misdirected Request among them (RFC 9110 §15.5.20).
  if (plan.headers["x-forwarded-host"] !== undefined) return true;
  return plan.nearMissIds !== undefined && Object.values(plan.nearMissIds).some((kind) => kind === "extra-segment" || kind === "segment-before");
}

/**
 * A 501 to a method the operation does not use: RFC 9110 §15.6.2 gives that status to a method a
 * server does not support, so it refuses the request as a 4xx would.
 */
export const methodRefusedWith501: Precondition = (input) => input.response.status === 501 && input.request.method !== input.operation.op.method;

export const documentedStatus: Precondition = (input) => documentedRequest(input) && documented(input) !== undefined;

export const documentedJsonBody: Precondition = (input) => {
  const doc = documentedRequest(input) ? documented(input) : undefined;
  return doc?.contentType !== undefined && /json/i.test(doc.contentType) && doc.schema !== undefined;
};

export const errorStatus: Precondition = (input) => input.response.status >= 400;

export const parsedJson: Precondition = (input) => input.json.ok;

/** The scenario exists for this check (the enforcement checks and delete_semantics). */
export const scenarioFor =
  (id: CheckId): Precondition =>
  (input) =>
    input.scenario.check === id;

export function documented(input: CheckInput): ResponseSpec | undefined {
  return responseFor(input.operation.op, input.response.status);
}

/** The operation's documented statuses, joined once per operation: the spec does not change during a run. */
const statusesCache = new WeakMap<OperationSpec, { all: string; clientErrors: string }>();

function statusLists(op: OperationSpec): { all: string; clientErrors: string } {
  let lists = statusesCache.get(op);
  if (lists === undefined) {
    const statuses = op.responses.map((r) => r.status);
    lists = { all: statuses.join(", "), clientErrors: statuses.filter((s) => s >= 400 && s < 500).join(", ") };
    statusesCache.set(op, lists);
  }
  return lists;
}

/** Every documented status of the operation, e.g. "200, 400, 401, 404". */
export function documentedStatuses(input: CheckInput): string {
  return statusLists(input.operation.op).all;
}

/** The documented 4xx statuses of the operation, e.g. "400, 401, 404". */
export function documentedClientErrors(input: CheckInput): string {
  return statusLists(input.operation.op).clientErrors;
}
