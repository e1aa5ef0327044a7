/**
 * Adapters that serve the delete on a side channel its guard does not cover, or take credentials
 * from where the doc does not put them (all caught by auth_enforcement): EnKash serving
 * /api/customer/{id} (the path without its version) with no token check, reading the version as a
 * number (/api/v00/) behind a guard scoped to the literal /api/v0/, a guard reading the method from
 * X-HTTP-Method-Override (OPTIONS let through as a preflight) in front of a router deleting on the
 * real DELETE, and HEAD answered without a token (200 for a customer that exists, 404 otherwise);
 * Yuno's older /v0 still deployed beside /v1 without the key check; Cashfree taking client_id and
 * client_secret from a form body, or from the query, when no key header is sent; Juspay taking
 * `X-Authorization: Basic …` when Authorization is absent; Yuno taking x-public-api-key and
 * x-private-secret-key for its documented key headers, and skipping the key check for a request
 * whose True-Client-IP or CF-Connecting-IP names the loopback address.
 */
import { baseBehaviour } from "../sandboxes/index.ts";
import { header, jsonReply, mediaType } from "../sandboxes/replies.ts";
import { route } from "../sandboxes/router.ts";
import { sendReply } from "../sandboxes/server.ts";
import type { SandboxRequest } from "../sandboxes/types.ts";
import { withHeader, withValidCredentials } from "./request-view.ts";
import { variant, type AdapterMeta, type FaultyAdapter } from "./types.ts";

const enkash = baseBehaviour("enkash");

/** Cashfree's key headers and the field names OAuth's client credentials go by (RFC 6749 §2.3.1). */
const CASHFREE_KEYS: ReadonlyArray<[header: string, field: string]> = [
  ["x-client-id", "client_id"],
  ["x-client-secret", "client_secret"],
];

/** Yuno's older API version, still deployed beside the documented /v1 base path. */
const YUNO_OLDER_BASE = "/v0";

/** The addresses a request from the server's own host comes from. */
const LOOPBACK = new Set(["127.0.0.1", "::1"]);

/** The request's path, without its query. */
const pathOf = (req: SandboxRequest): string => req.rawUrl.split("?")[0];

/**
 * Cashfree taking both keys from the fields `fields` finds in the request (a form body's, the
 * query's) when neither key header is sent; as sent otherwise.
 */
function cashfreeKeysFrom(meta: AdapterMeta, fields: (req: SandboxRequest) => URLSearchParams | undefined): FaultyAdapter {
  return variant(meta, {
    rewriteRequest: (req) => {
      const found = CASHFREE_KEYS.every(([name]) => req.headers[name] === undefined) ? fields(req) : undefined;
      if (!found) return req;
      return CASHFREE_KEYS.reduce((request, [name, field]) => {
        const value = found.get(field);
        return value === null ? request : withHeader(request, name, value);
      }, req);
    },
  });
}

