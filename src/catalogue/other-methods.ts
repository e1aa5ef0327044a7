/**
 * Adapters whose router ignores the method (a handler registered for every method), refuses only a
 * deny-list of methods, or honours a method-override header or form field, or takes PURGE for the
 * delete, so another method on the delete path
 * deletes too; and one that refuses them with 405 but no Allow. Caught by
 * unsupported_method.
 */
import type { HttpProvider } from "../providers.ts";
import { variant, type FaultyAdapter } from "./types.ts";

function anyMethodDeletes(provider: HttpProvider, example: string): FaultyAdapter {
  return variant(
    {
      name: `${provider}-any-method-deletes`,
      provider,
      departure: `routes every method on the delete path to the delete (${example} deletes the customer)`,
      expectedCheck: "unsupported_method",
    },
    { rewriteRequest: (req, env) => ({ ...req, method: env.operation.method }) },
  );
}

export const otherMethods: FaultyAdapter[] = [
  variant(
    {
      name: "yuno-405-without-allow",
      provider: "yuno",
      departure: "answers other methods on the delete path 405 without the Allow header RFC 9110 §15.5.6 requires (HTTP's rule, not the doc's, so judged with --strict)",
      expectedCheck: "unsupported_method",
      runOptions: { strict: true },
    },
    {
      transformReply: (_req, reply) => {
        if (reply.status !== 405) return reply;
        const { allow: _allow, ...headers } = reply.headers ?? {};
        return { ...reply, headers };
      },
    },
  ),
  variant(
    {
      name: "cashfree-honours-method-override",
      provider: "cashfree",
      departure: "treats a POST with X-HTTP-Method-Override: DELETE as the delete (a method-override middleware)",
      expectedCheck: "unsupported_method",
    },
    {
      rewriteRequest: (req, env) => {
        const override = req.headers["x-http-method-override"];
        return req.method === "POST" && typeof override === "string" ? { ...req, method: override.toUpperCase() } : req;
      },
    },
  ),
  variant(
    {
      name: "yuno-method-deny-list",
      provider: "yuno",
      departure: "refuses GET, POST, PUT and PATCH on the delete path and hands every other method to the delete: HEAD, OPTIONS and TRACE delete",
      expectedCheck: "unsupported_method",
    },
    { rewriteRequest: (req) => (["GET", "POST", "PUT", "PATCH"].includes(req.method) ? req : { ...req, method: "DELETE" }) },
  ),
  variant(
    {
      name: "enkash-purge-deletes",
      provider: "enkash",
      departure: "takes PURGE on the delete path, the cache-purge method, for the delete (a handler that drops the record with its cached copy)",
      expectedCheck: "unsupported_method",
    },
    { rewriteRequest: (req, env) => (req.method === "PURGE" ? { ...req, method: env.operation.method } : req) },
  ),
  variant(
    {
      name: "yuno-form-method-override",
      provider: "yuno",
      departure: "treats a POST whose form body has _method=DELETE as the delete (Rack's and Laravel's method override)",
      expectedCheck: "unsupported_method",
    },
    {
      rewriteRequest: (req) =>
        req.method === "POST" && /^application\/x-www-form-urlencoded/.test(String(req.headers["content-type"] ?? "")) && new URLSearchParams(req.body).get("_method")?.toUpperCase() === "DELETE" ? { ...req, method: "DELETE" } : req,
    },
  ),
  anyMethodDeletes("juspay", "DELETE with command=delete"),
  anyMethodDeletes("yuno", "PATCH"),
  anyMethodDeletes("cashfree", "GET"),
  anyMethodDeletes("enkash", "POST"),
];
