/**
 * Adapters that let through requests the documents say must be refused: credentials not
 * enforced, a wrong key accepted, a required header or the required body ignored. Each goes on
 * to look the (never-existing) resource up, so it answers the not-found answer or a success. And a
 * 401 that challenges the client for another scheme than the documented one.
 */
import { baseBehaviour } from "../sandboxes/index.ts";
import type { SandboxRequest } from "../sandboxes/types.ts";
import { accountCodeTaken, withHeader } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

const juspay = baseBehaviour("juspay");
const yuno = baseBehaviour("yuno");
const enkash = baseBehaviour("enkash");

const has = (req: SandboxRequest, name: string): boolean => typeof req.headers[name] === "string" && req.headers[name] !== "";

/** Whether the form body carries a command field at all. */
const hasCommand = (req: SandboxRequest): boolean => new URLSearchParams(req.body).has("command");

export const authHeaders: FaultyAdapter[] = [
  variant(
    {
      name: "juspay-401-challenges-for-bearer",
      provider: "juspay",
      departure: "sends every 401 with WWW-Authenticate: Bearer error=\"invalid_token\", an OAuth middleware's default, though the API takes Basic credentials",
      expectedCheck: "auth_enforcement",
    },
    { transformReply: (_req, reply) => (reply.status === 401 ? { ...reply, headers: { ...reply.headers, "www-authenticate": 'Bearer realm="api", error="invalid_token"' } } : reply) },
  ),
  variant(
    {
      name: "enkash-token-under-any-scheme",
      provider: "enkash",
      departure: "takes the token after any scheme name, so Authorization: Basic <token> passes",
      expectedCheck: "auth_enforcement",
    },
    { behaviour: { authenticate: (req, ctx) => enkash.authenticate(withHeader(req, "authorization", String(req.headers.authorization ?? "").replace(/^\S+ /, "Bearer ")), ctx) } },
  ),
  variant(
    {
      name: "juspay-command-case-insensitive",
      provider: "juspay",
      departure: "accepts command=DELETE (any case) as the documented command=delete",
      expectedCheck: "required_body_enforcement",
    },
    { behaviour: { validate: (req, ctx) => juspay.validate({ ...req, body: req.body.replace(/(^|&)command=delete(?=&|$)/i, "$1command=delete") }, ctx) } },
  ),
  variant(
    {
      name: "cashfree-auth-not-enforced",
      provider: "cashfree",
      departure: "never checks x-client-id or x-client-secret",
      expectedCheck: "auth_enforcement",
    },
    { behaviour: { authenticate: () => undefined } },
  ),
  variant(
    {
      name: "enkash-any-bearer-token-accepted",
      provider: "enkash",
      departure: "accepts any bearer token (a missing one is still refused with 401)",
      expectedCheck: "auth_enforcement",
    },
    { behaviour: { authenticate: (req, ctx) => (/^Bearer \S+$/.test(String(req.headers.authorization ?? "")) ? undefined : enkash.authenticate(req, ctx)) } },
  ),
  variant(
    {
      name: "yuno-private-key-not-checked",
      provider: "yuno",
      departure: "checks public-api-key but never private-secret-key",
      expectedCheck: "auth_enforcement",
    },
    { behaviour: { authenticate: (req, ctx) => yuno.authenticate(withHeader(req, "private-secret-key", ctx.credentials.YUNO_PRIVATE_SECRET_KEY), ctx) } },
  ),
  variant(
    {
      name: "yuno-missing-account-code-ignored",
      provider: "yuno",
      departure: "goes on without the required x-account-code header",
      expectedCheck: "required_header_enforcement",
    },
    { behaviour: { validate: (req, ctx) => yuno.validate(has(req, "x-account-code") ? req : withHeader(req, "x-account-code", ctx.credentials.YUNO_ACCOUNT_CODE), ctx) } },
  ),
  variant(
    {
      name: "juspay-missing-command-ignored",
      provider: "juspay",
      departure: "treats a request without command=delete (no body, or no command field) as a delete",
      expectedCheck: "required_body_enforcement",
    },
    {
      behaviour: {
        validate: (req, ctx) =>
          juspay.validate(hasCommand(req) ? req : { ...withHeader(req, "content-type", "application/x-www-form-urlencoded"), body: "command=delete" }, ctx),
      },
    },
  ),
  variant(
    {
      name: "yuno-account-code-compared-by-prefix",
      provider: "yuno",
      departure: "compares only the first 36 characters of x-account-code, so the configured code with characters after it is taken for it",
      expectedCheck: "required_header_enforcement",
    },
    accountCodeTaken((code, configured) => code.startsWith(configured)),
  ),
  variant(
    {
      name: "yuno-account-code-any-uuid-spelling",
      provider: "yuno",
      departure: "reads x-account-code with a lenient UUID parser: without hyphens, in braces or as urn:uuid: it is taken for the configured code",
      expectedCheck: "required_header_enforcement",
    },
    accountCodeTaken((code, configured) => code.replace(/^urn:uuid:|^\{|\}$|-/gi, "").toLowerCase() === configured.replace(/-/g, "").toLowerCase()),
  ),
];
