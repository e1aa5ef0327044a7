/**
 * auth_enforcement: credentials left out, wrong credentials, near misses of each valid credential
 * (empty, one character short or more, letters in the other case, in double quotes, a space or an
 * `é` in its middle: what a loose comparison such as a prefix match, a case-insensitive one, an
 * unquoting one or one that strips whitespace or non-ASCII bytes accepts), each valid credential in the query string
 * instead of its header, an API key listed after a wrong one in its header (`wrong, valid`: a
 * server that splits the header as a list and takes any match lets it in), the header sent twice
 * on separate lines (a wrong value first; and, assumed, for an API key the valid one first), each credential
 * left out of its carrier and sent in undocumented ones (an API key as `Authorization: Bearer`
 * or `x-api-key`, an Authorization credential in `Proxy-Authorization`), API keys sent together
 * as HTTP Basic, a Basic user padded with spaces inside the encoded pair, encoded alone without
 * its `:` or sent as the password (`:key`), no credentials but the
 * headers a proxy sets for a loopback client (`X-Forwarded-For: 127.0.0.1`, which a target that
 * trusts its own network lets in), a Basic user with another password than the documented one
 * (assumed to be checked), and, where the doc requires more than one scheme together, every partial
 * mix: each credential left out or wrong while the others are right, a bearer token only as
 * `access_token` in a form body, (with three or more schemes)
 * each credential sent alone, and (with two or more API-key headers) the valid values exchanged
 * between the headers. Assumed: without credentials and without the required headers and body,
 * the answer is still the credentials' rejection (401 where documented), not a validation error.
 * Then the same refusals against an existing fixture, which must survive
 * them: a target that checks credentials after it has deleted, a router that lets the path with a
 * trailing slash, a percent-encoded letter of the path (`/%63ustomers/…`, which a guard matching
 * the raw path misses and a router matching the decoded one serves) or a letter in the other case
 * (`/Customers/…`, a case-insensitive router's) or a doubled first slash (`//customers/…`, a
 * router merging slashes) past the check, the path named only in `X-Original-URL` (a rewrite
 * that routes by it while the guard checks the request line), the optional query parameters
 * present with their documented examples (a filter that trusts a request naming a parent), a request with `Expect:
 * 100-continue` (answered by another handler, which may skip it), or a session cookie (set on an earlier answer, sent back without
 * the credentials) that stands in for them, deletes it; and after its documented delete, a cache
 * keyed on the path alone answers the same path without credentials with the delete's success.
 */
import type { OperationSpec, SecuritySchemeSpec } from "../spec/model.ts";
import { NEAR_MISSES, plan, type AuthPlan, type CredentialState, type Scenario, type Step } from "./model.ts";

