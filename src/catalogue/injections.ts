/**
 * Adapters that hand a request's values to something that reads them as more than a value: an id
 * put into a regular expression, into SQL by concatenation, read as a comma-separated list or
 * looked up in a plain JavaScript object, ids keyed joined, one store for customers and accounts,
 * overlong UTF-8 decoded (exact_id_match, delete_semantics); a form field read from the query
 * string when the body lacks it, a form body split on `;`, a value trimmed or folded by NFKC
 * before the comparison (required_body_enforcement); an id found by suffix, trailing dots stripped
 * (exact_id_match); a bearer token whose scheme
 * word is stripped when present instead of required (auth_enforcement); a JSONP callback parameter
 * that turns the answer into a script (content_type_conformance).
 */
import { baseBehaviour } from "../sandboxes/index.ts";
import { jsonReply } from "../sandboxes/replies.ts";
import { resolving } from "./loose-ids.ts";
import { readingLastId, withHeader } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

const cashfree = baseBehaviour("cashfree");
const juspay = baseBehaviour("juspay");

export const injections: FaultyAdapter[] = [
  variant(
    {
      name: "juspay-account-id-as-regex",
      provider: "juspay",
      departure: "finds the customer account with the id as an anchored regular expression (a $regex query), so the id with a . for its last character deletes the account",
      expectedCheck: "exact_id_match",
    },
    resolving("juspay", (value, known, all) => {
      if (known(value)) return value;
      try {
        const pattern = new RegExp(`^${value}$`);
        return all().find((id) => pattern.test(id));
      } catch {
        return undefined;
      }
    }),
  ),
  variant(
    {
      name: "yuno-id-concatenated-into-sql",
      provider: "yuno",
      departure: "builds its lookup as WHERE id = '<customer_id>' by concatenation, so <id>'-- comments out the rest of the query and deletes <id>",
      expectedCheck: "exact_id_match",
    },
    resolving("yuno", (value) => /^([^']*)'--/.exec(value)?.[1]),
  ),
  variant(
    {
      name: "cashfree-id-read-as-list",
      provider: "cashfree",
      departure: "reads customer_id as a comma-separated list of ids and deletes each one that exists, so x,<id> and <id>,x delete <id>",
      expectedCheck: "exact_id_match",
    },
    // Before validation too: the list is split where the id is read.
    readingLastId((id, env) => id.split(",").find((listed) => listed !== id && env.store.hasCustomer(listed))),
  ),
  variant(
    {
      name: "cashfree-records-in-plain-object",
      provider: "cashfree",
      departure: "keeps customers in a plain object, so constructor, __proto__ and toString are found on it and their delete answers 204",
      expectedCheck: "delete_semantics",
    },
    {
      behaviour: {
        remove: (req, ctx) => (ctx.path.customer_id !== undefined && ctx.path.customer_id in Object.prototype ? { status: 204 } : cashfree.remove(req, ctx)),
      },
    },
  ),
  variant(
    {
      name: "juspay-command-from-query",
      provider: "juspay",
      departure: "reads command from the query string when the form body lacks it (a framework merging request parameters), so ?command=delete with no body deletes",
      expectedCheck: "required_body_enforcement",
    },
    {
      rewriteRequest: (req) => {
        const command = req.query.get("command");
        if (command === null || new URLSearchParams(req.body).has("command")) return req;
        return { ...req, body: [req.body, new URLSearchParams({ command }).toString()].filter(Boolean).join("&") };
      },
    },
  ),
  variant(
    {
      name: "enkash-bearer-word-optional",
      provider: "enkash",
      departure: "strips \"Bearer \" from Authorization when it is there instead of requiring it, so the bare token is accepted",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req) => {
        const value = req.headers.authorization;
        return typeof value === "string" && value !== "" && !/^\S+ /.test(value) ? withHeader(req, "authorization", `Bearer ${value}`) : req;
      },
    },
  ),
  variant(
    {
      name: "enkash-jsonp-callback",
      provider: "enkash",
      departure: "wraps its answer in a call to the function named by ?callback= and labels it text/javascript (JSONP), a script any page can include",
      expectedCheck: "content_type_conformance",
    },
    {
      transformReply: (req, reply) => {
        const callback = req.query.get("callback");
        if (callback === null || reply.body === undefined) return reply;
        return { ...reply, headers: { ...reply.headers, "content-type": "text/javascript; charset=utf-8" }, body: `/**/ typeof ${callback} === 'function' && ${callback}(${JSON.stringify(reply.body)});` };
      },
    },
  ),
  variant(
    {
      name: "juspay-accounts-keyed-by-joined-ids",
      provider: "juspay",
      departure: "keys accounts on customer_id and customer_account_id joined by _, so /customers/cst_a_bank/customer-accounts/def deletes the account bank_def of cst_a",
      expectedCheck: "exact_id_match",
    },
    () => {
      const pairs = new Map<string, [string, string]>();
      return {
        behaviour: {
          createFixture(env, requested) {
            const [customer, account] = juspay.createFixture(env, requested);
            pairs.set(`${customer}_${account}`, [customer, account]);
            return [customer, account];
          },
          remove(req, ctx) {
            const pair = pairs.get(`${ctx.path.customer_id ?? ""}_${ctx.path.customer_account_id ?? ""}`);
            return juspay.remove(req, pair ? { ...ctx, path: { customer_id: pair[0], customer_account_id: pair[1] } } : ctx);
          },
        },
      };
    },
  ),
  variant(
    {
      name: "juspay-one-store-for-customers-and-accounts",
      provider: "juspay",
      departure: "looks customer_account_id up in one store with the customers, so an account id that is a customer's id deletes that customer and its accounts",
      expectedCheck: "exact_id_match",
    },
    {
      behaviour: {
        remove(req, ctx) {
          const { customer_id: customerId, customer_account_id: accountId } = ctx.path;
          if (accountId === undefined || accountId !== customerId || !ctx.store.hasCustomer(accountId)) return juspay.remove(req, ctx);
          ctx.store.removeCustomer(accountId);
          return jsonReply(200, { customer_account_id: accountId, customer_account_status: "DELETED" });
        },
      },
    },
  ),
  variant(
    {
      name: "juspay-form-split-on-semicolon",
      provider: "juspay",
      departure: "parses its form body splitting on ; as well as & (a CGI-style parser), so command=delete;x=1 deletes",
      expectedCheck: "required_body_enforcement",
    },
    { rewriteRequest: (req) => ({ ...req, body: req.body.replace(/;/g, "&") }) },
  ),
  variant(
    {
      name: "cashfree-overlong-utf8-decoded",
      provider: "cashfree",
      departure: "decodes overlong two-byte UTF-8 forms in the path (%C1%A1 as a), so a spelling of the id no strict decoder reads deletes it",
      expectedCheck: "exact_id_match",
    },
    {
      rewriteRequest: (req) => ({
        ...req,
        segments: req.segments.map((segment) => segment.replace(/%C([01])%([89AB][0-9A-F])/gi, (_m, high: string, low: string) => encodeURIComponent(String.fromCharCode(((Number(high) << 6) | (parseInt(low, 16) & 0x3f)))))),
      }),
    },
  ),
  variant(
    {
      name: "juspay-command-trimmed",
      provider: "juspay",
      departure: "trims the command value before comparing it, so command=\"delete \" deletes",
      expectedCheck: "required_body_enforcement",
    },
    { rewriteRequest: (req) => ({ ...req, body: formWith(req.body, "command", (value) => value.trim()) }) },
  ),
  variant(
    {
      name: "juspay-command-nfkc",
      provider: "juspay",
      departure: "folds the command value with NFKC before comparing it, so a fullwidth ｄｅｌｅｔｅ deletes",
      expectedCheck: "required_body_enforcement",
    },
    { rewriteRequest: (req) => ({ ...req, body: formWith(req.body, "command", (value) => value.normalize("NFKC")) }) },
  ),
  variant(
    {
      name: "yuno-id-suffix-match",
      provider: "yuno",
      departure: "also finds a customer whose id ends with the one given (LIKE '%' || ?), so the id without its first character deletes the customer",
      expectedCheck: "exact_id_match",
    },
    resolving("yuno", (value, known, all) => (known(value) || value.length < 8 ? undefined : all().find((id) => id.endsWith(value)))),
  ),
  variant(
    {
      name: "yuno-trailing-dots-stripped",
      provider: "yuno",
      departure: "strips trailing dots from the last path segment (Windows-style normalisation), so <id>. deletes <id>",
      expectedCheck: "exact_id_match",
    },
    { rewriteRequest: (req) => ({ ...req, segments: req.segments.map((segment, i) => (i === req.segments.length - 1 ? segment.replace(/\.+$/, "") : segment)) }) },
  ),
];

/** A form body with `field`'s value rewritten; other fields and a body without the field as they are. */
function formWith(body: string, field: string, rewrite: (value: string) => string): string {
  const form = new URLSearchParams(body);
  const value = form.get(field);
  if (value === null) return body;
  form.set(field, rewrite(value));
  return form.toString();
}
