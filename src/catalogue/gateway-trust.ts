/**
 * Adapters that trust what stands in front of them: the service still reachable without the
 * gateway's base path, where no guard checks the credentials, the user an identity-aware gateway
 * names taken from a client that names one itself, another API version beside the documented one
 * outside its guard (auth_enforcement), and error links
 * built on the X-Forwarded-Host a client sends (host-header injection, no_internal_leak).
 */
import { isObject, withValidCredentials } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";


export const gatewayTrust: FaultyAdapter[] = [
  variant(
    {
      name: "cashfree-service-reachable-without-the-gateway",
      provider: "cashfree",
      departure: "serves /customer/{id} outside the /router base path too, where the gateway's credential check does not run",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req, env) => {
        const pathname = req.rawUrl.split("?")[0];
        if (req.segments.length > 0 || !pathname.startsWith("/customer/")) return req;
        return withValidCredentials({ ...req, segments: pathname.split("/").slice(1) }, env);
      },
    },
  ),
  variant(
    {
      name: "enkash-next-version-unguarded",
      provider: "enkash",
      departure: "serves /api/v1/customer/{id} beside the documented /api/v0, outside the security filter that guards /api/v0/** only",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req, env) => (req.segments[1] === "v1" && req.headers.authorization === undefined ? withValidCredentials({ ...req, segments: req.segments.map((s, i) => (i === 1 ? "v0" : s)) }, env) : req),
    },
  ),
  variant(
    {
      name: "cashfree-browser-chain-unguarded",
      provider: "cashfree",
      departure: "picks its filter chain by content negotiation, and the one for Accept: text/html (its dashboard's) checks no API keys",
      expectedCheck: "auth_enforcement",
    },
    { rewriteRequest: (req, env) => (String(req.headers.accept ?? "").includes("text/html") ? withValidCredentials(req, env) : req) },
  ),
  variant(
    {
      name: "enkash-upgrade-skips-auth",
      provider: "enkash",
      departure: "hands any request with an Upgrade header to its WebSocket handshake handler, which skips the token check, and the DELETE then runs",
      expectedCheck: "auth_enforcement",
    },
    { rewriteRequest: (req, env) => (req.headers.upgrade === "websocket" ? withValidCredentials(req, env) : req) },
  ),
  variant(
    {
      name: "cashfree-h2c-upgrade-skips-auth",
      provider: "cashfree",
      departure: "passes a request asking to upgrade to HTTP/2 (Upgrade: h2c) to its HTTP/2 handler, which has no credential check, and the DELETE then runs",
      expectedCheck: "auth_enforcement",
    },
    { rewriteRequest: (req, env) => (req.headers.upgrade === "h2c" ? withValidCredentials(req, env) : req) },
  ),
  variant(
    {
      name: "enkash-gateway-identity-trusted",
      provider: "enkash",
      departure: "takes an X-Authenticated-Userid header, which its identity-aware gateway sets, for a login, also when a client sends it itself without a token",
      expectedCheck: "auth_enforcement",
    },
    { rewriteRequest: (req, env) => (req.headers["x-authenticated-userid"] !== undefined && req.headers.authorization === undefined ? withValidCredentials(req, env) : req) },
  ),
  variant(
    {
      name: "juspay-error-links-on-the-forwarded-host",
      provider: "juspay",
      departure: "builds error_info.href from the request's X-Forwarded-Host, so a caller chooses the host its error links point to",
      expectedCheck: "no_internal_leak",
    },
    {
      transformReply: (req, reply) => {
        const host = req.headers["x-forwarded-host"];
        if (typeof host !== "string" || !isObject(reply.body) || !isObject(reply.body.error_info)) return reply;
        return { ...reply, body: { ...reply.body, error_info: { ...reply.body.error_info, href: `https://${host}/docs/errors` } } };
      },
    },
  ),
];
