/**
 * Adapters with a side door: a request that looks like something the guard was told to wave
 * through gets past it. HTTP/1.0 taken for a load balancer's health check, a browser's
 * same-origin fetch metadata taken for the dashboard's own request, a framework's sub-request
 * header (Next.js, CVE-2025-29927), a request target ending in a static file's extension,
 * operators' override flags in the query, a mock layer's `Prefer: code=…`, and a JSON body routed to
 * a legacy handler (auth_enforcement); `force=true` skipping the account code
 * check (required_header_enforcement); and a request with `Expect: 100-continue` carried out
 * before its body is read (required_body_enforcement).
 */
import { withHeader, withValidCredentials } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

export const sideDoors: FaultyAdapter[] = [
  variant(
    {
      name: "enkash-http10-skips-auth",
      provider: "enkash",
      departure: "takes every HTTP/1.0 request for its load balancer's health check and lets it past the token check, and the DELETE then runs",
      expectedCheck: "auth_enforcement",
    },
    { rewriteRequest: (req, env) => (req.httpVersion === "1.0" ? withValidCredentials(req, env) : req) },
  ),
  variant(
    {
      name: "cashfree-same-origin-fetch-skips-auth",
      provider: "cashfree",
      departure: "takes a request with Sec-Fetch-Site: same-origin for one from its own dashboard, whose session it trusts, and checks no API keys",
      expectedCheck: "auth_enforcement",
    },
    { rewriteRequest: (req, env) => (req.headers["sec-fetch-site"] === "same-origin" ? withValidCredentials(req, env) : req) },
  ),
  variant(
    {
      name: "yuno-subrequest-header-skips-auth",
      provider: "yuno",
      departure: "runs its auth in a middleware that a request naming itself an internal sub-request (x-middleware-subrequest) skips",
      expectedCheck: "auth_enforcement",
    },
    { rewriteRequest: (req, env) => (String(req.headers["x-middleware-subrequest"] ?? "").split(":").includes("middleware") ? withValidCredentials(req, env) : req) },
  ),
  variant(
    {
      name: "yuno-static-extension-skips-auth",
      provider: "yuno",
      departure: "lets static files past its guard by the extension at the end of the request target, query included, so ?v=x.css carries a DELETE past it",
      expectedCheck: "auth_enforcement",
    },
    { rewriteRequest: (req, env) => (/\.(?:css|js|png|ico|svg)$/i.test(req.rawUrl) ? withValidCredentials(req, env) : req) },
  ),
  variant(
    {
      name: "juspay-admin-flag-skips-auth",
      provider: "juspay",
      departure: "skips the API key check for a request with admin=true in its query, a switch left in from its operators' tools",
      expectedCheck: "auth_enforcement",
    },
    { rewriteRequest: (req, env) => (req.query.get("admin") === "true" ? withValidCredentials(req, env) : req) },
  ),
  variant(
    {
      name: "yuno-prefer-code-skips-auth",
      provider: "yuno",
      departure: "keeps a mock layer's rule that a request with Prefer: code=… is a test call, and lets it past the key check to the real delete",
      expectedCheck: "auth_enforcement",
    },
    { rewriteRequest: (req, env) => (/^code=\d{3}/.test(String(req.headers.prefer ?? "")) ? withValidCredentials(req, env) : req) },
  ),
  variant(
    {
      name: "juspay-json-body-unguarded",
      provider: "juspay",
      departure: "routes a JSON body to a legacy handler that has no API key check and deletes on {\"command\":\"delete\"}",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req, env) => {
        if (!String(req.headers["content-type"] ?? "").startsWith("application/json")) return req;
        const command = (parsedJson(req.body) as { command?: unknown } | undefined)?.command;
        return command === "delete" ? withValidCredentials({ ...req, headers: { ...req.headers, "content-type": "application/x-www-form-urlencoded" }, body: "command=delete" }, env) : req;
      },
    },
  ),
  variant(
    {
      name: "yuno-force-skips-account-code",
      provider: "yuno",
      departure: "skips its x-account-code checks for a request with force=true in its query, and deletes under the account of the keys",
      expectedCheck: "required_header_enforcement",
    },
    { rewriteRequest: (req, env) => (req.query.get("force") === "true" ? withHeader(req, "x-account-code", env.credentials.YUNO_ACCOUNT_CODE) : req) },
  ),
  variant(
    {
      name: "juspay-expect-skips-the-body",
      provider: "juspay",
      departure: "answers a request with Expect: 100-continue in a handler that deletes once the credentials and x-routing-id pass, without reading the body, so any command deletes",
      expectedCheck: "required_body_enforcement",
    },
    { rewriteRequest: (req) => (String(req.headers.expect ?? "").toLowerCase() === "100-continue" ? { ...req, body: "command=delete" } : req) },
  ),
];

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
