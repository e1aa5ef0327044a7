/**
 * Adapters that read a request by another way than the documented one: Juspay's form with its
 * field names trimmed (" command" read as command), its values' surrounding double quotes
 * stripped, HTML character references in its values decoded (&#100;elete), command read from a
 * cookie when the body lacks it, and a chunked body never checked for command
 * (required_body_enforcement); a method override honoured on a side route, Cashfree's
 * ?_HttpMethod=DELETE on a POST or GET, Cashfree's OPTIONS waved past the credential check as a
 * preflight and then taken for the delete its X-HTTP-Method-Override names, and EnKash's PATCH
 * with X-HTTP-Method-Override: DELETE (unsupported_method); and doors round the credential check,
 * an empty Cashfree key pair taken (an unset key slot), a session cookie set on a successful
 * delete that skips Cashfree's secret check or takes any EnKash bearer token, Cashfree's older
 * /router/v1 router and EnKash's /api/internal router still mounted without a guard, and a Host
 * ending in .svc.cluster.local trusted as an in-cluster call (auth_enforcement).
 */
import { randomBytes } from "node:crypto";
import { baseBehaviour } from "../sandboxes/index.ts";
import { header } from "../sandboxes/replies.ts";
import type { SandboxContext, SandboxReply, SandboxRequest } from "../sandboxes/types.ts";
import { cookieOf, withValidCredentials, withoutQuery } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

const juspay = baseBehaviour("juspay");
const cashfree = baseBehaviour("cashfree");
const enkash = baseBehaviour("enkash");

/** Juspay validating the form as `read` turns each field (name and value); a body `read` leaves as it is is validated as sent. */
function formFieldsReadAs(read: (name: string, value: string) => [string, string]): { behaviour: { validate: (req: SandboxRequest, ctx: SandboxContext) => SandboxReply | undefined } } {
  return {
    behaviour: {
      validate: (req, ctx) => {
        // The "&" keeps a leading "?" in the first name, as the provider's own form reading does.
        const fields = [...new URLSearchParams(`&${req.body}`)];
        const taken = fields.map(([name, value]) => read(name, value));
        const changed = taken.some(([name, value], i) => name !== fields[i][0] || value !== fields[i][1]);
        return juspay.validate(changed ? { ...req, body: new URLSearchParams(taken).toString() } : req, ctx);
      },
    },
  };
}

/** The HTML character references of `text` decoded: numeric ones, and the five XML names. */
function htmlDecoded(text: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    const code = dec !== undefined ? Number(dec) : hex !== undefined ? Number.parseInt(hex, 16) : undefined;
    if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    return named[name!.toLowerCase()] ?? whole;
  });
}

/** A method override header naming the documented method (X-HTTP-Method-Override), read case-insensitively. */
const overrideNames = (req: SandboxRequest, method: string): boolean => header(req, "x-http-method-override")?.toUpperCase() === method;

/**
 * A session cookie `name` set on every successful delete (status `success`), which stands in for
 * the credentials when `accepts` takes the rest of the request.
 */
function sessionOnSuccess(name: string, success: number, authenticate: (typeof cashfree)["authenticate"], accepts: (req: SandboxRequest, ctx: SandboxContext) => boolean) {
  return () => {
    const sessions = new Set<string>();
    return {
      behaviour: {
        authenticate: (req: SandboxRequest, ctx: SandboxContext) => {
          const session = cookieOf(req, name);
          return session !== undefined && sessions.has(session) && accepts(req, ctx) ? undefined : authenticate(req, ctx);
        },
      },
      transformReply: (_req: SandboxRequest, reply: SandboxReply): SandboxReply => {
        if (reply.status !== success) return reply;
        const session = randomBytes(16).toString("hex");
        sessions.add(session);
        return { ...reply, headers: { ...reply.headers, "set-cookie": `${name}=${session}; Path=/; HttpOnly` } };
      },
    };
  };
}

