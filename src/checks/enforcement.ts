/**
 * The enforcement checks: a request that breaks a documented rule is rejected. Each applies
 * only to the scenarios generated for it. A header, body or query rule broken on an id that never
 * existed may get the not-found answer (the docs do not say whether the rule or the lookup comes
 * first; a warning); the same requests sent against a fixture must be refused and leave it in place.
 */
import { credentialState } from "../cases/model.ts";
import { responseFor } from "../spec/model.ts";
import { challengeFindings } from "./challenge.ts";
import { existenceOracle } from "./existence-oracle.ts";
import { expectSurvival } from "./fixture-survival.ts";
import { expectRefusal, expectRejection, isNotFoundAnswer } from "./rejection.ts";
import { scenarioFor, when } from "./preconditions.ts";
import type { CheckInput, Check, Finding } from "./types.ts";

/** A rule broken on a never-existing id, on a fixture, or the fixture's documented delete afterwards. */
function ruleStep(input: CheckInput, what: string): Finding[] {
  if (input.step.expect === "refused") return expectRefusal(input, `${what}, on an existing fixture,`);
  if (input.step.expect === "survives") return expectSurvival(input, "the requests that broke the rule");
  return expectRejection(input, what, input.scenario.basis, undefined, "lookup-first");
}

export const pathPatternEnforcement: Check = {
  id: "path_pattern_enforcement",
  run: when(scenarioFor("path_pattern_enforcement"), (input) => expectRejection(input, `a path value that breaks its pattern (${input.step.label})`, input.scenario.basis, undefined, "malformed-id")),
};

export const queryPatternEnforcement: Check = {
  id: "query_pattern_enforcement",
  run: when(scenarioFor("query_pattern_enforcement"), (input) => ruleStep(input, `a query value that breaks its pattern (${input.step.label})`)),
};

export const requiredHeaderEnforcement: Check = {
  id: "required_header_enforcement",
  run: when(scenarioFor("required_header_enforcement"), (input) => ruleStep(input, `a request with ${input.scenario.steps.length > 1 ? input.step.label : input.scenario.id}`)),
};

export const requiredBodyEnforcement: Check = {
  id: "required_body_enforcement",
  run: when(scenarioFor("required_body_enforcement"), (input) => ruleStep(input, `a request with ${input.scenario.steps.length > 1 ? input.step.label : input.scenario.id}`)),
};

/**
 * Missing or wrong credentials get 401, or any documented 4xx where the doc documents no 401 (a
 * documented 403 where the doc lists it beside 401 is a warning: which applies is assumed); on
 * a fixture too, which must then survive. A credential header repeated or listed makes the request
 * malformed as well, so any documented 4xx rejects it. A request the doc does not describe (another
 * path, an undocumented body) may get any 4xx, or a 3xx that redirects to the clean path without
 * acting on it (Go's ServeMux redirects a doubled slash); a 2xx fails. One sent to the target's
 * root (the path only in X-Original-URL) is judged by the fixture's survival alone. Without
 * credentials, a fixture's answer must match that of ids of its shape that never existed
 * (existence-oracle.ts, assumed). A 401's WWW-Authenticate challenges for a documented HTTP scheme
 * (challenge.ts).
 */
export const authEnforcement: Check = {
  id: "auth_enforcement",
  run: when(scenarioFor("auth_enforcement"), (input) => [...credentialFindings(input), ...challengeFindings(input), ...reflectedOrigin(input), ...(input.step.around ? existenceOracle(input) : [])]),
};

/**
 * A request from a browser origin no provider lists (payconform's own, `.invalid`, or `null`, a
 * sandboxed frame's) answered with that origin allowed and credentials allowed: any page can then send credentialed requests and
 * read the answers. The docs describe server-to-server APIs and name no CORS policy, so this is
 * assumed (a warning).
 */