export function authScenarios(op: OperationSpec): Scenario[] {
  if (op.security.length === 0) return [];
  const base = { provider: op.provider, operationId: op.operationId, check: "auth_enforcement" as const, basis: "documented" as const, fixtures: 0 };
  const scenario = (id: string, description: string, label: string, auth: AuthPlan): Scenario => ({
    ...base,
    id,
    description,
    steps: [{ label, plan: plan({ auth }), expect: "rejected" }],
  });
  const scenarios: Scenario[] = [
    scenario("credentials missing", "no credentials are sent", "missing", "missing"),
    scenario("credentials wrong", "credentials of the right shape that the target never issued", "wrong", "wrong"),
  ];
  const only = (scheme: SecuritySchemeSpec, state: CredentialState): AuthPlan => ({ [scheme.name]: state });
  const apiKeys = op.security.filter((scheme) => scheme.type === "apiKey");
  if (apiKeys.length >= 2) {
    scenarios.push(scenario("credentials swapped", "each API-key header holds the valid value of another one (the keys checked as a set, not by header)", "swapped", "swapped"));
    // One header holding another's valid value, the rest right: a check that takes either key
    // (a public key, shipped to browsers, where the secret one belongs).
    for (const scheme of apiKeys) {
      scenarios.push(scenario(`credential ${scheme.name} holding another key`, `the ${scheme.headerName} header holds the valid value of another API key; the others are right`, "holding another key", only(scheme, "swapped")));
    }
  }
  for (const scheme of op.security) {
    const name = `${scheme.name} (${where(scheme)})`;
    if (scheme.type === "apiKey" || scheme.scheme === "bearer") {
      const param = scheme.type === "apiKey" ? scheme.headerName?.toLowerCase() : "access_token";
      scenarios.push(scenario(`credential ${scheme.name} in the query`, `the valid ${name} credential sent as the query parameter ${param} instead; any others are right`, "in-query", only(scheme, "in-query")));
    }
    scenarios.push(
      scenario(`credential ${scheme.name} in another carrier`, `the ${name} carrier left out and the valid credential sent in carriers the doc does not name (${OTHER_CARRIERS[scheme.type === "apiKey" ? "apiKey" : "http"]}); any others are right`, "other-carrier", only(scheme, "other-carrier")),
      scenario(`credential ${scheme.name} repeated, a wrong line first`, `the ${name} header sent twice, a wrong value and then the valid one on separate lines; any others are right`, "repeated", only(scheme, "repeated")),
    );
    if (scheme.type === "apiKey") {
      // Two lines of an API-key header mean `valid, wrong` (RFC 9110 §5.3), which Node's server
      // sees; a server that takes the first line (Go's Header.Get) lets it in. The doc says nothing
      // of repeated fields, so this is assumed. Not for Authorization: Node's own server keeps the
      // first of repeated Authorization lines, so a faithful Node target would be flagged.
      scenarios.push({
        ...scenario(`credential ${scheme.name} repeated, the valid line first`, `the ${name} header sent twice, the valid value and then a wrong one on separate lines; any others are right`, "repeated-valid-first", only(scheme, "repeated-valid-first")),
        basis: "assumed",
      });
      scenarios.push(scenario(`credential ${scheme.name} listed after a wrong one`, `the ${name} header holds a wrong value and then the valid one, comma-separated (as a repeated header is joined); any others are right`, "listed", only(scheme, "listed")));
    }
    for (const kind of NEAR_MISSES) {
      scenarios.push(scenario(`credential ${scheme.name} ${kind}`, `the ${name} credential is the valid one ${NEAR_MISS_TEXT[kind]}; any others are right`, kind, only(scheme, kind)));
    }
    if (scheme.type === "http" && scheme.scheme === "bearer") {
      scenarios.push(scenario(`credential ${scheme.name} in a form body`, `the valid ${name} token sent only as access_token in a form body (RFC 6750 §2.2: not for a method without body semantics); any others are right`, "in-body", only(scheme, "in-body")));
    }
    if (scheme.type === "http") {
      const other = scheme.scheme === "bearer" ? "Basic" : "Bearer";
      scenarios.push(scenario(`credential ${scheme.name} under ${other}`, `the valid ${name} credential sent as Authorization: ${other}, not the documented ${scheme.scheme} scheme`, "other-scheme", only(scheme, "other-scheme")));
    }
    if (scheme.type === "http" && scheme.scheme === "basic") {
      // A target that compares the user alone accepts any password; the doc fixes one, but the user
      // (the API key) is the secret, so that it is checked at all is assumed.
      scenarios.push(scenario(`credential ${scheme.name} user padded`, `the valid ${name} user with a space before and after it inside the encoded pair; any others are right`, "padded", only(scheme, "padded")));
      scenarios.push(scenario(`credential ${scheme.name} user as the password`, `the valid ${name} user sent as the password, the user left empty (":key"); any others are right`, "user-as-password", only(scheme, "user-as-password")));
      scenarios.push(scenario(`credential ${scheme.name} user without the colon`, `the valid ${name} user encoded alone, without the ":" and password of a Basic pair; any others are right`, "no-colon", only(scheme, "no-colon")));
      scenarios.push({
        ...scenario(`credential ${scheme.name} with another password`, `the valid ${name} user with a password other than the documented one; any others are right`, "other-password", only(scheme, "other-password")),
        basis: "assumed",
      });
    }
    if (op.security.length < 2) continue;
    scenarios.push(
      scenario(`credential ${scheme.name} missing`, `only the ${name} credential is left out; the others are right`, "missing-one", only(scheme, "missing")),
      scenario(`credential ${scheme.name} wrong`, `only the ${name} credential is wrong; the others are right`, "wrong-one", only(scheme, "wrong")),
    );
    // With two schemes, one sent alone is the other left out, which the case above already sends.
    if (op.security.length > 2) {
      const alone = Object.fromEntries(op.security.map((s): [string, CredentialState] => [s.name, s.name === scheme.name ? "valid" : "missing"]));
      scenarios.push(scenario(`credential ${scheme.name} alone`, `only the ${name} credential is sent, right`, "alone", alone));
    }
  }
  if (op.security.every((scheme) => scheme.type === "apiKey")) {
    scenarios.push(scenario("credentials as HTTP Basic", "every API key left out of its header and sent together as Authorization: Basic (key:key)", "as-basic", "as-basic"));
  }
  scenarios.push({
    ...scenario("credentials missing, the request claiming a local origin", `no credentials, and headers a proxy sets naming a loopback client (${Object.keys(LOCAL_ORIGIN).join(", ")}): a target that trusts requests from its own network on those headers lets anyone in`, "missing, local origin", "missing"),
    steps: [{ label: "missing, local origin", plan: plan({ auth: "missing", headers: LOCAL_ORIGIN }), expect: "rejected" }],
  });
  const malformed = withoutHeadersAndBody(op);
  if (malformed) {
    scenarios.push({
      ...base,
      basis: "assumed",
      id: "credentials missing, the request malformed too",
      description: "no credentials, and the required headers and body left out as well: the credentials are assumed to be checked first, so that a caller without them learns nothing of the validation",
      steps: [{ label: "missing and malformed", plan: plan({ auth: "missing", ...malformed }), expect: "rejected" }],
    });
  }
  scenarios.push(againstAFixture(op, only));
  return scenarios;
}