export const formReadingsAndSideRoutes: FaultyAdapter[] = [
  variant(
    {
      name: "juspay-form-names-trimmed",
      provider: "juspay",
      departure: "trims the form's field names, so \" command\" (another field's name, with a space before it) is read as command",
      expectedCheck: "required_body_enforcement",
    },
    formFieldsReadAs((name, value) => [name.trim(), value]),
  ),
  variant(
    {
      name: "juspay-form-values-unquoted",
      provider: "juspay",
      departure: "strips surrounding double quotes from form values, so command=\"delete\" is read as delete",
      expectedCheck: "required_body_enforcement",
    },
    formFieldsReadAs((name, value) => [name, /^"[^]*"$/.test(value) ? value.slice(1, -1) : value]),
  ),
  variant(
    {
      name: "juspay-form-html-entities-decoded",
      provider: "juspay",
      departure: "decodes HTML character references in form values (an input sanitiser), so command=&#100;elete is read as delete",
      expectedCheck: "required_body_enforcement",
    },
    formFieldsReadAs((name, value) => [name, htmlDecoded(value)]),
  ),
  variant(
    {
      name: "juspay-command-from-cookie",
      provider: "juspay",
      departure: "reads the form field command from a cookie of that name when the body lacks it (request parameters merged with cookies, PHP's $_REQUEST)",
      expectedCheck: "required_body_enforcement",
    },
    {
      behaviour: {
        validate: (req, ctx) => {
          const command = cookieOf(req, "command");
          if (command === undefined || new URLSearchParams(`&${req.body}`).has("command")) return juspay.validate(req, ctx);
          return juspay.validate({ ...req, body: [req.body, new URLSearchParams({ command }).toString()].filter(Boolean).join("&") }, ctx);
        },
      },
    },
  ),
  variant(
    {
      name: "juspay-chunked-body-unchecked",
      provider: "juspay",
      departure: "checks command only in a body that comes with Content-Length, so a body sent chunked (Transfer-Encoding: chunked) is never checked and any command deletes",
      expectedCheck: "required_body_enforcement",
    },
    {
      behaviour: {
        validate: (req, ctx) => {
          const chunked = /chunked/i.test(String(req.headers["transfer-encoding"] ?? "")) && req.headers["content-length"] === undefined;
          return juspay.validate(req, chunked ? { ...ctx, checks: { ...ctx.checks, body: () => true } } : ctx);
        },
      },
    },
  ),
  variant(
    {
      name: "cashfree-empty-credential-pair",
      provider: "cashfree",
      departure: "takes an empty x-client-id with an empty x-client-secret as a key pair (an unset key slot on both sides: \"\" === \"\")",
      expectedCheck: "auth_enforcement",
    },
    { rewriteRequest: (req, env) => (req.headers["x-client-id"] === "" && req.headers["x-client-secret"] === "" ? withValidCredentials(req, env) : req) },
  ),
  variant(
    {
      name: "cashfree-httpmethod-query-override",
      provider: "cashfree",
      departure: "takes a POST or GET with the query parameter _HttpMethod=DELETE (a Salesforce-style router's override) for the delete",
      expectedCheck: "unsupported_method",
    },
    {
      rewriteRequest: (req, env) =>
        ["POST", "GET"].includes(req.method) && req.query.get("_HttpMethod")?.toUpperCase() === env.operation.method ? { ...withoutQuery(req, "_HttpMethod"), method: env.operation.method } : req,
    },
  ),
  variant(
    {
      name: "cashfree-options-preflight-override",
      provider: "cashfree",
      departure: "waves every OPTIONS past the credential check as a CORS preflight, and then honours X-HTTP-Method-Override: DELETE on it, so an OPTIONS without credentials deletes",
      expectedCheck: "unsupported_method",
    },
    {
      rewriteRequest: (req, env) => {
        if (req.method !== "OPTIONS") return req;
        const preflight = withValidCredentials(req, env);
        return overrideNames(req, env.operation.method) ? { ...preflight, method: env.operation.method } : preflight;
      },
    },
  ),
  variant(
    {
      name: "enkash-patch-method-override",
      provider: "enkash",
      departure: "honours X-HTTP-Method-Override: DELETE on a PATCH (an override middleware that reads the header on any method), so the PATCH deletes",
      expectedCheck: "unsupported_method",
    },
    { rewriteRequest: (req, env) => (req.method === "PATCH" && overrideNames(req, env.operation.method) ? { ...req, method: env.operation.method } : req) },
  ),
  variant(
    {
      name: "cashfree-session-skips-secret",
      provider: "cashfree",
      departure: "sets a session cookie on a successful delete and, for a request that sends it back with the right x-client-id, skips the x-client-secret check",
      expectedCheck: "auth_enforcement",
    },
    sessionOnSuccess("cf_session", 204, cashfree.authenticate, (req, ctx) => req.headers["x-client-id"] === ctx.credentials.CASHFREE_CLIENT_ID),
  ),
  variant(
    {
      name: "enkash-session-with-any-token",
      provider: "enkash",
      departure: "sets a SESSION cookie on a successful delete and takes it, sent back with any bearer token, for a login (a remembered session checked before the token)",
      expectedCheck: "auth_enforcement",
    },
    sessionOnSuccess("SESSION", 200, enkash.authenticate, (req) => /^Bearer \S/i.test(header(req, "authorization") ?? "")),
  ),
  variant(
    {
      name: "cashfree-legacy-v1-router",
      provider: "cashfree",
      departure: "still serves /router/v1/customer/{customer_id}, an older versioned router put before the operation's path, which deletes without any credential check",
      expectedCheck: "auth_enforcement",
    },
    { rewriteRequest: (req, env) => (req.segments[0] === "v1" && req.segments.length > 1 ? withValidCredentials({ ...req, segments: req.segments.slice(1) }, env) : req) },
  ),
  variant(
    {
      name: "enkash-internal-router",
      provider: "enkash",
      departure: "mounts an internal router at /api/internal/v0/customer/{customerId} on the same port, outside the security filter, which deletes without a token",
      expectedCheck: "auth_enforcement",
    },
    { rewriteRequest: (req, env) => (req.segments[0] === "api" && req.segments[1] === "internal" ? withValidCredentials({ ...req, segments: req.segments.filter((_, i) => i !== 1) }, env) : req) },
  ),
  variant(
    {
      name: "cashfree-cluster-host-trusted",
      provider: "cashfree",
      departure: "takes a request whose Host ends in .svc.cluster.local for a service-to-service call inside its cluster and skips the credential check",
      expectedCheck: "auth_enforcement",
    },
    { rewriteRequest: (req, env) => (/\.svc\.cluster\.local\.?(?::\d+)?$/i.test(String(req.headers.host ?? "")) ? withValidCredentials(req, env) : req) },
  ),
];
