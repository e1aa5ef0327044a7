/**
 * Adapters that take a request in a form the doc does not give, or answer in an envelope that
 * contradicts their status: Juspay reading a POST with no Content-Type as the form, so
 * command=delete unlabelled deletes (required_body_enforcement, a warning, so judged with
 * --strict); EnKash serving an alias route /api/v0/customers/{id} (the plural) outside its token
 * guard, and taking the bearer token as the user of a Basic pair with an empty password
 * (auth_enforcement); EnKash's error envelopes saying response_code 200, response_message OK
 * while the status is 4xx (response_schema_conformance, a warning, so judged with --strict); and
 * EnKash matching query parameter names before percent-decoding them, so ?%70arentCompanyId=zzz
 * skips the parentCompanyId pattern check and the delete goes on (query_pattern_enforcement).
 */
import { baseBehaviour } from "../sandboxes/index.ts";
import { header } from "../sandboxes/replies.ts";
import { isObject, withHeader, withValidCredentials } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

const enkash = baseBehaviour("enkash");
const juspay = baseBehaviour("juspay");


/** The segment of EnKash's documented path before the id, and the alias in the other number mounted beside it. */
const DOCUMENTED = "customer";
const ALIAS = "customers";

/**
 * The query as a binder that compares raw names sees it: each value percent-decoded, each name
 * as sent (`%70arentCompanyId` stays that, and so matches no parameter it knows).
 */
function rawNamedQuery(rawUrl: string): URLSearchParams {
  const at = rawUrl.indexOf("?");
  const query = new URLSearchParams();
  if (at === -1) return query;
  for (const pair of rawUrl.slice(at + 1).split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const name = eq === -1 ? pair : pair.slice(0, eq);
    const value = new URLSearchParams(`v=${eq === -1 ? "" : pair.slice(eq + 1)}`).get("v") ?? "";
    query.append(name, value);
  }
  return query;
}

export const aliasesAndEnvelopes: FaultyAdapter[] = [
  variant(
    {
      name: "juspay-unlabelled-body-read-as-form",
      provider: "juspay",
      departure: "reads a POST body with no Content-Type header as application/x-www-form-urlencoded, so command=delete sent unlabelled (a fetch of an untyped Blob) deletes (the media type check is assumed, so judged with --strict)",
      expectedCheck: "required_body_enforcement",
      runOptions: { strict: true },
    },
    {
      behaviour: {
        validate: (req, ctx) => juspay.validate(req.headers["content-type"] === undefined ? withHeader(req, "content-type", "application/x-www-form-urlencoded") : req, ctx),
      },
    },
  ),
  variant(
    {
      name: "enkash-plural-alias-unguarded",
      provider: "enkash",
      departure: `serves /api/v0/${ALIAS}/{id} (the plural, an alias route) beside the documented /api/v0/${DOCUMENTED}/{id}, mounted outside the token guard`,
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req, env) =>
        req.segments.length === 4 && req.segments[2] === ALIAS ? withValidCredentials({ ...req, segments: req.segments.map((s, i) => (i === 2 ? DOCUMENTED : s)) }, env) : req,
    },
  ),
  variant(
    {
      name: "enkash-token-as-basic-user",
      provider: "enkash",
      departure: "also takes the bearer token as the user of a Basic pair with an empty password (Authorization: Basic base64(<token>:)), as a middleware shared with key-based APIs reads it",
      expectedCheck: "auth_enforcement",
    },
    {
      behaviour: {
        authenticate: (req, ctx) => {
          const [scheme, encoded, ...rest] = (header(req, "authorization") ?? "").trim().split(/ +/);
          const token = ctx.credentials.ENKASH_ACCESS_TOKEN;
          if (rest.length === 0 && scheme?.toLowerCase() === "basic" && encoded !== undefined && token !== undefined && Buffer.from(encoded, "base64").toString("utf8") === `${token}:`) return undefined;
          return enkash.authenticate(req, ctx);
        },
      },
    },
  ),
  variant(
    {
      name: "enkash-error-envelope-says-ok",
      provider: "enkash",
      departure: "sends every error answer's envelope with response_code 200 and response_message OK while the HTTP status is 4xx, so a client reading the envelope takes the failure for a success (what the field holds is assumed: a warning, so judged with --strict)",
      expectedCheck: "response_schema_conformance",
      runOptions: { strict: true },
    },
    {
      transformReply: (_req, reply) =>
        reply.status >= 400 && reply.status < 500 && isObject(reply.body) && "response_code" in reply.body ? { ...reply, body: { ...reply.body, response_code: 200, response_message: "OK" } } : reply,
    },
  ),
  variant(
    {
      name: "enkash-query-names-matched-undecoded",
      provider: "enkash",
      departure: "compares query parameter names before percent-decoding them, so ?%70arentCompanyId=zzz names no parameter it knows: the parentCompanyId pattern check is skipped, the value ignored, and the delete goes on",
      expectedCheck: "query_pattern_enforcement",
    },
    { behaviour: { validate: (req, ctx) => enkash.validate({ ...req, query: rawNamedQuery(req.rawUrl) }, ctx) } },
  ),
];
