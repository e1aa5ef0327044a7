/**
 * Judges one forwarded exchange: reads the request against the operation, runs the client's
 * request checks, classifies the exchange (classify.ts), and runs the target checks that need no
 * request of payconform's own on the answer, with the exchange's case as their scenario. Every
 * result says whose departure it is about (`party`). Credentials the request carries are
 * registered with src/output.ts before anything about the exchange is printed or written.
 */
import { authenticatingCredentials, identifyingCredentials, withoutIdentifiers } from "../runner/credentials.ts";
import type { RequestCheckId } from "../checks/ids.ts";
import { CHECKS } from "../checks/registry.ts";
import type { Check, CheckInput, Finding, OperationContext } from "../checks/types.ts";
import { successStatuses } from "../spec/model.ts";
import { toCurl } from "../http/curl.ts";
import { MASK, MIN_SECRET_LENGTH } from "../http/redact.ts";
import type { HttpRequest, TransportFault } from "../http/types.ts";
import type { Result } from "../runner/events.ts";
import { evaluate, resultOf } from "../runner/evaluate.ts";
import { ANY_ANSWER_CHECKS, notJudgedMessage, rateLimited } from "../runner/rate-limited.ts";
import { parseJson } from "../runner/execute.ts";
import type { Credentials } from "../sandboxes/types.ts";
import { classify, type ExchangeCase } from "./classify.ts";
import { sentCredentials, type SentCredentials } from "./credentials.ts";
import type { Forwarded } from "./exchange.ts";
import { REQUEST_CHECKS } from "./request-checks.ts";
import { readRequest, type RequestView } from "./request-view.ts";
import type { ClientFinding } from "./value-findings.ts";

/**
 * The target checks the proxy runs: those that judge one answer, given the case read from the
 * request. Those that need requests of payconform's own (a second delete, a near-miss id, another
 * method, a fixture that must survive) are `run`'s alone.
 */
const TARGET_CHECK_IDS = new Set([
  "status_code_conformance",
  "content_type_conformance",
  "response_schema_conformance",
  "error_code_conformance",
  "path_pattern_enforcement",
  "query_pattern_enforcement",
  "required_header_enforcement",
  "required_body_enforcement",
  "auth_enforcement",
  "ownership_enforcement",
  "positive_data_acceptance",
  "not_a_server_error",
  "no_secret_echo",
  "no_internal_leak",
]);
const PROXY_TARGET_CHECKS: readonly Check[] = CHECKS.filter((c) => TARGET_CHECK_IDS.has(c.id));

export interface JudgeContext {
  operation: OperationContext;
  /** The configured credentials (from the environment), by variable name. */
  configured: Credentials;
  /** The target's base URL, for the curl commands that reproduce an exchange. */
  target: string;
  strict: boolean;
  /** Masks credential values a request carried from now on (src/output.ts), for the rest of the proxy's life. */
  protect(values: readonly string[]): void;
  /**
   * Paths whose delete got the documented success, with the exchange's number: a later delete of
   * the same path that succeeds again is a warning (the case itself is still read from that
   * exchange alone). Absent: no memory across exchanges.
   */
  deleted?: Map<string, number>;
}

/** Paths remembered at most; the oldest is forgotten first. */
const DELETED_LIMIT = 100_000;

export interface Judged {
  /** Which exchange of the proxy's life this is, from 1. */
  n: number;
  forwarded: Forwarded;
  /** Why the exchange was not judged, when it was not. */
  unchecked?: string;
  view?: RequestView;
  sent?: SentCredentials;
  /** The client's findings by check (every request check that applied). */
  clientFindings?: ReadonlyMap<RequestCheckId, readonly ClientFinding[]>;
  case?: ExchangeCase;
  results: Result[];
}


