/**
 * Adapters that read an id, a query value or a body more loosely than the doc, or answer in a way
 * it does not give: Cashfree looking ids up with the part after the last `_` lower-cased, cut to
 * the length of the ids it issues (a VARCHAR column), or with trailing separators stripped and
 * doubled ones collapsed; EnKash finding its id pattern with the multiline flag and taking the
 * match, taking the last segment of any path under /api/v0/customer/, and a form body's customerId
 * over the path's; Yuno forcing a UUID's version and variant (Python's `UUID(s, version=4)`),
 * taking `urn:uuid:<id>` for the id, and running a request written in a DELETE's body (request
 * smuggling, emulated) (exact_id_match); EnKash checking parentCompanyId after a second
 * percent-decoding or after NFKC (query_pattern_enforcement); Juspay stripping trailing CR/LF from
 * command, removing format characters (\p{Cf}) from form values, decoding them twice, answering a
 * bad body or a missing x-routing-id 401 Invalid API Key (required_body_enforcement), and reading
 * a non-form body as JSON (the same, assumed); Juspay carrying out a GET with ?command=delete
 * (unsupported_method); Juspay telling a crossed account from an unknown one (a warning) and Yuno
 * naming the owning account in a refusal (ownership_enforcement); Cashfree's errors as text/plain
 * without an Accept header (content_type_conformance) and Juspay's 406 then
 * (status_code_conformance); Yuno's `message` for `messages` (response_schema_conformance, a
 * warning); and Cashfree's SQL in a Server-Timing trailer (no_internal_leak).
 */
import { accountHeadersMatch } from "../sandboxes/auth.ts";
import { baseBehaviour, sandboxBasePath } from "../sandboxes/index.ts";
import { answer } from "../sandboxes/pipeline.ts";
import { badRequiredHeader, jsonReply, mediaType } from "../sandboxes/replies.ts";
import { encodeBody, sendReply } from "../sandboxes/server.ts";
import type { SandboxOptions, SandboxReply, SandboxRequest } from "../sandboxes/types.ts";
import { resolving } from "./loose-ids.ts";
import { decoded, isObject, juspayKnowingOwners, parentCompanyReadAs, parsedJson, readingLastId, withHeader, withLastId } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

type Obj = Record<string, unknown>;
const enkash = baseBehaviour("enkash");
const juspay = baseBehaviour("juspay");
const yuno = baseBehaviour("yuno");

/** The length of the ids Cashfree's sandbox issues (cust_ and 16 characters): the column they are kept in. */
const CASHFREE_ID_COLUMN = 21;
const FORM = "application/x-www-form-urlencoded";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;



/** A UUID with its version forced to 4 and its variant to RFC 9562's (10xx), as Python's UUID(s, version=4) does; the case kept. */
function forcedVersion4(id: string): string | undefined {
  if (!UUID.test(id)) return undefined;
  const variantDigit = ((Number.parseInt(id[19], 16) & 0x3) | 0x8).toString(16);
  return `${id.slice(0, 14)}4${id.slice(15, 19)}${variantDigit}${id.slice(20)}`;
}

/** One form pair with its value read as `read` turns it (only field `only`, where named); as written where it does not decode or `read` leaves it alone. */
function pairRead(pair: string, read: (value: string) => string, only?: string): string {
  const at = pair.indexOf("=");
  const name = at < 0 ? undefined : decoded(pair.slice(0, at).replace(/\+/g, " "));
  const value = at < 0 ? undefined : decoded(pair.slice(at + 1).replace(/\+/g, " "));
  if (name === undefined || value === undefined || (only !== undefined && name !== only)) return pair;
  const next = read(value);
  return next === value ? pair : `${pair.slice(0, at)}=${encodeURIComponent(next)}`;
}

/** Juspay reading its form's values (field `only`'s, where named) as `read` turns them before it compares them; every other pair as written. */
function formValuesRead(read: (value: string) => string, only?: string): SandboxOptions {
  return { rewriteRequest: (req) => ({ ...req, body: req.body.split("&").map((pair) => pairRead(pair, read, only)).join("&") }) };
}

/** Juspay answering a delete of another customer's account as `crossed` says; every other as it does. */
function juspayCrossed(crossed: () => SandboxReply): () => SandboxOptions {
  return juspayKnowingOwners((req, ctx, owner) => {
    const { customer_id: customerId, customer_account_id: accountId = "" } = ctx.path;
    return owner !== undefined && owner !== customerId && ctx.store.hasAccount(owner, accountId) ? crossed() : juspay.remove(req, ctx);
  });
}

