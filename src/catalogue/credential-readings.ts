/**
 * Adapters that read a credential loosely once it has arrived: a scheme word checked by its start
 * and cut at a fixed length, MIME encoded-words decoded, the Authorization value compared
 * case-folded whole, key headers parsed like
 * Content-Type (what precedes a `;`), header values percent-decoded
 * before the comparison, the bearer token taken as the first word after the scheme, API keys
 * read from cookies of the headers' names when the headers are absent (a framework's merged
 * request parameters), a CORS preflight's headers taken for a preflight on any method, a
 * default pair still accepted, a health probe's User-Agent or Host: localhost trusted, the keys
 * checked joined, a secret compared by locale (auth_enforcement); and header names matched case-sensitively, so a
 * valid request with title-cased names is refused (positive_data_acceptance).
 */
import { cookieOf, decoded, withHeader, withValidCredentials } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

export const credentialReadings: FaultyAdapter[] = [
  variant(
    {
      name: "juspay-scheme-word-cut-at-a-length",
      provider: "juspay",
      departure: "checks that Authorization starts with basic and cuts six characters off, so Basicx<token> is read as Basic <token>",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req) => {
        const value = req.headers.authorization;
        return typeof value === "string" && /^basic/i.test(value) ? withHeader(req, "authorization", `Basic ${value.slice(6).trim()}`) : req;
      },
    },
  ),
  variant(
    {
      name: "yuno-header-encoded-words-decoded",
      provider: "yuno",
      departure: "decodes RFC 2047 encoded-words in header values (=?utf-8?B?…?=), which HTTP does not, so the secret key sent base64-wrapped that way is taken",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req) =>
        ["public-api-key", "private-secret-key"].reduce((request, name) => {
          const word = /^=\?utf-8\?B\?([A-Za-z0-9+/=]*)\?=$/i.exec(String(request.headers[name] ?? ""));
          return word ? withHeader(request, name, Buffer.from(word[1], "base64").toString("utf8")) : request;
        }, req),
    },
  ),
  variant(
    {
      name: "juspay-authorization-case-folded",
      provider: "juspay",
      departure: "lower-cases the whole Authorization value before comparing it with the expected one, so the base64 text in any case (another pair) is taken",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req, env) => {
        const sent = req.headers.authorization;
        const valid = withValidCredentials(req, env).headers.authorization;
        return typeof sent === "string" && typeof valid === "string" && sent !== valid && sent.toLowerCase() === valid.toLowerCase() ? withHeader(req, "authorization", valid) : req;
      },
    },
  ),
  variant(
    {
      name: "cashfree-key-headers-parsed-for-parameters",
      provider: "cashfree",
      departure: "parses x-client-id and x-client-secret like Content-Type, keeping what comes before the first `;`, so `<secret>;v=1` is taken for the secret",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req) =>
        ["x-client-id", "x-client-secret"].reduce((request, name) => {
          const value = request.headers[name];
          return typeof value === "string" && value.includes(";") ? withHeader(request, name, value.split(";")[0].trim()) : request;
        }, req),
    },
  ),
  variant(
    {
      name: "cashfree-keys-under-underscored-names",
      provider: "cashfree",
      departure: "reads x_client_id and x_client_secret as its key headers when x-client-id and x-client-secret are absent (CGI-style names, HTTP_X_CLIENT_ID for both spellings)",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req) =>
        ["x-client-id", "x-client-secret"].reduce((request, name) => {
          const underscored = request.headers[name.replace(/-/g, "_")];
          return request.headers[name] === undefined && typeof underscored === "string" ? withHeader(request, name, underscored) : request;
        }, req),
    },
  ),
  variant(
    {
      name: "yuno-keys-percent-decoded",
      provider: "yuno",
      departure: "percent-decodes public-api-key and private-secret-key before comparing them, so %73k_… passes for sk_…",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req) =>
        ["public-api-key", "private-secret-key"].reduce((request, name) => {
          const value = request.headers[name];
          return typeof value === "string" ? withHeader(request, name, decoded(value) ?? value) : request;
        }, req),
    },
  ),
  variant(
    {
      name: "enkash-bearer-first-word",
      provider: "enkash",
      departure: "takes the token as the first word after Bearer (split on spaces), so Bearer <token> x passes",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req) => {
        const value = req.headers.authorization;
        const words = typeof value === "string" ? value.split(/ +/) : [];
        return words.length > 2 ? withHeader(req, "authorization", `${words[0]} ${words[1]}`) : req;
      },
    },
  ),
  variant(
    {
      name: "cashfree-keys-from-cookies",
      provider: "cashfree",
      departure: "reads x-client-id and x-client-secret from cookies of those names when the headers are absent (merged request parameters)",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req) => {
        return ["x-client-id", "x-client-secret"].reduce((request, name) => (request.headers[name] === undefined && cookieOf(req, name) ? withHeader(request, name, cookieOf(req, name)!) : request), req);
      },
    },
  ),
  variant(
    {
      name: "enkash-cors-preflight-skips-auth",
      provider: "enkash",
      departure: "lets any request with Origin and Access-Control-Request-Method past the token check as a CORS preflight, whatever its method, and the DELETE then runs",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req, env) =>
        req.headers.origin !== undefined && req.headers["access-control-request-method"] !== undefined && req.headers.authorization === undefined ? withValidCredentials(req, env) : req,
    },
  ),
  variant(
    {
      name: "cashfree-default-credentials",
      provider: "cashfree",
      departure: "still accepts the default pair x-client-id: test, x-client-secret: test that its framework shipped with",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req, env) =>
        req.headers["x-client-id"] === "test" && req.headers["x-client-secret"] === "test" ? withValidCredentials(req, env) : req,
    },
  ),
  variant(
    {
      name: "yuno-header-names-case-sensitive",
      provider: "yuno",
      departure: "finds its key and account headers only under lower-case names (a raw header map), so Public-Api-Key is taken for missing",
      expectedCheck: "positive_data_acceptance",
    },
    {
      rewriteRequest: (req) => {
        const raw = req.rawHeaders ?? [];
        const lowerOnly = ["public-api-key", "private-secret-key", "x-account-code"].filter((name) => !raw.some((sent, i) => i % 2 === 0 && sent === name));
        if (lowerOnly.length === 0) return req;
        const headers = { ...req.headers };
        for (const name of lowerOnly) delete headers[name];
        return { ...req, headers };
      },
    },
  ),
  variant(
    {
      name: "enkash-health-probe-skips-auth",
      provider: "enkash",
      departure: "waves a request whose User-Agent starts with kube-probe/ past the token check as a health probe, and the DELETE then runs",
      expectedCheck: "auth_enforcement",
    },
    { rewriteRequest: (req, env) => (/^kube-probe\//.test(String(req.headers["user-agent"] ?? "")) ? withValidCredentials(req, env) : req) },
  ),
  variant(
    {
      name: "yuno-localhost-host-trusted",
      provider: "yuno",
      departure: "takes a request with Host: localhost for an internal call and skips the key checks",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req, env) =>
/^localhost(:\d+)?$/.test(String(req.headers.host ?? "")) ? withValidCredentials(req, env) : req,
    },
  ),
  variant(
    {
      name: "cashfree-keys-checked-joined",
      provider: "cashfree",
      departure: "checks x-client-id and x-client-secret joined (id + secret), so characters moved from one header to the other pass",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req, env) => {
        const [id, secret] = [env.credentials.CASHFREE_CLIENT_ID ?? "", env.credentials.CASHFREE_CLIENT_SECRET ?? ""];
        const joined = `${String(req.headers["x-client-id"] ?? "")}${String(req.headers["x-client-secret"] ?? "")}`;
        return joined === `${id}${secret}` ? withValidCredentials(req, env) : req;
      },
    },
  ),
  variant(
    {
      name: "cashfree-secret-compared-by-locale",
      provider: "cashfree",
      departure: "compares x-client-secret with a locale-aware comparison (localeCompare), which ignores a soft hyphen in it",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req) => {
        const sent = req.headers["x-client-secret"];
        return typeof sent === "string" && sent.includes("\u00ad") ? withHeader(req, "x-client-secret", sent.replace(/\u00ad/g, "")) : req;
      },
    },
  ),
];