export function judge(ctx: JudgeContext, n: number, forwarded: Forwarded): Judged {
  const { op, profile } = ctx.operation;
  const { request } = forwarded;
  if (forwarded.clientGone) return { n, forwarded, unchecked: "the client closed the connection before the answer was complete", results: [] };
  const view = readRequest(op, request);
  if (view.route === "unknown") return { n, forwarded, view, unchecked: unknownPath(ctx, request.path), results: [] };
  if (view.route === "other-operation") return { n, forwarded, view, unchecked: `${view.method} on this path is ${op.otherMethods[view.method]}, not the operation payconform checks`, results: [] };

  const sent = sentCredentials(op, profile, ctx.configured, view.headers);
  ctx.protect(sent.values.filter((v) => v.length >= MIN_SECRET_LENGTH));
  // The configured credentials too: a target that shows its own copy of a secret leaks it whether or
  // not the request carried it. Only those that authenticate, as in `payconform run`.
  const identifiers = [...sent.identifying, ...Object.values(identifyingCredentials(ctx.configured, profile))];
  const echoSecrets = withoutIdentifiers([...new Set([...sent.authenticating, ...Object.values(authenticatingCredentials(ctx.configured, profile))])], identifiers).filter((v) => v.length >= MIN_SECRET_LENGTH);
  const httpRequest: HttpRequest = { method: request.method, url: ctx.target + request.path, headers: request.headers, body: request.body };
  let curlText: string | undefined;
  const curl = (): string => (curlText ??= curlOf(httpRequest, sent));

  const clientFindings = new Map<RequestCheckId, ClientFinding[]>();
  for (const check of REQUEST_CHECKS) {
    const findings = check.run({ op, profile, request, view, sent, configured: ctx.configured });
    if (findings !== undefined) clientFindings.set(check.id, findings);
  }
  const response = forwarded.response;
  const json = response ? parseJson(response.text, echoSecrets) : undefined;
  const exchangeCase = classify({ op, profile, view, sent, clientFindings, answer: response && json ? { status: response.status, json } : undefined });
  const caseLabel = `#${n} ${request.method} ${request.path}: ${exchangeCase.scenario.id}`;
  const options = { strict: ctx.strict, curl };

  const results: Result[] = [...clientFindings].map(([check, findings]) => ({
    ...resultOf({ provider: op.provider, operationId: op.operationId, check, case: caseLabel, basis: findings.length > 0 && findings.every((f) => f.basis === "assumed") ? "assumed" : "documented" }, findings, options),
    party: "client" as const,
  }));
  if (response && json) {
    const input: CheckInput = { operation: ctx.operation, scenario: exchangeCase.scenario, step: exchangeCase.step, request: httpRequest, response, json, pathParams: view.pathParams, secrets: echoSecrets, identifiers, earlier: [] };
    // A 429 the doc does not list: the target limited the client's pace; what no answer may show is
    // checked, nothing else.
    const limited = rateLimited(op, response);
    if (limited) {
      const message = notJudgedMessage({ response, retries: 0 }, "the client sent faster than the target allows");
      results.push({ provider: op.provider, operationId: op.operationId, check: exchangeCase.scenario.check, case: caseLabel, outcome: "warning", message, basis: "documented", curl: curl(), party: "target" });
    }
    for (const result of evaluate(input, options, limited ? ANY_ANSWER_CHECKS : PROXY_TARGET_CHECKS)) results.push({ ...result, case: caseLabel, party: "target" });
    const again = limited ? undefined : deletedAgain(ctx, n, request.path, exchangeCase, response.status);
    if (again) results.push({ ...resultOf({ provider: op.provider, operationId: op.operationId, check: "delete_semantics", case: caseLabel, basis: "assumed" }, [again], options), party: "target" });
  } else {
    results.push(faultResult(ctx, exchangeCase, caseLabel, forwarded, curl));
  }
  return { n, forwarded, view, sent, clientFindings, case: exchangeCase, results };
}

/** A documented success for a path whose delete already got one in this proxy's life: a warning (the client may have made the ids again in between). */
function deletedAgain(ctx: JudgeContext, n: number, path: string, exchangeCase: ExchangeCase, status: number): Finding | undefined {
  if (!ctx.deleted || exchangeCase.step.expect !== "success" || !successStatuses(ctx.operation.op).includes(status)) return undefined;
  const key = path.split("?")[0];
  const earlier = ctx.deleted.get(key);
  if (earlier === undefined) {
    if (ctx.deleted.size >= DELETED_LIMIT) ctx.deleted.delete(ctx.deleted.keys().next().value!);
    ctx.deleted.set(key, n);
    return undefined;
  }
  return {
    expected: "the not-found answer to a delete of ids already deleted",
    actual: `${status}, as at #${earlier}`,
    message: `a delete of ${key} got the documented success ${status} at #${earlier} and again now: a delete that leaves the customer in place, unless the client made the same ids again in between`,
    basis: "assumed",
  };
}

/** The target gave no usable answer: an errored result of the check the case exists for, as in `run`. */
function faultResult(ctx: JudgeContext, exchangeCase: ExchangeCase, caseLabel: string, forwarded: Forwarded, curl: () => string): Result {
  const fault: TransportFault = forwarded.fault ?? { kind: "protocol", message: "no answer" };
  const answered = forwarded.status === undefined ? "the client's connection was closed" : `the client got ${forwarded.status}`;
  const { op } = ctx.operation;
  return {
    provider: op.provider,
    operationId: op.operationId,
    check: exchangeCase.scenario.check,
    case: caseLabel,
    outcome: "errored",
    message: `${fault.kind}: ${fault.message}; ${answered}`,
    curl: curl(),
    basis: exchangeCase.scenario.basis,
    party: "target",
  };
}

/** The request as curl against the target: credential headers shown as ***, any credential value elsewhere masked. */
function curlOf(request: HttpRequest, sent: SentCredentials): string {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (SKIPPED_IN_CURL.has(name)) continue;
    headers[name] = sent.headers.includes(name) ? (name === "authorization" ? `${value.trim().split(/\s+/)[0]} ${MASK}` : MASK) : value;
  }
  return toCurl({ ...request, headers }, sent.values);
}

/** Headers curl sets itself, or that describe the connection to the proxy. */
const SKIPPED_IN_CURL = new Set(["host", "content-length", "connection", "keep-alive", "transfer-encoding"]);

function unknownPath(ctx: JudgeContext, path: string): string {
  const { op } = ctx.operation;
  const pathname = path.split("?")[0];
  const basePath = new URL(ctx.target).pathname.replace(/\/+$/, "");
  const hint = basePath !== "" && pathname.startsWith(`${basePath}/`) ? `; the proxy stands for ${ctx.target}, so leave ${basePath} out of the client's base URL` : "";
  return `no documented path of ${op.provider}'s document (${op.method} ${op.path}) matches ${pathname}${hint}`;
}