/** The plan pieces that leave out every required header and the required body; undefined when the operation has neither. */
function withoutHeadersAndBody(op: OperationSpec): { omitHeaders: string[]; body?: null } | undefined {
  const omitHeaders = op.parameters.filter((p) => p.in === "header" && p.required).map((p) => p.name.toLowerCase());
  const body = op.requestBody ? { body: null } : {};
  return omitHeaders.length > 0 || op.requestBody ? { omitHeaders, ...body } : undefined;
}

/**
 * Missing and wrong credentials (each one wrong, where there are several) on a fixture, the path
 * with a trailing slash without credentials, the documented delete, then missing and wrong
 * credentials on the same path again, which no cached success may answer.
 */
function againstAFixture(op: OperationSpec, only: (scheme: SecuritySchemeSpec, state: CredentialState) => AuthPlan): Scenario {
  // A filter that trusts a request naming a parent or partner lets it through without the credentials.
  const examples = op.parameters.filter((p) => p.in === "query" && !p.required && typeof p.example === "string").map((p): [string, string] => [p.name, p.example as string]);
  const optional = examples.length > 0 ? Object.fromEntries(examples) : undefined;
  const refused = (label: string, auth: AuthPlan): Step => ({ label, plan: plan({ auth }), fixture: 0, expect: "rejected" });
  return {
    provider: op.provider,
    operationId: op.operationId,
    check: "auth_enforcement",
    basis: "documented",
    fixtures: 2,
    id: "credentials against a fixture",
    description: "a fixture sent requests without valid credentials, none of which may delete it, then deleted the documented way",
    steps: [
      // Any session the target hands out with an answer: sent back below in place of the credentials.
      { label: "another fixture deleted the documented way", plan: plan(), fixture: 1, expect: "success" },
      refused("credentials missing", "missing"),
      { label: "credentials missing, the cookies the target set sent back", plan: plan({ auth: "missing", replayCookies: true }), fixture: 0, expect: "rejected" },
      refused("credentials wrong", "wrong"),
      ...(op.security.length < 2 ? [] : op.security.map((scheme) => refused(`only ${scheme.name} wrong`, only(scheme, "wrong")))),
      { label: "credentials missing, the path with a trailing slash", plan: plan({ auth: "missing", pathSuffix: "/" }), fixture: 0, expect: "not-deleted" },
      { label: "credentials missing, a letter of the path percent-encoded", plan: plan({ auth: "missing", literalSpelling: "percent-encoded" }), fixture: 0, expect: "not-deleted" },
      { label: "credentials missing, a letter of the path in the other case", plan: plan({ auth: "missing", literalSpelling: "other-case" }), fixture: 0, expect: "not-deleted" },
      { label: "credentials missing, the path's first slash doubled", plan: plan({ auth: "missing", literalSpelling: "doubled-slash" }), fixture: 0, expect: "not-deleted" },
      { label: "credentials missing, the path in X-Original-URL", plan: plan({ auth: "missing", rewriteHeaders: true }), fixture: 0, expect: "not-deleted" },
      ...(optional ? [{ label: "credentials missing, the optional query parameters present and valid", plan: plan({ auth: "missing", query: optional }), fixture: 0, expect: "rejected" as const }] : []),
      // A server answers `Expect: 100-continue` in a handler of its own, which may skip the check.
      { label: "credentials missing, Expect: 100-continue", plan: plan({ auth: "missing", expectContinue: true }), fixture: 0, expect: "rejected" },
      { label: "the documented delete afterwards", plan: plan(), fixture: 0, expect: "survives" },
      // A cache keyed on method and path alone answers these with the delete's success.
      refused("credentials missing, after the delete", "missing"),
      refused("credentials wrong, after the delete", "wrong"),
    ],
  };
}

const NEAR_MISS_TEXT: Record<(typeof NEAR_MISSES)[number], string> = {
  empty: "sent empty",
  truncated: "without its last character",
  extended: "with one character more",
  "case-swapped": "with its letters in the other case",
  quoted: "in double quotes",
  "inner-space": "with a space in its middle",
  "inner-latin1": "with an é (the Latin-1 byte 0xE9) in its middle",
};

const OTHER_CARRIERS = {
  apiKey: "Authorization: Bearer, x-api-key",
  http: "Proxy-Authorization, x-api-key",
};

/** The headers a reverse proxy sets for a client on the loopback address. */
const LOCAL_ORIGIN: Record<string, string> = { "x-forwarded-for": "127.0.0.1", "x-real-ip": "127.0.0.1", forwarded: "for=127.0.0.1" };

function where(scheme: SecuritySchemeSpec): string {
  return scheme.headerName ?? `${scheme.scheme} authorization`;
}