export const versionsAndSideChannels: FaultyAdapter[] = [
  variant(
    {
      name: "enkash-unversioned-path-unguarded",
      provider: "enkash",
      departure: "serves /api/customer/{customerId} (the documented path without its version, an unversioned alias) with the delete handler, outside the token check",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req, env) => {
        const [api, customer, id] = req.segments;
        return req.segments.length === 3 && api === "api" && customer === "customer" ? withValidCredentials({ ...req, segments: [api, "v0", customer, id] }, env) : req;
      },
    },
  ),
  variant(
    {
      name: "enkash-version-read-as-number",
      provider: "enkash",
      departure: "routes the version as a number, so /api/v00/customer/{customerId} reaches the delete, while its token guard matches the literal prefix /api/v0/ and lets the other spelling through",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req, env) => {
        const version = req.segments[1] ?? "";
        return /^v\d+$/.test(version) && version !== "v0" && Number(version.slice(1)) === 0 ? withValidCredentials({ ...req, segments: req.segments.map((s, i) => (i === 1 ? "v0" : s)) }, env) : req;
      },
    },
  ),
  variant(
    {
      name: "yuno-older-version-unguarded",
      provider: "yuno",
      departure: "still serves the delete under the older /v0 base path beside the documented /v1, where the API-key check was never added (OWASP API9)",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req, env) => {
        const path = pathOf(req);
        if (req.segments.length > 0 || !path.startsWith(`${YUNO_OLDER_BASE}/`)) return req;
        return withValidCredentials({ ...req, segments: path.slice(YUNO_OLDER_BASE.length).split("/").slice(1) }, env);
      },
    },
  ),
  variant(
    {
      name: "enkash-guard-reads-method-override",
      provider: "enkash",
      departure: "its token guard reads the method from X-HTTP-Method-Override and lets OPTIONS through as a CORS preflight, while its router deletes on the request's real DELETE",
      expectedCheck: "auth_enforcement",
    },
    {
      behaviour: {
        authenticate: (req, ctx) => ((header(req, "x-http-method-override") ?? req.method).toUpperCase() === "OPTIONS" ? undefined : enkash.authenticate(req, ctx)),
      },
    },
  ),
  variant(
    {
      name: "enkash-head-answered-without-token",
      provider: "enkash",
      departure: "answers HEAD on the delete path from a lookup without a token check: 200 when the customer exists, 404 otherwise, telling anyone which ids exist",
      expectedCheck: "auth_enforcement",
    },
    {
      rawResponse: (req, res, env) => {
        const match = req.method === "HEAD" ? route(env.operation, env.operation.method, req.segments) : undefined;
        if (match?.kind !== "match") return false;
        const [id] = Object.values(match.path);
        const found = id !== undefined && env.store.hasCustomer(id);
        sendReply(res, found ? jsonReply(200, { response_code: 200, response_message: "OK", payload: `Customer ${id}` }) : enkash.errorReply("notFound", "Customer not found"));
        return true;
      },
    },
  ),
  cashfreeKeysFrom(
    {
      name: "cashfree-keys-from-form-body",
      provider: "cashfree",
      departure: "takes the keys from a form body's client_id and client_secret (OAuth's client credentials, RFC 6749 §2.3.1) when no key header is sent",
      expectedCheck: "auth_enforcement",
    },
    (req) => (mediaType(req) === "application/x-www-form-urlencoded" ? new URLSearchParams(req.body) : undefined),
  ),
  cashfreeKeysFrom(
    {
      name: "cashfree-client-credentials-in-query",
      provider: "cashfree",
      departure: "takes the keys from ?client_id=&client_secret= in the query when no key header is sent (credentials in URLs end up in logs)",
      expectedCheck: "auth_enforcement",
    },
    (req) => req.query,
  ),
  variant(
    {
      name: "juspay-x-authorization-accepted",
      provider: "juspay",
      departure: "reads X-Authorization (a gateway's copy of the field) as Authorization when no Authorization header is sent, so X-Authorization: Basic <key:> authenticates",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req) => {
        const copy = header(req, "x-authorization");
        return req.headers.authorization === undefined && copy !== undefined ? withHeader(req, "authorization", copy) : req;
      },
    },
  ),
  variant(
    {
      name: "yuno-keys-under-x-names",
      provider: "yuno",
      departure: "reads x-public-api-key and x-private-secret-key for public-api-key and private-secret-key when the documented header is missing",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req) =>
        ["public-api-key", "private-secret-key"].reduce((request, name) => {
          const value = header(request, `x-${name}`);
          return request.headers[name] === undefined && value !== undefined ? withHeader(request, name, value) : request;
        }, req),
    },
  ),
  variant(
    {
      name: "yuno-client-ip-header-trusted",
      provider: "yuno",
      departure: "takes a request whose True-Client-IP or CF-Connecting-IP (a CDN's client-address headers) names the loopback address for an internal call and skips the key check",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req, env) => (["true-client-ip", "cf-connecting-ip"].some((name) => LOOPBACK.has((header(req, name) ?? "").trim())) ? withValidCredentials(req, env) : req),
    },
  ),
];
