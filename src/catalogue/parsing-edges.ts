/**
 * Adapters that trip over the edges of HTTP parsing: a router merging slashes past a guard that
 * matches the path as written, a Basic credential without its `:` taken for the user or with the
 * key in the password's place taken for it, and `Expect: 100-continue` answered by a handler that
 * skips the token check (auth_enforcement); the method taken from `_method` (unsupported_method);
 * diacritics stripped from ids and a path id read as a `+`-separated list (exact_id_match); a form
 * field sent as `command[]` read as `command`, a form body decoded before it is split, any prefix of
 * `delete`, and `remove` or `destroy` taken for `delete` (required_body_enforcement); x-routing-id
 * read from the form body (required_header_enforcement); an x-routing-id outside
 * ASCII answered 500 (not_a_server_error); a 204 whose Content-Length announces content
 * (content_type_conformance).
 */
import { baseBehaviour } from "../sandboxes/index.ts";
import { readingLastId, withHeader, withValidCredentials } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

const juspay = baseBehaviour("juspay");
const enkash = baseBehaviour("enkash");
const cashfree = baseBehaviour("cashfree");

export const parsingEdges: FaultyAdapter[] = [
  variant(
    {
      name: "juspay-form-decoded-before-split",
      provider: "juspay",
      departure: "percent-decodes the whole form body before it splits it into fields, so command=delete%26x%3D1 (the value delete&x=1) reads as command=delete",
      expectedCheck: "required_body_enforcement",
    },
    { rewriteRequest: (req) => ({ ...req, body: decodedOrAsIs(req.body) }) },
  ),
  variant(
    {
      name: "juspay-command-any-prefix",
      provider: "juspay",
      departure: "takes any prefix of delete for the command (\"delete\".startsWith(command)), so command=del or command=delet deletes",
      expectedCheck: "required_body_enforcement",
    },
    { rewriteRequest: (req) => ({ ...req, body: req.body.replace(/(^|&)command=([a-z]+)(?=&|$)/g, (whole, start: string, value: string) => ("delete".startsWith(value) ? `${start}command=delete` : whole)) }) },
  ),
  variant(
    {
      name: "juspay-routing-id-from-the-form",
      provider: "juspay",
      departure: "reads x-routing-id from a form field of that name when the header is missing (a handler reading the request's parameters; the header's enforcement is assumed, so judged with --strict)",
      expectedCheck: "required_header_enforcement",
      runOptions: { strict: true },
    },
    {
      rewriteRequest: (req) => {
        const field = new URLSearchParams(req.body).get("x-routing-id");
        return req.headers["x-routing-id"] === undefined && field ? withHeader(req, "x-routing-id", field) : req;
      },
    },
  ),
  variant(
    {
      name: "juspay-command-synonyms",
      provider: "juspay",
      departure: "keeps an alias table of verbs, so command=remove and command=destroy delete as command=delete does",
      expectedCheck: "required_body_enforcement",
    },
    { rewriteRequest: (req) => ({ ...req, body: req.body.replace(/(^|&)command=(?:remove|destroy)(?=&|$)/g, "$1command=delete") }) },
  ),
  variant(
    {
      name: "juspay-command-cut-at-nul",
      provider: "juspay",
      departure: "hands the form's command to a C string comparison, which stops at a NUL, so command=delete%00x deletes",
      expectedCheck: "required_body_enforcement",
    },
    { rewriteRequest: (req) => (req.body.includes("%00") ? { ...req, body: req.body.replace(/%00[^&]*/g, "") } : req) },
  ),
  variant(
    {
      name: "juspay-form-names-case-folded",
      provider: "juspay",
      departure: "binds form fields by name ignoring case (an ASP.NET-style binder), so COMMAND=delete is taken for command",
      expectedCheck: "required_body_enforcement",
    },
    { rewriteRequest: (req) => ({ ...req, body: req.body.replace(/(^|&)command=/gi, "$1command=") }) },
  ),
  variant(
    {
      name: "cashfree-merged-slashes-skip-auth",
      provider: "cashfree",
      departure: "guards /customer/ as written while its router merges slashes, so //customer/{id} deletes without credentials",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req, env) => {
        if (req.segments[0] !== "") return req;
        return withValidCredentials({ ...req, segments: req.segments.filter((s, i) => s !== "" || i === req.segments.length - 1) }, env);
      },
    },
  ),
  variant(
    {
      name: "cashfree-method-from-query",
      provider: "cashfree",
      departure: "takes the method from a _method query parameter (Rails, Laravel, method-override), so GET ?_method=DELETE deletes",
      expectedCheck: "unsupported_method",
    },
    { rewriteRequest: (req) => (req.query.get("_method")?.toUpperCase() === "DELETE" ? { ...req, method: "DELETE" } : req) },
  ),
  variant(
    {
      name: "cashfree-accent-insensitive-ids",
      provider: "cashfree",
      departure: "strips diacritics from the id before the lookup (an accent-insensitive collation), so cúst_… deletes cust_…",
      expectedCheck: "exact_id_match",
    },
    readingLastId((id) => id.normalize("NFD").replace(/\p{M}/gu, "")),
  ),
  variant(
    {
      name: "juspay-basic-without-colon",
      provider: "juspay",
      departure: "takes the whole decoded Basic credential for the user when it has no `:`, so Basic base64(key) is accepted",
      expectedCheck: "auth_enforcement",
    },
    {
      behaviour: {
        authenticate: (req, ctx) => {
          const encoded = /^Basic (\S+)$/.exec(String(req.headers.authorization ?? ""))?.[1];
          const decoded = encoded === undefined ? undefined : Buffer.from(encoded, "base64").toString("utf8");
          return juspay.authenticate(decoded !== undefined && !decoded.includes(":") ? withHeader(req, "authorization", `Basic ${Buffer.from(`${decoded}:`).toString("base64")}`) : req, ctx);
        },
      },
    },
  ),
  variant(
    {
      name: "juspay-basic-key-as-password",
      provider: "juspay",
      departure: "takes whichever half of the Basic pair is not empty for the key, so Basic base64(:key) is accepted",
      expectedCheck: "auth_enforcement",
    },
    {
      behaviour: {
        authenticate: (req, ctx) => {
          const encoded = /^Basic (\S+)$/.exec(String(req.headers.authorization ?? ""))?.[1];
          const decoded = encoded === undefined ? "" : Buffer.from(encoded, "base64").toString("utf8");
          return juspay.authenticate(decoded.startsWith(":") ? withHeader(req, "authorization", `Basic ${Buffer.from(`${decoded.slice(1)}:`).toString("base64")}`) : req, ctx);
        },
      },
    },
  ),
  variant(
    {
      name: "juspay-bracketed-command",
      provider: "juspay",
      departure: "parses the form body as qs does (command[]=delete gives ['delete']) and compares loosely, so command[]=delete deletes",
      expectedCheck: "required_body_enforcement",
    },
    { rewriteRequest: (req) => ({ ...req, body: req.body.replace(/(^|&)command(?:%5B%5D|\[\])=/i, "$1command=") }) },
  ),
  variant(
    {
      name: "enkash-continue-skips-auth",
      provider: "enkash",
      departure: "answers requests with Expect: 100-continue in a handler of its own that never checks the token",
      expectedCheck: "auth_enforcement",
    },
    { behaviour: { authenticate: (req, ctx) => (String(req.headers.expect ?? "").toLowerCase() === "100-continue" ? undefined : enkash.authenticate(req, ctx)) } },
  ),
  variant(
    {
      name: "juspay-non-ascii-routing-id-500",
      provider: "juspay",
      departure: "fails with 500 on an x-routing-id holding a character outside ASCII (a string the doc allows)",
      expectedCheck: "not_a_server_error",
    },
    {
      behaviour: {
        validate: (req, ctx) => (/[^\x20-\x7e]/.test(String(req.headers["x-routing-id"] ?? "")) ? { status: 500, body: { status: "error", error_message: "internal error" } } : juspay.validate(req, ctx)),
      },
    },
  ),
  variant(
    {
      name: "cashfree-204-announces-content",
      provider: "cashfree",
      departure: "sends Content-Length: 2 with its 204, an answer that may carry no content",
      expectedCheck: "content_type_conformance",
    },
    {
      behaviour: {
        remove: (req, ctx) => {
          const reply = cashfree.remove(req, ctx);
          return reply.status === 204 ? { ...reply, headers: { ...reply.headers, "content-length": "2" } } : reply;
        },
      },
    },
  ),
  variant(
    {
      name: "cashfree-plus-separated-ids",
      provider: "cashfree",
      departure: "reads the path id as a `+`-separated list and deletes every listed customer it finds, so /customer/{id}+x deletes {id}",
      expectedCheck: "exact_id_match",
    },
    {
      rewriteRequest: (req) => {
        const last = req.segments.at(-1) ?? "";
        return last.includes("+") ? { ...req, segments: [...req.segments.slice(0, -1), last.split("+")[0]] } : req;
      },
    },
  ),
];

/** The text percent-decoded whole, or as it is where it does not decode. */
function decodedOrAsIs(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
