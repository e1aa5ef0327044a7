/**
 * unsupported_method: the operation's path with each other common method (GET, PUT, PATCH, and
 * POST or DELETE, whichever the doc does not use) and with HEAD, OPTIONS, TRACE and PURGE never deletes a
 * fixture: the request gets a 4xx, and a documented delete afterwards still gets the documented
 * success; a GET after that delete gets no 2xx that names the fixture (a record kept and handed out). The request is the valid one (credentials, headers and body), only the method differs.
 * (A router that refuses a deny-list of methods and hands every other one to the delete is caught
 * by the last four.)
 * A POST, GET, PUT, PATCH or OPTIONS (this one with and without credentials) carrying the method-override headers
 * that web frameworks honour (X-HTTP-Method-Override, X-HTTP-Method, X-Method-Override) and the
 * `_method` and `_HttpMethod` query parameters naming the documented method (for a POST, also as a
 * form field) must not delete either: a form or
 * a link on any web page can send one. Nor may a GET with the documented body's fields in the
 * query string (`?command=delete`), which a handler shared with a read of the path may obey.
 */
import type { OperationSpec } from "../spec/model.ts";
import { plan, type Scenario } from "./model.ts";

export const TRIED_METHODS = ["GET", "PUT", "PATCH", "POST", "DELETE"] as const;

/** The GET sent after the documented delete, which must not find the record (unsupported_method reads it by this label). */
export const GET_AFTER_DELETE = "GET after the delete";

/**
 * Methods every HTTP server meets besides the ones an API uses, and PURGE, the extension method
 * caching proxies take (Varnish, Squid, Fastly): each must leave the fixture in place too.
 */
export const PROTOCOL_METHODS = ["HEAD", "OPTIONS", "TRACE", "PURGE"] as const;

export const METHOD_OVERRIDE_HEADERS = ["x-http-method-override", "x-http-method", "x-method-override"] as const;

/** The query parameter Rails, Laravel and Express's method-override read the method from. */
export const METHOD_OVERRIDE_QUERY = "_method";
/** The one Salesforce-style routers read it from, sent beside it. */
const METHOD_OVERRIDE_QUERY_ALIAS = "_HttpMethod";

export function methodScenarios(op: OperationSpec): Scenario[] {
  const base = { provider: op.provider, operationId: op.operationId, check: "unsupported_method" as const, basis: "documented" as const, fixtures: 1 };
  const afterwards = { label: `${op.method} afterwards`, plan: plan(), fixture: 0, expect: "survives" as const };
  const scenarios: Scenario[] = [...TRIED_METHODS, ...PROTOCOL_METHODS].filter((m) => m !== op.method).map((method) => ({
    ...base,
    id: `method ${method}`,
    description: `${method} on the delete path leaves the fixture in place; the documented ${op.method} afterwards deletes it${method === "GET" ? ", after which a GET of the path no longer finds it" : ""}`,
    // After the delete, a GET (a read the provider may document on the path) must not still hand the record out.
    steps: [{ label: method, plan: plan({ method }), fixture: 0, expect: "not-deleted" }, afterwards, ...(method === "GET" ? [{ label: GET_AFTER_DELETE, plan: plan({ method }), fixture: 0, expect: "not-deleted" as const }] : [])],
  }));
  const headers = Object.fromEntries(METHOD_OVERRIDE_HEADERS.map((h) => [h, op.method]));
  // PUT and PATCH (an override middleware that reads the header on any method), and OPTIONS: a guard
  // that waves every OPTIONS through as a CORS preflight, before the override is read.
  for (const carrier of ["POST", "GET", "PUT", "PATCH", "OPTIONS"].filter((m) => m !== op.method)) {
    scenarios.push({
      ...base,
      id: `method ${carrier} overridden to ${op.method}`,
      description: `a ${carrier} with ${METHOD_OVERRIDE_HEADERS.join(", ")} and the query parameters ${METHOD_OVERRIDE_QUERY} and ${METHOD_OVERRIDE_QUERY_ALIAS}${carrier === "POST" ? ` (and the form field, as Rack and Laravel read it)` : ""}: ${op.method} leaves the fixture in place${carrier === "OPTIONS" ? "; so does the same OPTIONS without credentials" : ""}`,
      steps: [
        { label: `${carrier} overridden to ${op.method}`, plan: plan({ method: carrier, headers, query: { [METHOD_OVERRIDE_QUERY]: op.method, [METHOD_OVERRIDE_QUERY_ALIAS]: op.method }, ...(carrier === "POST" ? { rawBody: { contentType: "application/x-www-form-urlencoded", text: `${METHOD_OVERRIDE_QUERY}=${op.method}` } } : {}) }), fixture: 0, expect: "not-deleted" },
        ...(carrier === "OPTIONS" && op.security.length > 0 ? [{ label: `${carrier} overridden to ${op.method}, credentials missing`, plan: plan({ method: carrier, auth: "missing", headers, query: { [METHOD_OVERRIDE_QUERY]: op.method, [METHOD_OVERRIDE_QUERY_ALIAS]: op.method } }), fixture: 0, expect: "not-deleted" as const }] : []),
        afterwards,
      ],
    });
  }
  // A handler shared with a read of the same path that obeys the body's fields from the query (`?command=delete`): a link deletes.
  const fields = op.requestBody?.example && typeof op.requestBody.example === "object" ? Object.entries(op.requestBody.example as Record<string, unknown>).map(([name, value]): [string, string] => [name, String(value)]) : [];
  if (fields.length > 0 && op.method !== "GET") {
    const query = Object.fromEntries(fields);
    scenarios.push({
      ...base,
      id: "method GET with the body's fields in the query",
      description: `a GET with the documented body's fields in the query string (${new URLSearchParams(query).toString()}) and no body leaves the fixture in place; the documented ${op.method} afterwards deletes it`,
      steps: [{ label: "GET, the body in the query", plan: plan({ method: "GET", query, body: null }), fixture: 0, expect: "not-deleted" }, afterwards],
    });
  }
  return scenarios;
}
