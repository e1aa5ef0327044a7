/**
 * auth_enforcement. Without a fixture, on an id that never existed, each of these must be
 * rejected (401 where documented), not answered with the not-found answer:
 * - credentials left out, and credentials of the right shape that were never issued;
 * - near misses of each valid credential: empty, one character short or more, letters in the
 *   other case, in double quotes, a space or an `é` in its middle (what a prefix match, a
 *   case-insensitive, unquoting or stripping comparison accepts);
 * - each valid credential in the query string, or left out of its carrier and sent in undocumented
 *   ones (an API key as `Authorization: Bearer` or `x-api-key`, an Authorization credential in
 *   `Proxy-Authorization`), and API keys sent together as HTTP Basic;
 * - an API-key header holding a wrong value and the valid one (`wrong, valid`), and any credential
 *   header sent twice on separate lines, a wrong one first (a malformed request: any documented 4xx
 *   rejects these); for an API key also the valid line first (assumed: a server that reads the
 *   first line, as Go's Header.Get does, lets it in);
 * - a Basic user padded with spaces inside the encoded pair, encoded alone without its `:`, sent as
 *   the password (`:key`), and (assumed to be checked at all) with another password;
 * - a valid credential under another HTTP scheme; with two or more API keys, the values exchanged
 *   between the headers, and one header holding another key's value;
 * - where several schemes are required together, each left out or wrong while the others are
 *   right, and (three or more) each sent alone;
 * - each credential as the text `undefined` or `null` (a key slot not configured), every
 *   credential as `constructor` and, with two or more API keys, the pair `__proto__` /
 *   `[object Object]` (issued keys looked up in a plain JavaScript object); a near miss in another
 *   environment (`live` for `test`) or without its first character (a suffix match);
 * - where several schemes are required together, each left out with an Origin header, as a
 *   browser sends it (a guard that lets browser requests in on the public key alone);
 * - no credentials but the headers a proxy sets for a loopback client (`X-Forwarded-For:
 *   127.0.0.1`, which a target trusting its own network lets in);
 * - assumed: no credentials and no required headers and body still get the credentials' rejection.
 * Then against a fixture, which must survive them all and then be deleted the documented way:
 * missing and wrong credentials; the cookies an earlier answer set, sent back without credentials;
 * without credentials, the path with a trailing slash, a percent-encoded letter (`/%63ustomers/…`),
 * a letter in the other case, a doubled first slash (a guard on the raw path and a router on
 * another spelling disagree), `Expect: 100-continue` (answered by a handler of its own), a bearer
 * token only as `access_token` in a form body (RFC 6750 §2.2), the optional query parameters'
 * documented examples (a filter trusting a request that names a parent), and the path only in
 * `X-Original-URL`, or sent without the documented server's base path (the service behind a gateway
 * on a route the gateway's guard does not cover), as HTTP/1.0, with a browser's same-origin fetch
 * metadata, a framework's sub-request header, a query ending in `.css` (a guard waving static files
 * through), operators' override flags (`force=true`), a mock server's `Prefer: code=…`, or the
 * documented form body sent as JSON (a handler chosen by media type); and after the delete, missing and wrong credentials on the same path, which no
 * cache keyed on the path alone may answer with the delete's success. Requests the doc does not
 * describe (another path, an undocumented body) may get any 4xx, or a 3xx that redirects to the
 * clean path: the fixture's survival tells.
 */
import { PROFILES } from "../profiles/index.ts";
import { successStatuses, type OperationSpec, type SecuritySchemeSpec } from "../spec/model.ts";
import { OVERRIDE_FLAGS } from "./values.ts";
import { DEFAULT_CREDENTIAL, NEAR_MISSES, plan, type AuthPlan, type CredentialState, type RequestPlan, type Scenario, type Step } from "./model.ts";

