/**
 * Adapters whose guard and router read a request differently, or that read a credential, a
 * required header or the form body loosely: a guard that waves through raw paths under a public
 * prefix (/router/public/, /health) while the router resolves dot segments, a base path matched
 * by case in the guard and not in the router, separators dropped from the secret before the
 * comparison, a bearer token with a JWT-like segment after it, keys read from a JSON body
 * (auth_enforcement); an account code whose hyphens may stand anywhere, and x-account-id read for
 * a missing x-account-code (required_header_enforcement); a form body's leading `?` stripped
 * (required_body_enforcement); the Bearer scheme word matched by case, Authorization split on
 * single spaces (assumed, so judged with --strict), and form field names not percent-decoded, so
 * valid requests are refused (positive_data_acceptance); and a stray `%` in the form body that breaks its parser
 * (not_a_server_error).
 */
import { baseBehaviour, sandboxBasePath } from "../sandboxes/index.ts";
import { jsonReply } from "../sandboxes/replies.ts";
import type { SandboxEnv, SandboxRequest } from "../sandboxes/types.ts";
import { accountCodeTaken, decoded, parsedJson, validatingFirst, withHeader, withValidCredentials } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

const enkash = baseBehaviour("enkash");
const juspay = baseBehaviour("juspay");

/** The request target's path and its query part (with its `?`, or ""). */
function splitTarget(rawUrl: string): [path: string, query: string] {
  const at = rawUrl.indexOf("?");
  return at === -1 ? [rawUrl, ""] : [rawUrl.slice(0, at), rawUrl.slice(at)];
}

const SINGLE_DOT = /^(?:\.|%2e)$/i;
const DOUBLE_DOT = /^(?:\.|%2e){2}$/i;

/** The path with its dot segments resolved (RFC 3986 §5.2.4; `%2e` taken for `.`, as WHATWG URL does). */
function withoutDotSegments(path: string): string {
  const parts = path.split("/").slice(1);
  const out: string[] = [];
  parts.forEach((part, i) => {
    const dot = SINGLE_DOT.test(part) || DOUBLE_DOT.test(part);
    if (DOUBLE_DOT.test(part)) out.pop();
    if (!dot) out.push(part);
    else if (i === parts.length - 1) out.push("");
  });
  return `/${out.join("/")}`;
}

/** The still-encoded segments of `path` after the provider's base path; none when the path is outside it. */
function segmentsUnder(path: string, basePath: string): string[] {
  if (basePath !== "" && path !== basePath && !path.startsWith(`${basePath}/`)) return [];
  const rest = path.slice(basePath.length);
  return rest === "" ? [] : rest.split("/").slice(1);
}

/**
 * A guard that lets every raw path starting with `prefix` through without credentials, in front
 * of a router that resolves dot segments: `<prefix>/../<the operation's path>` reaches the delete.
 */
function unguardedUnder(prefix: string): { rewriteRequest: (req: SandboxRequest, env: SandboxEnv) => SandboxRequest } {
  return {
    rewriteRequest: (req, env) => {
      const [path, query] = splitTarget(req.rawUrl);
      if (!path.startsWith(prefix)) return req;
      const resolved = withoutDotSegments(path);
      return withValidCredentials({ ...req, rawUrl: `${resolved}${query}`, segments: segmentsUnder(resolved, sandboxBasePath(env.provider)) }, env);
    },
  };
}

/** Form pairs of a body, as written (neither `+` nor escapes decoded). */
function rawPairs(body: string): Array<[name: string, rest: string]> {
  return body === "" ? [] : body.split("&").map((pair) => {
    const at = pair.indexOf("=");
    return at === -1 ? [pair, ""] : [pair.slice(0, at), pair.slice(at)];
  });
}


