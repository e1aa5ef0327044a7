/**
 * positive_data_acceptance: values that fit every documented constraint are never rejected as
 * invalid. For each parameter with a pattern, boundary-valid values drawn from the regex (all
 * digits, all letters, the first and last character of each class, shortest and longest) are
 * sent in a valid request for an id that never existed: the answer must be the documented
 * not-found answer, not a validation error; a path parameter with neither a pattern nor a maximum
 * length is also sent 258 characters long (assumed: a limit is the target's choice). Optional query parameters are sent present and valid
 * the same way, and a required header filled from a path parameter (Juspay's x-routing-id) is
 * also sent with its documented example, another value the doc allows (a guest's cart id with `:`, `/` and `-`), and (assumed) with an `é`
 * in it, still a string. Spellings any HTTP stack
 * should take are assumed: a request body whose media type carries a charset parameter (RFC 9110
 * §8.3.1), `Accept: *\/*` (what curl, in the docs' samples, sends; RFC 9110 §12.5.1), a query
 * parameter the operation does not use, and a fixture's ids with a letter percent-encoded, the
 * same ids (RFC 3986 §2.3), which must delete it. A form body (Juspay's command=delete) is also
 * sent with a letter of each value percent-encoded, the same form data by the media type's own
 * parsing rules, which the doc names.
 */
import { SpecError } from "../errors.ts";
import { PROFILES } from "../profiles/index.ts";
import type { OperationSpec, ParameterSpec } from "../spec/model.ts";
import { plan, type RequestPlan, type Scenario } from "./model.ts";
import { generateBoundaryValid } from "./regex/index.ts";
import { percentEncodedFirst } from "./values.ts";

/** An id longer than the columns ids usually go in (varchar(64), varchar(255)), of letters and digits. */
const LONG_ID = `pc${"long0id1".repeat(32)}`;

/** An order or cart id of the kind a checkout makes (Juspay's x-routing-id may be one for a guest). */
const GUEST_ID = "gid://shop/Cart/7f3c2a1e-5b9d-4c8e";