function reflectedOrigin(input: CheckInput): Finding[] {
  const origin = input.request.headers.origin;
  const allowed = input.response.headers["access-control-allow-origin"];
  if (origin === undefined || allowed === undefined || allowed.trim().toLowerCase() !== origin.toLowerCase()) return [];
  if (input.response.headers["access-control-allow-credentials"]?.trim().toLowerCase() !== "true") return [];
  return [{ expected: "no Access-Control-Allow-Origin naming an origin nobody configured, with credentials", actual: `Access-Control-Allow-Origin: ${allowed}, Access-Control-Allow-Credentials: true`, message: `the answer allows the request's own origin (${origin}, one no provider lists) with credentials: a server reflecting any Origin lets every web page send credentialed requests and read the answers`, basis: "assumed" }];
}

function credentialFindings(input: CheckInput): Finding[] {
  const { step, response } = input;
  if (step.expect === "survives") return expectSurvival(input, "the requests without valid credentials");
  // The documented delete of another fixture, which only collects the cookies the target sets.
  if (step.expect === "success" || step.expect === "carried") return [];
  if (step.expect === "not-deleted") {
    if (response.status >= 300) return [];
    return [{ expected: "a 4xx (or a redirect)", actual: `${response.status}`, message: `a request with ${step.label}, on an existing fixture, was answered ${response.status}` }];
  }
  const has401 = responseFor(input.operation.op, 401) !== undefined;
  const what = step.fixture === undefined ? `a request with ${input.scenario.id}` : `a request with ${step.label}, on an existing fixture,`;
  if (has401 && input.request.headers.origin !== undefined && response.status >= 400 && response.status < 500 && response.status !== 401 && !isNotFoundAnswer(input)) {
    // A browser's request may be refused for its Origin (a CORS allow-list) before its credentials
    // are read; the not-found answer, though, says the id was looked up without them.
    return [{ expected: "401", actual: `${response.status}`, message: `${what} was refused with ${response.status}, which may answer its Origin rather than its credentials; that the credentials are read first, for 401, is assumed`, basis: "assumed" }];
  }
  if (has401 && response.status === 400 && malformedBearer(input) && responseFor(input.operation.op, 400) !== undefined) {
    // RFC 6750 §3.1: a malformed request, a token outside b64token syntax among them (empty, in
    // quotes, with a space, a `%` or a byte outside ASCII), gets invalid_request and SHOULD get 400;
    // the doc lists 400 and 401 without saying which applies.
    return [{ expected: "401", actual: "400", message: `${what} was rejected with 400; a bearer token outside RFC 6750's b64token syntax is a malformed request, which RFC 6750 §3.1 answers 400 (invalid_request), and the doc does not say which of its 400 and 401 applies`, basis: "assumed" }];
  }
  if (has401 && response.status === 403 && responseFor(input.operation.op, 403) !== undefined) {
    // The doc lists 401 and 403 side by side (EnKash) without saying when each applies: that a
    // credential missing or wrong gets 401, and 403 is for one that does not reach the resource, is
    // HTTP's reading (RFC 9110 §15.5.2, §15.5.4), not the doc's.
    return [{ expected: "401", actual: "403", message: `${what} was rejected with 403; the doc documents both 401 and 403 without saying when each applies, and 401 is assumed for credentials missing or wrong (RFC 9110 §15.5.2)`, basis: "assumed" }];
  }
  return expectRejection(input, what, input.scenario.basis, has401 && !malformedCredential(input) ? 401 : undefined);
}

/** A credential header sent twice or as a list: a malformed request, which a server may reject with 400 before it reads the credential. */
function malformedCredential(input: CheckInput): boolean {
  return input.operation.op.security.some((scheme) => ["repeated", "repeated-valid-first", "listed"].includes(credentialState(input.step.plan.auth, scheme.name)));
}

/** RFC 6750 §2.1's credentials: `Bearer` and a b64token (`1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="`). */
const BEARER_CREDENTIALS = /^Bearer [A-Za-z0-9\-._~+/]+=*$/i;

/** The request sent a bearer scheme's token, and its Authorization field is outside RFC 6750's syntax (empty, quoted, a space, a `%`, a byte outside ASCII). */
function malformedBearer(input: CheckInput): boolean {
  if (!input.operation.op.security.some((scheme) => scheme.type === "http" && scheme.scheme === "bearer")) return false;
  const sent = input.request.headers.authorization;
  return typeof sent === "string" && /^Bearer( |$)/i.test(sent) && !BEARER_CREDENTIALS.test(sent);
}