export const pathDetoursAndReadings: FaultyAdapter[] = [
  variant(
    {
      name: "cashfree-public-prefix-dot-segments-skip-auth",
      provider: "cashfree",
      departure: "lets raw paths starting with /router/public/ past its key check while its router resolves dot segments, so /router/public/../customer/{id} without credentials deletes",
      expectedCheck: "auth_enforcement",
    },
    unguardedUnder("/router/public/"),
  ),
  variant(
    {
      name: "enkash-health-prefix-dot-segments-skip-auth",
      provider: "enkash",
      departure: "lets raw paths starting with /health past its token check (a health endpoint) while its router resolves dot segments, so /health/../api/v0/customer/{customerId} without a token deletes",
      expectedCheck: "auth_enforcement",
    },
    unguardedUnder("/health"),
  ),
  variant(
    {
      name: "cashfree-base-path-case-skips-auth",
      provider: "cashfree",
      departure: "guards paths under /router as written while its router matches paths case-insensitively, so /Router/customer/{id} without credentials deletes",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req, env) => {
        const [path] = splitTarget(req.rawUrl);
        const base = sandboxBasePath("cashfree");
        if (path.startsWith(`${base}/`) || !path.toLowerCase().startsWith(`${base.toLowerCase()}/`)) return req;
        const template = env.operation.path.split("/").slice(1);
        const segments = path
          .slice(base.length)
          .split("/")
          .slice(1)
          .map((segment, i) => (template[i] !== undefined && !template[i].startsWith("{") && segment.toLowerCase() === template[i].toLowerCase() ? template[i] : segment));
        return withValidCredentials({ ...req, segments }, env);
      },
    },
  ),
  variant(
    {
      name: "cashfree-secret-separators-ignored",
      provider: "cashfree",
      departure: "removes `_` and `-` from x-client-secret and from its own secret before comparing them, so a secret with separators swapped, dropped or added passes",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req, env) => {
        const sent = req.headers["x-client-secret"];
        const secret = env.credentials.CASHFREE_CLIENT_SECRET ?? "";
        const bare = (text: string): string => text.replace(/[-_]/g, "");
        return typeof sent === "string" && sent !== secret && bare(sent) === bare(secret) ? withHeader(req, "x-client-secret", secret) : req;
      },
    },
  ),
  variant(
    {
      name: "enkash-bearer-extra-segment-accepted",
      provider: "enkash",
      departure: "takes a bearer token that starts with its own token followed by `.` (<token>.x, an extra JWT-like segment) for its own token",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req, env) => {
        const token = env.credentials.ENKASH_ACCESS_TOKEN ?? "";
        const parts = String(req.headers.authorization ?? "").trim().split(/\s+/);
        return token !== "" && parts.length === 2 && parts[1].startsWith(`${token}.`) ? withHeader(req, "authorization", `${parts[0]} ${token}`) : req;
      },
    },
  ),
  variant(
    {
      name: "enkash-bearer-scheme-case-sensitive",
      provider: "enkash",
      departure: "matches the scheme word Bearer case-sensitively, so Authorization: bearer <token> is refused with 401 (auth schemes are case-insensitive, RFC 9110 §11.1)",
      expectedCheck: "positive_data_acceptance",
    },
    {
      behaviour: {
        authenticate: (req, ctx) => {
          const value = req.headers.authorization;
          const scheme = typeof value === "string" ? value.trim().split(/\s+/)[0] : undefined;
          return scheme !== undefined && scheme !== "Bearer" ? ctx.behaviour.errorReply("unauthorized", "Full authentication is required to access this resource") : enkash.authenticate(req, ctx);
        },
      },
    },
  ),
  variant(
    {
      name: "juspay-authorization-split-on-single-space",
      provider: "juspay",
      departure: "splits Authorization on single spaces and wants exactly two parts, so Basic  <token> (two spaces, which RFC 9110 §11.4's 1*SP allows) is refused with 401 (HTTP's rule, not the doc's: assumed, so judged with --strict)",
      expectedCheck: "positive_data_acceptance",
      runOptions: { strict: true },
    },
    {
      behaviour: {
        authenticate: (req, ctx) => {
          const value = req.headers.authorization;
          return typeof value === "string" && value.split(" ").length !== 2 ? ctx.behaviour.errorReply("unauthorized", "Invalid API Key. Please pass a valid and active api key.") : juspay.authenticate(req, ctx);
        },
      },
    },
  ),
  variant(
    {
      name: "cashfree-keys-from-json-body",
      provider: "cashfree",
      departure: "takes x-client-id and x-client-secret from a JSON body's client_id and client_secret (or x-client-id and x-client-secret) members when the headers are absent",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req) => {
        const body = parsedJson(req.body);
        if (body === null || typeof body !== "object" || Array.isArray(body)) return req;
        const members = body as Record<string, unknown>;
        return ["x-client-id", "x-client-secret"].reduce((request, name) => {
          const value = members[name] ?? members[name.slice(2).replace("-", "_")];
          return request.headers[name] === undefined && typeof value === "string" ? withHeader(request, name, value) : request;
        }, req);
      },
    },
  ),
  variant(
    {
      name: "yuno-account-code-hyphens-ignored",
      provider: "yuno",
      departure: "checks x-account-code only for 36 characters of hex digits and hyphens, wherever the hyphens stand, and takes it for its account when the hex digits are its code's",
      expectedCheck: "required_header_enforcement",
    },
    accountCodeTaken((code, configured) => {
      const digits = (text: string): string => text.replace(/-/g, "").toLowerCase();
      return code.length === 36 && /^[0-9a-f-]+$/i.test(code) && digits(code) === digits(configured);
    }),
  ),
  variant(
    {
      name: "yuno-account-id-for-account-code",
      provider: "yuno",
      departure: "reads x-account-id in place of x-account-code when x-account-code is missing, so a request without the required header is carried out",
      expectedCheck: "required_header_enforcement",
    },
    {
      rewriteRequest: (req) => {
        const id = req.headers["x-account-id"];
        return req.headers["x-account-code"] === undefined && typeof id === "string" ? withHeader(req, "x-account-code", id) : req;
      },
    },
  ),
  variant(
    {
      name: "juspay-form-leading-question-mark",
      provider: "juspay",
      departure: "strips a leading `?` from the form body before parsing it, as if it were a query string, so ?command=delete is read as command=delete (a lenient reading, assumed, so judged with --strict)",
      expectedCheck: "required_body_enforcement",
      runOptions: { strict: true },
    },
    { rewriteRequest: (req) => (req.body.startsWith("?") ? { ...req, body: req.body.slice(1) } : req) },
  ),
  variant(
    {
      name: "juspay-form-names-not-decoded",
      provider: "juspay",
      departure: "percent-decodes form values but not field names, so %63ommand=delete is not read as command and a valid request is refused with 400",
      expectedCheck: "positive_data_acceptance",
    },
    {
      rewriteRequest: (req) => {
        const pairs = rawPairs(req.body);
        if (!pairs.some(([name]) => name.includes("%"))) return req;
        // The name kept as written: its `%` escaped, so the provider's parser decodes it to itself.
        return { ...req, body: pairs.map(([name, rest]) => `${name.replace(/%/g, "%25")}${rest}`).join("&") };
      },
    },
  ),
  variant(
    {
      name: "juspay-stray-percent-500",
      provider: "juspay",
      departure: "parses the form body with decodeURIComponent and lets its URIError out, so command=delete&note=100% is answered 500",
      expectedCheck: "not_a_server_error",
    },
    validatingFirst("juspay", (req) =>
      rawPairs(req.body).some(([name, rest]) => decoded(name.replace(/\+/g, " ")) === undefined || decoded(rest.slice(1).replace(/\+/g, " ")) === undefined)
        ? jsonReply(500, { status: "error", error_message: "Internal Server Error" })
        : undefined,
    ),
  ),
];