export function positiveScenarios(op: OperationSpec): Scenario[] {
  const profile = PROFILES[op.provider];
  const scenarios: Scenario[] = [];
  const scenario = (param: ParameterSpec, label: string, value: string, where: Partial<RequestPlan>): Scenario => ({
    id: `valid ${param.in} ${param.name} ${label}`,
    provider: op.provider,
    operationId: op.operationId,
    check: "positive_data_acceptance",
    basis: param.assumed.pattern || param.assumed.all ? "assumed" : "documented",
    fixtures: 0,
    description: `${param.name} ${JSON.stringify(value)} fits every documented constraint (${label}); the id never existed, so the answer is the documented not-found`,
    steps: [{ label, plan: plan(where), expect: "not-found" }],
  });
  for (const param of op.parameters) {
    if (param.in === "header") {
      const example = typeof param.example === "string" ? param.example : undefined;
      if (param.required && example !== undefined && profile.headerValues[param.name]?.kind === "pathParam") {
        scenarios.push(scenario(param, "documented-example", example, { headers: { [param.name.toLowerCase()]: example } }));
        // A string with a letter outside ASCII (sent as its Latin-1 byte) is still a string; that
        // the target takes it is assumed, and a 5xx to it fails not_a_server_error.
        const accented = `${example.slice(0, 4)}\u00e9${example.slice(4)}`;
        scenarios.push({ ...scenario(param, "non-ASCII", accented, { headers: { [param.name.toLowerCase()]: accented } }), basis: "assumed" });
        // Another identifier the doc allows in its place (Juspay: a guest's order or cart id), hyphens and all.
        scenarios.push(scenario(param, "another-identifier", GUEST_ID, { headers: { [param.name.toLowerCase()]: GUEST_ID } }));
      }
      continue;
    }
    if (typeof param.schema.pattern !== "string") {
      // No pattern and no maximum: a long id is as valid as a short one. A limit the doc does not
      // give is the target's choice (assumed, a warning); a 5xx to it, a column overflowing, fails
      // not_a_server_error.
      if (param.in === "path" && param.schema.type === "string" && param.schema.maxLength === undefined) {
        scenarios.push({ ...scenario(param, "long", LONG_ID, { pathParams: { [param.name]: LONG_ID } }), basis: "assumed", description: `${param.name} of ${LONG_ID.length} characters: no maximum is documented; the id never existed, so the answer is the documented not-found` });
      }
      continue;
    }
    for (const { label, value } of boundaryValues(String(param.schema.pattern))) {
      // "", "." and ".." cannot be one path segment: URLs drop or collapse them.
      if (param.in === "path" && (value === "" || value === "." || value === "..")) continue;
      const where = param.in === "path" ? { pathParams: { [param.name]: value } } : { query: { [param.name]: value } };
      scenarios.push(scenario(param, label, value, where));
    }
  }
  const assumedSpelling = (id: string, description: string, where: Partial<RequestPlan>): Scenario => ({
    id,
    provider: op.provider,
    operationId: op.operationId,
    check: "positive_data_acceptance",
    basis: "assumed",
    fixtures: 0,
    description: `${description}; the id never existed, so the answer is the documented not-found`,
    steps: [{ label: id.replace(/^valid /, ""), plan: plan(where), expect: "not-found" }],
  });
  if (op.requestBody) {
    const mediaType = `${op.requestBody.contentType}; charset=UTF-8`;
    scenarios.push(assumedSpelling("valid body media type with a charset parameter", `the documented body sent as ${mediaType}: a media type parameter does not change the media type (RFC 9110 §8.3.1)`, { headers: { "content-type": mediaType } }));
    const titled = op.requestBody.contentType.replace(/(^|[/.+-])([a-z])/g, (_, before: string, c: string) => `${before}${c.toUpperCase()}`);
    // Without the space, as Spring and many clients write it (RFC 9110 §5.6.6 allows none).
    scenarios.push(assumedSpelling("valid body media type with a charset parameter, no space", `the documented body sent as ${op.requestBody.contentType};charset=UTF-8, the same media type`, { headers: { "content-type": `${op.requestBody.contentType};charset=UTF-8` } }));
    scenarios.push(assumedSpelling("valid body media type in another case", `the documented body sent as ${titled}: type and subtype are case-insensitive (RFC 9110 §8.3.1)`, { headers: { "content-type": titled } }));
  }
  const example = op.requestBody?.example;
  if (op.requestBody?.contentType === "application/x-www-form-urlencoded" && example && typeof example === "object") {
    const body = Object.entries(example as Record<string, unknown>)
      .map(([name, value]) => `${encodeURIComponent(name)}=${percentEncodedFirst(encodeURIComponent(String(value)))}`)
      .join("&");
    const names = Object.entries(example as Record<string, unknown>)
      .map(([name, value]) => `${percentEncodedFirst(encodeURIComponent(name))}=${encodeURIComponent(String(value))}`)
      .join("&");
    scenarios.push({
      ...assumedSpelling("valid form body with a percent-encoded letter in a name", `the documented body as ${names}, the same form data: names are percent-decoded as values are (WHATWG URL §5.1)`, { body: names }),
      basis: "documented",
    });
    // A lone `%` is kept as it is by the form's parsing (WHATWG URL §5.1: no error); a decoder that throws on it answers 5xx.
    const stray = `${new URLSearchParams(Object.entries(example as Record<string, unknown>).map(([n, v]) => [n, String(v)])).toString()}&note=100%`;
    // An empty pair at the end: the form's parsing skips empty sequences (WHATWG URL §5.1).
    scenarios.push(assumedSpelling("valid form body with a trailing &", "the documented body followed by &, the same form data: the form's parsing skips an empty pair (WHATWG URL §5.1)", { body: `${new URLSearchParams(Object.entries(example as Record<string, unknown>).map(([n, v]) => [n, String(v)])).toString()}&` }));
    scenarios.push(assumedSpelling("valid form body with a lone % in another field", `the documented body and note=100%, a lone % that the form's parsing keeps as it is (WHATWG URL §5.1), in a field the operation does not use`, { body: stray }));
    scenarios.push({
      ...assumedSpelling("valid form body with a percent-encoded letter", `the documented body as ${body}, the same form data: application/x-www-form-urlencoded values are percent-decoded (WHATWG URL §5.1)`, { body }),
      basis: "documented",
    });
  }
  if (!op.requestBody) {
    // What HTTP libraries add to a bodiless DELETE: Content-Length: 0 (Python's requests), a JSON Content-Type (generated clients).
    scenarios.push(assumedSpelling("valid with Content-Length: 0", "the request with Content-Length: 0, which frames an empty body (RFC 9112 §6.3) as Python's requests sends it on a DELETE", { headers: { "content-length": "0" } }));
    scenarios.push(assumedSpelling("valid with a JSON Content-Type and no body", "the request with Content-Type: application/json and no body, as generated clients send every request; a media type without content describes nothing", { headers: { "content-type": "application/json" } }));
  }
  scenarios.push(assumedSpelling("valid accept any media type", "the request sent with Accept: */*, as curl sends it (RFC 9110 §12.5.1)", { headers: { accept: "*/*" } }));
  // Where the credentials are API keys in headers of their own, an Authorization header is no part of the request's credentials.
  if (op.security.length > 0 && op.security.every((scheme) => scheme.type === "apiKey")) {
    scenarios.push(assumedSpelling("valid with an Authorization header the operation does not use", "the request with the documented keys and also Authorization: Bearer payconform-unused, which the operation's security does not name; a filter chain that reads any Authorization header first refuses it", { headers: { authorization: "Bearer payconform-unused" } }));
  }
  scenarios.push(assumedSpelling("valid with a query parameter the operation does not use", "the request with ?source=payconform, which the operation does not use; a router keeps the query out of the path", { query: { source: "payconform" } }));
  scenarios.push({
    id: "valid header names title-cased",
    provider: op.provider,
    operationId: op.operationId,
    check: "positive_data_acceptance",
    basis: "documented",
    fixtures: 1,
    description: "a fixture deleted with every header field name title-cased (X-Routing-Id, Authorization, Public-Api-Key): field names are case-insensitive (RFC 9110 §5.1), so the documented success",
    steps: [{ label: "title-cased header names", plan: plan({ titleCaseHeaders: true }), fixture: 0, expect: "success" }],
  });
  // A UUID header (Yuno's x-account-code) in upper case names the same UUID; that the target reads it so is assumed.
  const uuidHeaders = op.parameters.filter((p) => p.in === "header" && p.required && p.schema.format === "uuid").map((p) => p.name.toLowerCase());
  if (uuidHeaders.length > 0) {
    scenarios.push({
      id: "valid uuid headers in upper case",
      provider: op.provider,
      operationId: op.operationId,
      check: "positive_data_acceptance",
      basis: "assumed",
      fixtures: 1,
      description: `a fixture deleted with ${uuidHeaders.join(", ")} in upper case, the same UUID (RFC 9562 §4: UUIDs are case-insensitive on input): the documented success`,
      steps: [{ label: `${uuidHeaders.join(", ")} in upper case`, plan: plan({ headerSpellings: Object.fromEntries(uuidHeaders.map((name) => [name, "upper-case" as const])) }), fixture: 0, expect: "success" }],
    });
  }
  const queryParams = op.parameters.filter((p) => p.in === "query").map((p) => p.name);
  if (queryParams.length > 0) {
    scenarios.push({
      id: "valid query parameters naming the fixture's own",
      provider: op.provider,
      operationId: op.operationId,
      check: "positive_data_acceptance",
      basis: "documented",
      fixtures: 1,
      description: `a fixture deleted naming its own ${queryParams.join(", ")}, as the state URL gave them beside its ids: valid values that name the fixture's own scope, so the documented success (skipped where the fixture source names none); then deleted again with them and without, the documented not-found answer both times (it is gone)`,
      // Then gone, whichever way it is named: a scoped delete that answers success and deletes nothing, or a scoped lookup that still finds a soft-deleted record, does not give the not-found answer.
      steps: [
        { label: `the fixture's own ${queryParams.join(", ")}`, plan: plan({ scopeQuery: true }), fixture: 0, expect: "success" },
        { label: `the fixture again, its own ${queryParams.join(", ")}`, plan: plan({ scopeQuery: true }), fixture: 0, expect: "not-found" },
        { label: "the fixture again, no query", plan: plan(), fixture: 0, expect: "not-found" },
      ],
    });
  }
  // The scheme word of an Authorization credential is case-insensitive and may be followed by more
  // than one space (RFC 9110 §11.1, §11.4: `auth-scheme [ 1*SP token68 ]`).
  for (const scheme of op.security.filter((s) => s.type === "http")) {
    const spellings = [
      { state: "scheme-lower-case" as const, label: `the ${scheme.scheme} scheme word in lower case`, basis: "documented" as const, why: "the scheme word is case-insensitive (RFC 9110 §11.1)" },
      { state: "scheme-spaced" as const, label: `two spaces after the ${scheme.scheme} scheme word`, basis: "assumed" as const, why: "one or more spaces separate the scheme from the credential (RFC 9110 §11.4, 1*SP)" },
    ];
    for (const { state, label, basis, why } of spellings) {
      scenarios.push({
        id: `valid credential ${scheme.name} with ${label}`,
        provider: op.provider,
        operationId: op.operationId,
        check: "positive_data_acceptance",
        basis,
        fixtures: 1,
        description: `a fixture deleted with the valid ${scheme.name} credential, ${label}: ${why}, so the documented success`,
        steps: [{ label, plan: plan({ auth: { [scheme.name]: state } }), fixture: 0, expect: "success" }],
      });
    }
  }
  if (op.requestBody && op.requestBody.example !== undefined) {
    scenarios.push({
      id: "valid body sent chunked",
      provider: op.provider,
      operationId: op.operationId,
      check: "positive_data_acceptance",
      basis: "assumed",
      fixtures: 1,
      description: "a fixture deleted with the documented body sent with Transfer-Encoding: chunked in two chunks, no Content-Length: every HTTP/1.1 recipient parses chunked (RFC 9112 §7.1), so the documented success (411 Length Required, which RFC 9110 §15.5.12 allows, is still a warning)",
      steps: [{ label: "body sent chunked", plan: plan({ chunkedBody: true }), fixture: 0, expect: "success" }],
    });
  }
  if (queryParams.length > 0) {
    scenarios.push({
      id: "valid query parameters naming the fixture's own, a letter percent-encoded",
      provider: op.provider,
      operationId: op.operationId,
      check: "positive_data_acceptance",
      basis: "assumed",
      fixtures: 1,
      description: `a fixture deleted naming its own ${queryParams.join(", ")} with the first letter percent-encoded (%43EK… for CEK…), the same value once decoded (RFC 3986 §2.3): a target that checks the pattern before it decodes the query refuses it; the documented success (skipped where the fixture source names none)`,
      steps: [{ label: `the fixture's own ${queryParams.join(", ")}, a letter percent-encoded`, plan: plan({ scopeQuery: true, scopeSpelling: "encoded-first", rawInQuery: ["%"] }), fixture: 0, expect: "success" }],
    });
  }
  const pathParams = op.parameters.filter((p) => p.in === "path").map((p) => p.name);
  if (pathParams.length > 0) {
    scenarios.push({
      id: "valid path ids with a percent-encoded letter",
      provider: op.provider,
      operationId: op.operationId,
      check: "positive_data_acceptance",
      basis: "assumed",
      fixtures: 1,
      description: "a fixture deleted with the first letter or digit of each path id percent-encoded, the same ids spelled another way (RFC 3986 §2.3: URI normalisers decode them): the documented success",
      steps: [{ label: "percent-encoded letter", plan: plan({ encodedIds: pathParams }), fixture: 0, expect: "success" }],
    });
  }
  return scenarios;
}

function boundaryValues(pattern: string): ReadonlyArray<{ label: string; value: string }> {
  try {
    return generateBoundaryValid(pattern);
  } catch (error) {
    if (error instanceof SpecError) return [];
    throw error;
  }
}
