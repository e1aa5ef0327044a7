/**
 * Adapters that take a credential or a required header from where the doc does not put it, or
 * spell it more loosely than the doc: EnKash's token from `X-Access-Token` or `X-Auth-Token`, under
 * the scheme word `Token`, as the password of a Basic pair with any user, from any comma-separated
 * element of Authorization, or from `?token=`; Cashfree's secret compared after JavaScript's
 * `trim()` (a trailing no-break space passes), and both keys joined in `x-client-id` (id:secret);
 * Yuno's private-secret-key compared after NFKC (superscript ² for 2) (auth_enforcement); Yuno's
 * account code read from `x_account_code` or `?x-account-code=` when the header is missing, and
 * percent-decoded before it is checked (required_header_enforcement); and Juspay reflecting
 * `Origin: null` (a sandboxed iframe's, a file's) with credentials allowed (auth_enforcement, a
 * warning).
 */
import { baseBehaviour } from "../sandboxes/index.ts";
import { header } from "../sandboxes/replies.ts";
import type { SandboxContext, SandboxRequest } from "../sandboxes/types.ts";
import { decoded, withHeader } from "./request-view.ts";
import { variant, type AdapterMeta, type FaultyAdapter } from "./types.ts";

const enkash = baseBehaviour("enkash");

/**
 * EnKash authenticating a request as if its Authorization were the value `read` finds in it (the
 * token from another place or spelling); as sent where `read` finds none.
 */
function enkashTokenFrom(name: string, departure: string, read: (req: SandboxRequest, ctx: SandboxContext) => string | undefined): FaultyAdapter {
  return variant(
    { name, provider: "enkash", departure, expectedCheck: "auth_enforcement" },
    {
      behaviour: {
        authenticate: (req, ctx) => {
          const taken = read(req, ctx);
          return enkash.authenticate(taken === undefined ? req : withHeader(req, "authorization", taken), ctx);
        },
      },
    },
  );
}

/** The token of `Authorization: <scheme> <token>` for a scheme word matching `scheme`, or undefined. */
function tokenUnder(req: SandboxRequest, scheme: RegExp): string | undefined {
  const [word, token, ...rest] = (header(req, "authorization") ?? "").split(" ");
  return rest.length === 0 && token !== undefined && scheme.test(word) ? token : undefined;
}

/** The password of a Basic pair, whatever its user, or undefined. */
function basicPassword(req: SandboxRequest): string | undefined {
  const encoded = tokenUnder(req, /^basic$/i);
  const pair = encoded === undefined ? "" : Buffer.from(encoded, "base64").toString("utf8");
  const at = pair.indexOf(":");
  return at < 0 ? undefined : pair.slice(at + 1);
}

/** An adapter that reads header `name` as `read` turns its value, before any step looks at it. */
function readingHeader(meta: AdapterMeta, name: string, read: (value: string) => string): FaultyAdapter {
  return variant(meta, {
    rewriteRequest: (req) => {
      const sent = header(req, name);
      return sent === undefined ? req : withHeader(req, name, read(sent));
    },
  });
}

/** An adapter that, when header `name` is missing, takes the value `from` finds elsewhere in the request for it. */
function standingIn(meta: AdapterMeta, name: string, from: (req: SandboxRequest) => string | null | undefined): FaultyAdapter {
  return variant(meta, {
    rewriteRequest: (req) => {
      const value = req.headers[name] === undefined ? from(req) : undefined;
      return typeof value === "string" ? withHeader(req, name, value) : req;
    },
  });
}