/** The HTTP/1.x request written out in `body` (request line, header lines, an empty line), as a sandbox request under `basePath`; undefined where the body is none. */
function requestIn(body: string, basePath: string): SandboxRequest | undefined {
  const end = body.indexOf("\r\n\r\n");
  const [line = "", ...fields] = end < 0 ? [] : body.slice(0, end).split("\r\n");
  const [, method, target] = /^([A-Z]+) (\/\S*) HTTP\/1\.[01]$/.exec(line) ?? [];
  if (method === undefined || target === undefined) return undefined;
  const at = target.indexOf("?");
  const path = at < 0 ? target : target.slice(0, at);
  if (!path.startsWith(`${basePath}/`)) return undefined;
  const headers = Object.fromEntries(fields.filter((field) => field.includes(":")).map((field) => [field.slice(0, field.indexOf(":")).trim().toLowerCase(), field.slice(field.indexOf(":") + 1).trim()]));
  return { method, rawUrl: target, segments: path.slice(basePath.length).split("/").slice(1), query: new URLSearchParams(at < 0 ? "" : target.slice(at + 1)), headers, body: body.slice(end + 4) };
}

export const bodiesIdsAndAnswers: FaultyAdapter[] = [
  variant(
    { name: "cashfree-id-tail-lower-cased", provider: "cashfree", departure: "lower-cases the part of customer_id after its last _ before the lookup, so cust_<TAIL> deletes cust_<tail>", expectedCheck: "exact_id_match" },
    resolving("cashfree", (value) => {
      const tail = value.lastIndexOf("_") + 1;
      return tail === 0 ? undefined : value.slice(0, tail) + value.slice(tail).toLowerCase();
    }),
  ),
  variant(
    { name: "cashfree-id-cut-to-column-length", provider: "cashfree", departure: `keeps ids in a column of ${CASHFREE_ID_COLUMN} characters, the length of those it issues, which cuts a longer one silently (VARCHAR), so <id>0 deletes <id>`, expectedCheck: "exact_id_match" },
    resolving("cashfree", (value) => value.slice(0, CASHFREE_ID_COLUMN)),
  ),
  variant(
    { name: "cashfree-id-separators-tidied", provider: "cashfree", departure: "strips trailing _ and - from customer_id and collapses doubled ones before the lookup (a slug), so <id>_ and cust__<tail> delete <id>", expectedCheck: "exact_id_match" },
    resolving("cashfree", (value) => value.replace(/([_-])[_-]+/g, "$1").replace(/[_-]+$/, "")),
  ),
  variant(
    { name: "enkash-id-pattern-multiline", provider: "enkash", departure: "finds customerId's pattern with the multiline flag and takes the match for the id, so x\\nKC… or KC…\\n (a line before or after the id) deletes KC…", expectedCheck: "exact_id_match" },
    readingLastId((id, env) => {
      const pattern = env.operation.parameters.find((p) => p.in === "path")?.schema.pattern;
      return typeof pattern === "string" ? new RegExp(pattern, "mu").exec(id)?.[0] : undefined;
    }),
  ),
  variant(
    { name: "yuno-id-forced-to-uuid-version-4", provider: "yuno", departure: "parses customer_id as Python's UUID(s, version=4) does, which overwrites its version and variant digits, so the id with another version and variant deletes the id", expectedCheck: "exact_id_match" },
    resolving("yuno", (value) => forcedVersion4(value)),
  ),
  variant(
    { name: "yuno-id-urn-accepted", provider: "yuno", departure: "takes urn:uuid:<id> for <id> (a UUID parser that reads the URN form) before the lookup", expectedCheck: "exact_id_match" },
    resolving("yuno", (value) => (/^urn:uuid:/i.test(value) ? value.slice(9) : undefined)),
  ),
  variant(
    { name: "enkash-id-from-any-depth", provider: "enkash", departure: "routes every path under /api/v0/customer/ to the delete and takes its last segment for the id, so /api/v0/customer/x/KC… deletes KC…", expectedCheck: "exact_id_match" },
    {
      rewriteRequest: (req, env) => {
        const prefix = env.operation.path.split("/").slice(1, -1);
        const under = req.segments.length > prefix.length + 1 && prefix.every((segment, i) => decoded(req.segments[i]) === segment);
        return under ? { ...req, segments: [...req.segments.slice(0, prefix.length), req.segments.at(-1) ?? ""] } : req;
      },
    },
  ),
  variant(
    { name: "enkash-form-customer-id-over-path", provider: "enkash", departure: "binds a form body's customerId over the path's (a form binder merging fields into the path variables), so a delete with customerId=<other> deletes the other", expectedCheck: "exact_id_match" },
    {
      rewriteRequest: (req) => {
        const id = mediaType(req) === FORM ? new URLSearchParams(req.body).get("customerId") : null;
        return id === null ? req : withLastId(req, id);
      },
    },
  ),
  variant(
    {
      name: "yuno-delete-body-left-unread",
      provider: "yuno",
      departure: "leaves a DELETE's body unread, so a body that is a whole HTTP request is run as the next request on the connection (request smuggling; emulated: the sandbox server reads every body, so the adapter runs the request it holds after answering, and drops that answer)",
      expectedCheck: "exact_id_match",
    },
    {
      rawResponse: (req, res, env) => {
        const inner = req.method === "DELETE" ? requestIn(req.body, sandboxBasePath(env.provider)) : undefined;
        if (!inner) return false;
        sendReply(res, answer({ ...req, body: "" }, env));
        answer(inner, env);
        return true;
      },
    },
  ),
  variant(
    { name: "enkash-parent-company-decoded-twice", provider: "enkash", departure: "percent-decodes parentCompanyId a second time before it checks its pattern, so %2543EK… (%43EK… once decoded) is accepted", expectedCheck: "query_pattern_enforcement" },
    parentCompanyReadAs((value) => decoded(value) ?? value),
  ),
  variant(
    { name: "enkash-parent-company-nfkc", provider: "enkash", departure: "normalises parentCompanyId with NFKC before it checks its pattern, so a fullwidth Ｃ (ＣEK…) is accepted", expectedCheck: "query_pattern_enforcement" },
    parentCompanyReadAs((value) => value.normalize("NFKC")),
  ),
  variant(
    { name: "juspay-command-line-end-stripped", provider: "juspay", departure: "strips trailing CR and LF from the command value before comparing it (a chomp), so command=delete%0A deletes", expectedCheck: "required_body_enforcement" },
    formValuesRead((value) => value.replace(/[\r\n]+$/, ""), "command"),
  ),
  variant(
    { name: "juspay-format-characters-removed", provider: "juspay", departure: "removes format characters (\\p{Cf}: soft hyphen, zero-width space) from form values before comparing them, so dele\\u00adte deletes", expectedCheck: "required_body_enforcement" },
    formValuesRead((value) => value.replace(/\p{Cf}/gu, "")),
  ),
  variant(
    { name: "juspay-form-values-decoded-twice", provider: "juspay", departure: "percent-decodes form values a second time, so command=%2564elete (%64elete once decoded) deletes", expectedCheck: "required_body_enforcement" },
    formValuesRead((value) => decoded(value) ?? value),
  ),
  variant(
    {
      name: "juspay-other-bodies-read-as-json",
      provider: "juspay",
      departure: "parses a body under any Content-Type but the form's as JSON, so {\"command\":\"delete\"} labelled text/plain (a request a browser sends cross-origin without a preflight) deletes (the media type check is assumed, so judged with --strict)",
      expectedCheck: "required_body_enforcement",
      runOptions: { strict: true },
    },
    {
      rewriteRequest: (req) => {
        const fields = mediaType(req) === "" || mediaType(req) === FORM ? undefined : parsedJson(req.body);
        if (!isObject(fields)) return req;
        const form = new URLSearchParams(Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
        return withHeader({ ...req, body: form.toString() }, "content-type", FORM);
      },
    },
  ),
  variant(
    { name: "juspay-bad-body-answered-401", provider: "juspay", departure: "answers a request with valid credentials but a bad body (command=remove) or no x-routing-id 401 Invalid API Key, which tells the caller its key is wrong", expectedCheck: "required_body_enforcement" },
    { behaviour: { validate: (req, ctx) => juspay.validate(req, ctx) && ctx.behaviour.errorReply("unauthorized", "Invalid API Key. Please pass a valid and active api key.") } },
  ),
  variant(
    { name: "juspay-get-with-command-deletes", provider: "juspay", departure: "binds a GET's query to the form, so GET on the account's path with ?command=delete deletes it", expectedCheck: "unsupported_method" },
    {
      rewriteRequest: (req, env) => {
        const command = req.method === "GET" ? req.query.get("command") : null;
        return command === null ? req : withHeader({ ...req, method: env.operation.method, body: new URLSearchParams({ command }).toString() }, "content-type", FORM);
      },
    },
  ),
  variant(
    {
      name: "juspay-crossed-account-told-apart",
      provider: "juspay",
      departure: "refuses an account under another customer with 404 Customer account is linked to a different customer., and an unknown one with Customer account not found., telling a caller which accounts exist (an existence oracle; a warning, so judged with --strict)",
      expectedCheck: "ownership_enforcement",
      runOptions: { strict: true },
    },
    juspayCrossed(() => juspay.errorReply("notFound", "Customer account is linked to a different customer.")),
  ),
  variant(
    { name: "yuno-refusal-names-the-owning-account", provider: "yuno", departure: "refuses a delete under another account's x-account-code with a message naming the account code the customer belongs to (OWASP API3)", expectedCheck: "ownership_enforcement" },
    {
      behaviour: {
        validate: (req, ctx) => {
          const refused = yuno.validate(req, ctx);
          const foreign = refused !== undefined && badRequiredHeader(req, ctx) === undefined && !accountHeadersMatch(req, ctx) && ctx.store.hasCustomer(ctx.path.customer_id ?? "");
          return foreign ? ctx.behaviour.errorReply("invalidRequest", `Customer belongs to account ${ctx.credentials.YUNO_ACCOUNT_CODE}.`) : refused;
        },
      },
    },
  ),
  variant(
    { name: "cashfree-errors-as-text-without-accept", provider: "cashfree", departure: "sends its JSON error bodies labelled text/plain to a request with no Accept header", expectedCheck: "content_type_conformance" },
    { transformReply: (req, reply) => (req.headers.accept === undefined && reply.status >= 400 && isObject(reply.body) ? { ...reply, headers: { ...reply.headers, "content-type": "text/plain" }, body: JSON.stringify(reply.body) } : reply) },
  ),
  variant(
    { name: "juspay-406-without-accept", provider: "juspay", departure: "answers a request with no Accept header 406 Not Acceptable, though no Accept means any media type (RFC 9110 §12.5.1)", expectedCheck: "status_code_conformance" },
    {
      rawResponse: (req, res) => {
        if (req.headers.accept !== undefined) return false;
        sendReply(res, jsonReply(406, { status: "error", error_code: "not_acceptable", error_message: "Not Acceptable" }));
        return true;
      },
    },
  ),
  variant(
    {
      name: "yuno-error-message-not-messages",
      provider: "yuno",
      departure: "puts its error text in message, a string, where the doc gives messages, a list of strings (a renamed field: a warning, so judged with --strict)",
      expectedCheck: "response_schema_conformance",
      runOptions: { strict: true },
    },
    {
      behaviour: {
        errorReply: (kind, detail) => {
          const reply = yuno.errorReply(kind, detail);
          const { messages: _messages, ...body } = reply.body as Obj;
          return { ...reply, body: { ...body, message: detail } };
        },
      },
    },
  ),
  variant(
    { name: "cashfree-sql-in-server-timing-trailer", provider: "cashfree", departure: "sends its 4xx answers chunked, with the SQL statement it ran in a Server-Timing trailer field after the body", expectedCheck: "no_internal_leak" },
    {
      rawResponse: (req, res, env) => {
        const reply = answer(req, env);
        // Trailers need a chunked body: not for HTTP/1.0 or HEAD, nor outside the 4xx.
        if (reply.status < 400 || reply.status >= 500 || req.httpVersion === "1.0" || req.method === "HEAD") {
          sendReply(res, reply);
          return true;
        }
        const headers: Record<string, string> = Object.fromEntries(Object.entries(reply.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
        const payload = encodeBody(reply.body, headers);
        res.writeHead(reply.status, { ...headers, trailer: "Server-Timing" });
        res.write(payload ?? "");
        res.addTrailers({ "server-timing": 'db;dur=0.38;desc="SELECT * FROM customers WHERE customer_id = $1"' });
        res.end();
        return true;
      },
    },
  ),
];