export function authScenarios(op: OperationSpec): Scenario[] {
  if (op.security.length === 0) return [];
  const base = { provider: op.provider, operationId: op.operationId, check: "auth_enforcement" as const, basis: "documented" as const, fixtures: 0 };
  const scenario = (id: string, description: string, label: string, auth: AuthPlan, extra: Partial<RequestPlan> = {}): Scenario => ({
    ...base,
    id,
    description,
    steps: [{ label, plan: plan({ auth, ...extra }), expect: "rejected" }],
  });
  const scenarios: Scenario[] = [
    scenario(NO_CREDENTIALS, "no credentials are sent", "missing", "missing"),
    scenario("credentials wrong", "credentials of the right shape that the target never issued", "wrong", "wrong"),
  ];
  const only = (scheme: SecuritySchemeSpec, state: CredentialState): AuthPlan => ({ [scheme.name]: state });
  const apiKeys = op.security.filter((scheme) => scheme.type === "apiKey");
  if (apiKeys.length >= 2) {
    scenarios.push(scenario("credentials swapped", "each API-key header holds the valid value of another one (the keys checked as a set, not by header)", "swapped", "swapped"));
    scenarios.push(scenario("credentials an Object.prototype pair", "the first API key sent as __proto__ and the others as [object Object] (issued keys looked up in a plain JavaScript object and compared with ==)", "prototype-pair", "prototype-pair"));
    if (apiKeys.some((scheme) => scheme.headerName?.includes("-"))) {
      scenarios.push(scenario("credentials under underscored names", "every API key left out of its header and sent, valid, under the name with _ for - (x_client_id), which CGI-style servers read as the same header", "underscored", "underscored"));
    }
    scenarios.push(scenario("credentials joined in one header", "every API key joined with : in the first API-key header, the other headers left out (a gateway's combined id:secret key)", "joined-first", "joined-first"));
    scenarios.push(scenario("credentials regrouped", "the first API-key header holds its valid value and the next key's first characters, the next one the rest (the keys checked joined, not one by one)", "regrouped", "regrouped"));
    // One header holding another's valid value, the rest right: a check that takes either key
    // (a public key, shipped to browsers, where the secret one belongs).
    for (const scheme of apiKeys) {
      scenarios.push(scenario(`credential ${scheme.name} holding another key`, `the ${scheme.headerName} header holds the valid value of another API key; the others are right`, "holding another key", only(scheme, "swapped")));
    }
  }
  for (const scheme of op.security) {
    const name = `${scheme.name} (${where(scheme)})`;
    if (scheme.type === "apiKey" || scheme.scheme === "bearer") {
      const param = scheme.type === "apiKey" ? `${scheme.headerName?.toLowerCase()} and the usual field names` : "access_token and token";
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
    // An identifier beside a secret (Cashfree's App ID) may be matched loosely while the secret
    // decides; left out (empty), though, it is missing.
    const source = PROFILES[op.provider].credentials[scheme.name];
    const naming = source?.kind === "apiKey" && source.identifier === true && op.security.length > 1;
    for (const kind of NEAR_MISSES) {
      const nearMiss = scenario(`credential ${scheme.name} ${kind}`, `the ${name} credential is the valid one ${NEAR_MISS_TEXT[kind]}; any others are right`, kind, only(scheme, kind));
      scenarios.push(naming && kind !== "empty" ? { ...nearMiss, basis: "assumed" } : nearMiss);
    }
    if (scheme.type === "http") {
      const other = scheme.scheme === "bearer" ? "Basic" : "Bearer";
      scenarios.push(scenario(`credential ${scheme.name} under ${other}`, `the valid ${name} credential sent as Authorization: ${other}, not the documented ${scheme.scheme} scheme`, "other-scheme", only(scheme, "other-scheme")));
      scenarios.push(scenario(`credential ${scheme.name} scheme word run on`, `the valid ${name} credential after the ${scheme.scheme} scheme word with an x in place of the space (${scheme.scheme === "bearer" ? "Bearer" : "Basic"}x<credential>), which a server that checks the start of the header and cuts a fixed length accepts; any others are right`, "scheme-glued", only(scheme, "scheme-glued")));
      scenarios.push(scenario(`credential ${scheme.name} without its scheme`, `the valid ${name} credential sent as Authorization without the ${scheme.scheme} scheme word before it; any others are right`, "no-scheme", only(scheme, "no-scheme")));
      // One Authorization field holding a wrong credential and the valid one: what a proxy joining repeated fields passes on.
      scenarios.push(scenario(`credential ${scheme.name} listed after a wrong one`, `one Authorization header holding a wrong ${scheme.scheme} credential and then the valid one, comma-separated; any others are right`, "listed", only(scheme, "listed")));
    }
    if (scheme.type === "http" && scheme.scheme === "bearer") {
      scenarios.push(scenario(`credential ${scheme.name} under Token`, `the valid ${name} token under the scheme word Token (Authorization: Token <token>), another framework's scheme; any others are right`, "token-scheme", only(scheme, "token-scheme")));
      scenarios.push(scenario(`credential ${scheme.name} as a Basic user`, `the valid ${name} token as the user of a Basic pair with an empty password (Basic base64(<token>:), how a middleware shared with key-based APIs reads it); any others are right`, "basic-user", only(scheme, "basic-user")));
      scenarios.push(scenario(`credential ${scheme.name} as a Basic password`, `the valid ${name} token as the password of a Basic pair with any user (Basic base64(payconform:<token>)); any others are right`, "basic-password", only(scheme, "basic-password")));
    }
    if (scheme.type === "http" && scheme.scheme === "basic") {
      scenarios.push(scenario(`credential ${scheme.name} user padded`, `the valid ${name} user with a space before and after it inside the encoded pair; any others are right`, "padded", only(scheme, "padded")));
      scenarios.push(scenario(`credential ${scheme.name} user as the password`, `the valid ${name} user sent as the password, the user left empty (":key"); any others are right`, "user-as-password", only(scheme, "user-as-password")));
      scenarios.push(scenario(`credential ${scheme.name} with a second colon`, `the valid ${name} pair with ":x" after the password; any others are right`, "second-colon", only(scheme, "second-colon")));
      scenarios.push(scenario(`credential ${scheme.name} encoded pair case-swapped`, `the valid ${name} pair base64-encoded, then every letter of the base64 text in the other case (another pair, which a server that folds the whole header's case before comparing accepts); any others are right`, "basic-case-swapped", only(scheme, "basic-case-swapped")));
      scenarios.push(scenario(`credential ${scheme.name} not base64-encoded`, `the valid ${name} user after "Basic " as it is, not base64-encoded; any others are right`, "basic-unencoded", only(scheme, "basic-unencoded")));
      scenarios.push(scenario(`credential ${scheme.name} password the text undefined`, `the valid ${name} user with the password "undefined" (a password slot not configured); any others are right`, "undefined-password", only(scheme, "undefined-password")));
      scenarios.push(scenario(`credential ${scheme.name} password the text null`, `the valid ${name} user with the password "null"; any others are right`, "null-password", only(scheme, "null-password")));
      scenarios.push(scenario(`credential ${scheme.name} user with bit 7 set`, `the valid ${name} user with bit 7 set on each byte inside the encoded pair (what an ASCII decoder that masks the bit reads as the user); any others are right`, "high-bit-user", only(scheme, "high-bit-user")));
      scenarios.push(scenario(`credential ${scheme.name} user followed by a NUL`, `the valid ${name} user followed by a NUL and "x" inside the encoded pair (what a comparison of C strings cuts off); any others are right`, "nul-in-user", only(scheme, "nul-in-user")));
      scenarios.push(scenario(`credential ${scheme.name} user without the colon`, `the valid ${name} user encoded alone, without the ":" and password of a Basic pair; any others are right`, "no-colon", only(scheme, "no-colon")));
      // A target that compares the user alone accepts any password; the doc fixes one, but the user
      // (the API key) is the secret, so that it is checked at all is assumed.
      scenarios.push({
        ...scenario(`credential ${scheme.name} with another password`, `the valid ${name} user with a password other than the documented one; any others are right`, "other-password", only(scheme, "other-password")),
        basis: "assumed",
      });
    }
    for (const nothing of ["undefined", "null"] as const) {
      scenarios.push(scenario(`credential ${scheme.name} the text ${nothing}`, `the ${name} credential sent as the text "${nothing}" (what a key slot that is not configured turns into); any others are right`, nothing, only(scheme, nothing)));
    }
    if (op.security.length < 2) continue;
    scenarios.push(
      scenario(`credential ${scheme.name} missing`, `only the ${name} credential is left out; the others are right`, "missing-one", only(scheme, "missing")),
      // A guard that lets a browser's request (one with an Origin) in on the public key alone.
      scenario(`credential ${scheme.name} missing, from a browser origin`, `only the ${name} credential is left out, the others right, and an Origin header as a browser sends it`, "missing-one, origin", only(scheme, "missing"), { headers: { origin: "https://payconform.invalid" } }),
      // A guard that lets a request its gateway vouched for (a consumer header) in on the first key alone.
      scenario(`credential ${scheme.name} missing, a gateway's identity headers`, `only the ${name} credential is left out, the others right, and the headers an identity-aware gateway sets for its user (${Object.keys(GATEWAY_IDENTITY).join(", ")})`, "missing-one, gateway identity", only(scheme, "missing"), { headers: GATEWAY_IDENTITY }),
      scenario(`credential ${scheme.name} wrong`, `only the ${name} credential is wrong; the others are right`, "wrong-one", only(scheme, "wrong")),
    );
    // With two schemes, one sent alone is the other left out, which the case above already sends.
    if (op.security.length > 2) {
      const alone = Object.fromEntries(op.security.map((s): [string, CredentialState] => [s.name, s.name === scheme.name ? "valid" : "missing"]));
      scenarios.push(scenario(`credential ${scheme.name} alone`, `only the ${name} credential is sent, right`, "alone", alone));
    }
  }
  // Every credential in the query at once (OAuth's client_id and client_secret): a handler that falls back to the query only when no header carries one.
  if (op.security.length > 1 && op.security.every((scheme) => scheme.type === "apiKey" || scheme.scheme === "bearer")) {
    scenarios.push(scenario("credentials all in the query", "every valid credential sent in the query string (under its header's name and the usual field names) and none in a header", "all in-query", "in-query"));
  }
  if (op.security.every((scheme) => scheme.type === "apiKey")) {
    scenarios.push(scenario("credentials as HTTP Basic", "every API key left out of its header and sent together as Authorization: Basic (key:key)", "as-basic", "as-basic"));
  }
  scenarios.push(scenario("credentials named after Object.prototype", "every credential sent as constructor, a key every plain JavaScript object has (issued keys looked up in one)", "prototype-key", "prototype-key"));
  scenarios.push(scenario("credentials a default", `every credential sent as "${DEFAULT_CREDENTIAL}", the value sandboxes and frameworks ship as a default`, "default", "default"));
  scenarios.push(
    scenario("credentials missing, the request claiming a local origin", `no credentials, and headers a proxy sets naming a loopback client (${Object.keys(LOCAL_ORIGIN).join(", ")}): a target that trusts requests from its own network on those headers lets anyone in`, "missing, local origin", "missing", { headers: LOCAL_ORIGIN }),
  );
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
  const refusedWith = (label: string, pieces: Partial<RequestPlan>): Step => ({ label, plan: plan({ auth: "missing", ...pieces }), fixture: 0, expect: "rejected" });
  // Not the documented request: any 4xx (or a redirect to the clean path) refuses it, and the survival step tells.
  const offRequest = (label: string, pieces: Partial<RequestPlan>): Step => ({ label, plan: plan({ auth: "missing", ...pieces }), fixture: 0, expect: "not-deleted" });
  const bearers = op.security.filter((scheme) => scheme.type === "http" && scheme.scheme === "bearer");
  // Up to the request with every credential wrong, the last of these, which the credential oracle's steps follow.
  const opening: Step[] = [
    // Any session the target hands out with an answer: sent back below in place of the credentials.
    { label: "another fixture deleted the documented way", plan: plan(), fixture: 1, expect: "success" },
    // What a caller without credentials gets for ids that never existed, before and after the
    // fixture's: an answer of its own for the fixture tells which ids exist.
    { label: "credentials missing, an id of the fixture's shape that never existed", plan: plan({ auth: "missing", shapedLike: 0 }), expect: "rejected" },
    refused("credentials missing", "missing"),
    { label: "credentials missing, another id of the fixture's shape that never existed", plan: plan({ auth: "missing", shapedLike: 0 }), expect: "rejected", around: { fixture: 2, unknown: 1 } },
    { label: "credentials missing, the cookies the target set sent back", plan: plan({ auth: "missing", replayCookies: true }), fixture: 0, expect: "rejected" },
    refused("credentials wrong", "wrong"),
  ];
  return {
    provider: op.provider,
    operationId: op.operationId,
    check: "auth_enforcement",
    basis: "documented",
    fixtures: 2,
    id: "credentials against a fixture",
    description: "a fixture sent requests without valid credentials, none of which may delete it, then deleted the documented way",
    steps: [
      ...opening,
      // Each credential wrong alone, between two requests with all of them wrong: an answer of its
      // own tells a caller that the others are right (a client id confirmed by its error message).
      ...(op.security.length < 2 ? [] : op.security.flatMap((scheme, k) => credentialOracle(scheme, k, opening.length - 1, only))),
      // Every credential empty at once (key slots left unset on both sides: "" === "").
      ...(op.security.length < 2 ? [] : [refused("credentials all empty", Object.fromEntries(op.security.map((scheme) => [scheme.name, "empty" as const])))]),
      // A session the target set, sent back beside wrong credentials: a "remembered" login that
      // skips the check of what is wrong (each credential wrong alone where there are several).
      { label: "credentials wrong, the cookies the target set sent back", plan: plan({ auth: "wrong", replayCookies: true }), fixture: 0, expect: "rejected" },
      ...(op.security.length < 2 ? [] : op.security.map((scheme): Step => ({ label: `only ${scheme.name} wrong, the cookies the target set sent back`, plan: plan({ auth: only(scheme, "wrong"), replayCookies: true }), fixture: 0, expect: "rejected" }))),
      offRequest("credentials missing, the path with a trailing slash", { pathSuffix: "/" }),
      offRequest("credentials missing, a letter of the path percent-encoded", { literalSpelling: "percent-encoded" }),
      offRequest("credentials missing, a letter of the path in the other case", { literalSpelling: "other-case" }),
      offRequest("credentials missing, the path's first slash doubled", { literalSpelling: "doubled-slash" }),
      // Dot segments a router resolves and a guard matching the raw path against an allow-list does not.
      offRequest("credentials missing, a detour through /health/.. before the path", { detour: "root" }),
      offRequest(`credentials missing, a detour through /public/.. after ${op.basePath ? `the base path ${op.basePath}` : "the origin"}`, { detour: "base" }),
      ...(op.basePath ? [offRequest(`credentials missing, the base path ${op.basePath} with its first letter in the other case`, { basePathOtherCase: true })] : []),
      // A handler that falls back to credentials in the body (a login form's names) when the documented carriers are empty.
      offRequest("credentials only in a JSON body, under their headers' names and the usual field names", { auth: "in-json-body" }),
      // The same as form fields (OAuth's client_id and client_secret, RFC 6749 §2.3.1, which PHP's $_POST reads).
      offRequest("credentials only in a form body, under their headers' names and the usual field names", { auth: "in-form-body" }),
      // A server answers `Expect: 100-continue` in a handler of its own, which may skip the check.
      offRequest("credentials missing, Expect: 100-continue", { expectContinue: true }),
      offRequest("credentials missing, the request target in absolute form", { absoluteForm: true }),
      // The service behind a gateway, reached without the gateway's prefix, may have no guard of its own.
      ...(op.basePath ? [offRequest(`credentials missing, the path without the base path ${op.basePath}`, { basePathDropped: true })] : []),
      // The service mounted under its own prefix too (`/router/router/…`): a route the gateway's guard does not cover.
      ...(op.basePath ? [offRequest(`credentials missing, the base path ${op.basePath} twice`, { basePathTwice: true })] : []),
      // Another version of the API beside the documented one, outside a guard scoped to it (OWASP API9).
      ...(/\/v\d+\//.test(op.path) ? [offRequest("credentials missing, the path's version one up", { literalSpelling: "next-version" })] : []),
      // The version left out (an unversioned alias), zero-padded (a router reading it as a number), or one down (an older version still deployed).
      ...(/\/v\d+(?:\/|$)/.test(`${op.basePath ?? ""}${op.path}`)
        ? [
            offRequest("credentials missing, the path without its version", { versionSpelling: "none" }),
            offRequest("credentials missing, the path's version zero-padded", { versionSpelling: "padded" }),
            ...(/\/v[1-9]\d*(?:\/|$)/.test(`${op.basePath ?? ""}${op.path}`) ? [offRequest("credentials missing, the path's version one down", { versionSpelling: "down" })] : []),
          ]
        : [offRequest("credentials missing, /v1 before the path (an older versioned router)", { versionSpelling: "added" })]),
      // An internal router mounted on the same port, without the public guard.
      offRequest("credentials missing, /internal before the path's version (or before the path)", { versionSpelling: "internal" }),
      // A guard that reads the method from an override header (a CORS preflight waved through) while the router deletes.
      offRequest("credentials missing, X-HTTP-Method-Override: OPTIONS", { headers: { "x-http-method-override": "OPTIONS", "x-http-method": "OPTIONS", "x-method-override": "OPTIONS" } }),
      // Only the delete guarded: HEAD answered by a lookup without the credentials tells which ids exist.
      offRequest("credentials missing, HEAD on the path", { method: "HEAD" }),
      offRequest("credentials missing, ;x after the path's first segment", { literalSpelling: "path-parameter" }),
      // An alias route in the other number (`/customers/{id}` beside `/customer/{id}`), mounted without the guard (OWASP API9).
      offRequest("credentials missing, the segment before the id in the other number", { literalSpelling: "plural-toggled" }),
      // Only the delete guarded: a GET without credentials handing out the record (OWASP API1).
      offRequest("credentials missing, GET on the path", { method: "GET" }),
      // What an internal caller looks like: a guard that waves health probes or local calls through.
      offRequest("credentials missing, a health probe's User-Agent", { headers: { "user-agent": "kube-probe/1.29" } }),
      offRequest("credentials missing, Host: localhost", { headers: { host: "localhost" } }),
      // In-cluster names, which a guard may trust as a service-to-service call.
      offRequest("credentials missing, an in-cluster Host (.svc.cluster.local)", { headers: { host: "payments.default.svc.cluster.local" } }),
      offRequest("credentials missing, an internal Host (.internal)", { headers: { host: "payments.internal" } }),
      // A handler for WebSocket handshakes, taken by any request naming an upgrade, may skip the guard.
      offRequest("credentials missing, Upgrade: websocket", { headers: { upgrade: "websocket" } }),
      offRequest("credentials missing, Upgrade: h2c", { headers: { upgrade: "h2c", "http2-settings": "AAMAAABkAARAAAAAAAIAAAAA" } }),
      // A filter chain chosen by content negotiation (a dashboard's, for browsers) may guard nothing.
      offRequest("credentials missing, Accept: text/html", { headers: { accept: "text/html,application/xhtml+xml" } }),
      // A guard that takes the browser's fetch metadata for its own dashboard's requests.
      offRequest("credentials missing, a browser's same-origin fetch metadata", { headers: SAME_ORIGIN_FETCH }),
      // A framework's marker of its own internal sub-requests, which skip its middleware (Next.js, CVE-2025-29927).
      offRequest("credentials missing, a framework's sub-request header", { headers: { "x-middleware-subrequest": "middleware" } }),
      // A guard that waves static files through, matching the extension at the end of the whole request target.
      offRequest("credentials missing, a query ending in .css", { query: { v: "payconform.css" } }),
      // Switches meant for operators (force, admin, debug) that a handler reads from any request.
      offRequest("credentials missing, override flags in the query", { query: { ...OVERRIDE_FLAGS } }),
      // A guard that waves HTTP/1.0 through as a load balancer's health check.
      offRequest("credentials missing, HTTP/1.0", { http10: true }),
      // Methods are case-sensitive: a guard matching `DELETE` as written, before a router that upper-cases it.
      offRequest(`credentials missing, the method as ${op.method.toLowerCase()}`, { lowerCaseMethod: true }),
      // A mock server's directive (Prism's `Prefer: code=`), left in front of the real handler, that skips the guard.
      offRequest(`credentials missing, a mock server's Prefer: code=${successStatuses(op)[0]}`, { headers: { prefer: `code=${successStatuses(op)[0]}` } }),
      // A handler chosen by the body's media type (a legacy JSON one beside the form one) may have no guard of its own.
      ...(op.requestBody && op.requestBody.contentType !== "application/json" && op.requestBody.example !== undefined ? [offRequest("credentials missing, the body as JSON", { rawBody: { contentType: "application/json", text: JSON.stringify(op.requestBody.example) } })] : []),
      // A service behind an identity-aware proxy (Kong, oauth2-proxy, Apache) that takes the user
      // the proxy names for a login, where a client can reach it and name one itself.
      refusedWith("credentials missing, a gateway's identity headers", { headers: GATEWAY_IDENTITY }),
      // A filter that takes any request naming a CORS method for a preflight lets it past the token check.
      refusedWith("credentials missing, the CORS preflight headers", { headers: { origin: "https://payconform.invalid", "access-control-request-method": op.method.toUpperCase(), "access-control-request-headers": "authorization" } }),
      // Origin: null, what a sandboxed iframe or a file: page sends: a server that allows "null" with credentials lets any page in.
      refusedWith("credentials missing, Origin: null", { headers: { origin: "null" } }),
      ...bearers.map((scheme) => offRequest(`the ${scheme.name} token only in a form body`, { auth: only(scheme, "in-body") })),
      ...(optional ? [{ label: "credentials missing, the optional query parameters present and valid", plan: plan({ auth: "missing", query: optional }), fixture: 0, expect: "rejected" as const }] : []),
      // Sent to the target's root: whatever answers there, only the fixture's survival is the operation's.
      { label: "credentials missing, the path in X-Original-URL", plan: plan({ auth: "missing", rewriteHeaders: true }), fixture: 0, expect: "carried" },
      { label: "the documented delete afterwards", plan: plan({ idempotencyKey: "auth" }), fixture: 0, expect: "survives" },
      // A cache keyed on method and path alone answers these with the delete's success; so does an
      // idempotency layer that replays the delete's answer for its key before the credentials are checked.
      { label: "credentials missing, after the delete", plan: plan({ auth: "missing", idempotencyKey: "auth" }), fixture: 0, expect: "rejected" },
      { label: "credentials wrong, after the delete", plan: plan({ auth: "wrong", idempotencyKey: "auth" }), fixture: 0, expect: "rejected" },
    ],
  };
}

/**
 * For the k-th scheme: the request with only its credential wrong, then all wrong again, whose
 * answer with the one before the pair frames the first (Step.around), as for the fixture's answer
 * without credentials. Assumed, as no doc says an error must not tell which credential was wrong.
 */
function credentialOracle(scheme: SecuritySchemeSpec, k: number, wrongAt: number, only: (scheme: SecuritySchemeSpec, state: CredentialState) => AuthPlan): Step[] {
  const subject = wrongAt + 1 + 2 * k;
  return [
    { label: `only ${scheme.name} wrong`, plan: plan({ auth: only(scheme, "wrong") }), fixture: 0, expect: "rejected" },
    {
      label: `credentials wrong, after only ${scheme.name} wrong`,
      plan: plan({ auth: "wrong" }),
      fixture: 0,
      expect: "rejected",
      around: { fixture: subject, unknown: subject - 1, subject: { what: `with only ${scheme.name} wrong, the answer`, tells: "a caller learns that the other credentials are right (one credential confirmed at a time)" } },
    },
  ];
}

/** The plain request without credentials: the scenario on whose answer a missing challenge is judged (checks/challenge.ts). */
export const NO_CREDENTIALS = "credentials missing";

const NEAR_MISS_TEXT: Record<(typeof NEAR_MISSES)[number], string> = {
  empty: "sent empty",
  truncated: "without its last character",
  extended: "with one character more",
  "case-swapped": "with its letters in the other case",
  quoted: "in double quotes",
  "inner-space": "with a space in its middle",
  "inner-latin1": "with an é (the Latin-1 byte 0xE9) in its middle",
  "percent-encoded": "with its first letter or digit percent-encoded",
  "trailing-word": "followed by a space and another word",
  "last-changed": "with its last letter or digit changed to another of the same kind",
  "base64-encoded": "base64-encoded",
  "inner-soft-hyphen": "with a soft hyphen (the Latin-1 byte 0xAD) in its middle",
  "trailing-nbsp": "followed by a no-break space (the Latin-1 byte 0xA0, which JavaScript's trim() strips)",
  superscript: "with its first 1, 2 or 3 (or a, o) as the superscript NFKC folds back (¹ ² ³ ª º)",
  "other-environment": "with its environment marker swapped (test for live, sandbox for production), or live_ before it",
  "leading-cut": "without its first character",
  "regex-dot": "with its last character replaced by the regular expression's .",
  "sha256-hex": "as its SHA-256 in hex (a stored digest)",
  "middle-changed": "with its middle letter or digit changed to another of the same kind (its length and ends kept)",
  "padding-added": "followed by ==, base64 padding",
  "parameter-added": "followed by ;v=1, a media-type-like parameter",
  "encoded-word": "as an RFC 2047 encoded-word (=?utf-8?B?…?=)",
  "separators-swapped": "with its _ and - separators swapped (a - in its middle where it has none)",
  "jwt-unsigned": "as an unsigned JWT of the same claims (alg none, no signature; where it is no JWT, followed by a .)",
  "segment-added": "followed by .x, another dot-separated segment",
};

const OTHER_CARRIERS = {
  apiKey: "Authorization: Bearer, x-api-key, x-access-token, x-auth-token, the header's name with x- before it, a cookie named as the header",
  http: "Proxy-Authorization, X-Authorization, x-api-key, x-access-token, x-auth-token, a bearer token as the cookie access_token",
};

/** The headers identity-aware proxies set for the user they authenticated (Kong, oauth2-proxy, Apache's mod_auth). */
const GATEWAY_IDENTITY: Record<string, string> = {
  "x-authenticated-userid": "payconform",
  "x-consumer-id": "payconform",
  "x-consumer-username": "payconform",
  "x-credential-identifier": "payconform",
  "x-forwarded-user": "payconform",
  "x-auth-request-user": "payconform",
  "x-remote-user": "payconform",
  "remote-user": "payconform",
};

/** What a browser sends with a fetch from a page of the same origin (Fetch Metadata Request Headers). */
const SAME_ORIGIN_FETCH: Record<string, string> = { "sec-fetch-site": "same-origin", "sec-fetch-mode": "cors", "sec-fetch-dest": "empty" };

/** The headers a reverse proxy sets for a client on the loopback address. */
const LOCAL_ORIGIN: Record<string, string> = { "x-forwarded-for": "127.0.0.1", "x-real-ip": "127.0.0.1", forwarded: "for=127.0.0.1", "true-client-ip": "127.0.0.1", "cf-connecting-ip": "127.0.0.1", "x-client-ip": "127.0.0.1" };

function where(scheme: SecuritySchemeSpec): string {
  return scheme.headerName ?? `${scheme.scheme} authorization`;
}