export const carriersAndSpellings: FaultyAdapter[] = [
  enkashTokenFrom("enkash-token-in-x-access-token", "takes the bearer token from an X-Access-Token header (or X-Auth-Token) when no Authorization header is sent", (req) => {
    const token = req.headers.authorization === undefined ? (header(req, "x-access-token") ?? header(req, "x-auth-token")) : undefined;
    return token === undefined ? undefined : `Bearer ${token}`;
  }),
  enkashTokenFrom("enkash-token-under-token-scheme", "takes the token under the scheme word Token (Authorization: Token <token>, Rails' and Django REST framework's) as well as Bearer", (req) => {
    const token = tokenUnder(req, /^token$/i);
    return token === undefined ? undefined : `Bearer ${token}`;
  }),
  enkashTokenFrom("enkash-token-as-basic-password", "takes the password of an Authorization: Basic pair with any user as the token (Basic base64(anyone:<token>)), as GitHub takes tokens", (req) => {
    const token = basicPassword(req);
    return token === undefined ? undefined : `Bearer ${token}`;
  }),
  enkashTokenFrom("enkash-authorization-split-on-commas", "splits Authorization on , and accepts the request when any element is a valid Bearer <token>, so Bearer wrong, Bearer <token> passes", (req, ctx) => {
    const elements = (header(req, "authorization") ?? "").split(",").map((element) => element.trim());
    return elements.length < 2 ? undefined : elements.find((element) => enkash.authenticate(withHeader(req, "authorization", element), ctx) === undefined);
  }),
  enkashTokenFrom("enkash-token-in-query", "takes the bearer token from a token query parameter when no Authorization header is sent", (req) => {
    const token = req.headers.authorization === undefined ? req.query.get("token") : null;
    return token === null ? undefined : `Bearer ${token}`;
  }),
  readingHeader(
    {
      name: "cashfree-secret-trimmed-by-javascript",
      provider: "cashfree",
      departure: "trims x-client-secret with JavaScript's trim(), which also strips Unicode spaces, so the secret followed by a no-break space (U+00A0) passes",
      expectedCheck: "auth_enforcement",
    },
    "x-client-secret",
    (value) => value.trim(),
  ),
  readingHeader(
    {
      name: "yuno-secret-key-nfkc-folded",
      provider: "yuno",
      departure: "normalises private-secret-key with NFKC before comparing it, so superscript ¹ ² ³ (and ª º) pass for 1 2 3 (a o)",
      expectedCheck: "auth_enforcement",
    },
    "private-secret-key",
    (value) => value.normalize("NFKC"),
  ),
  variant(
    {
      name: "cashfree-keys-joined-in-client-id",
      provider: "cashfree",
      departure: "reads x-client-id: <id>:<secret> as both keys when no x-client-secret header is sent (a gateway's combined key)",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req) => {
        const joined = header(req, "x-client-id");
        const at = joined?.indexOf(":") ?? -1;
        if (joined === undefined || at < 0 || req.headers["x-client-secret"] !== undefined) return req;
        return withHeader(withHeader(req, "x-client-id", joined.slice(0, at)), "x-client-secret", joined.slice(at + 1));
      },
    },
  ),
  standingIn(
    {
      name: "yuno-account-code-under-underscored-name",
      provider: "yuno",
      departure: "reads x_account_code (underscores, the name CGI-style servers fold to the same variable) when x-account-code is missing, so a request without the required header is carried out",
      expectedCheck: "required_header_enforcement",
    },
    "x-account-code",
    (req) => header(req, "x_account_code"),
  ),
  standingIn(
    {
      name: "yuno-account-code-from-query",
      provider: "yuno",
      departure: "reads the account code from an x-account-code query parameter when the header is missing (a framework merging request parameters), so a request without the required header is carried out",
      expectedCheck: "required_header_enforcement",
    },
    "x-account-code",
    (req) => req.query.get("x-account-code"),
  ),
  readingHeader(
    {
      name: "yuno-account-code-percent-decoded",
      provider: "yuno",
      departure: "percent-decodes x-account-code before it checks it, so the configured code with a character percent-encoded (%61 for a), not the 36-character UUID the doc requires, is taken for it",
      expectedCheck: "required_header_enforcement",
    },
    "x-account-code",
    (value) => decoded(value) ?? value,
  ),
  variant(
    {
      name: "juspay-cors-reflects-null-origin",
      provider: "juspay",
      departure: "answers a request with Origin: null (a sandboxed iframe's, a local file's) with Access-Control-Allow-Origin: null and Access-Control-Allow-Credentials: true, so any page can send credentialed requests from a sandboxed frame and read the answers (a warning, so judged with --strict)",
      expectedCheck: "auth_enforcement",
      runOptions: { strict: true },
    },
    {
      transformReply: (req, reply) =>
        req.headers.origin === "null" ? { ...reply, headers: { ...reply.headers, "access-control-allow-origin": "null", "access-control-allow-credentials": "true" } } : reply,
    },
  ),
];
