/**
 * Adapters that let a request through in a form their guard does not expect: a request target in
 * absolute form, `;x` after the path's first segment, a Basic pair split on every colon, a token
 * checked only for its form, a base64-encoded secret decoded and compared again, a GET that
 * answers the record without a token (auth_enforcement); `-` read as any customer
 * (ownership_enforcement); an id whose prefix is added when missing, or cut at a four-byte
 * character (exact_id_match); an id pattern that backtracks on a long valid run followed by an
 * invalid character (not_a_server_error: the request times out).
 */
import { answer } from "../sandboxes/pipeline.ts";
import { baseBehaviour } from "../sandboxes/index.ts";
import { sendReply } from "../sandboxes/server.ts";
import type { SandboxRequest } from "../sandboxes/types.ts";
import { resolving } from "./loose-ids.ts";
import { juspayKnowingOwners, lastId, readingLastId, withHeader, withValidCredentials } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

const juspay = baseBehaviour("juspay");

/** A Basic header of `user:password`. */
const basic = (pair: string): string => `Basic ${Buffer.from(pair).toString("base64")}`;

/** The character class of each character: what a check of a token's form alone compares. */
const form = (token: string): string => token.replace(/[0-9]/g, "9").replace(/[a-f]/g, "x").replace(/[g-z]/g, "l").replace(/[A-Z]/g, "U");

export const requestForms: FaultyAdapter[] = [
  variant(
    {
      name: "juspay-absolute-form-skips-auth",
      provider: "juspay",
      departure: "checks credentials only for request targets that start with /, while its router also takes one in absolute form (http://host/path), so such a request deletes without them",
      expectedCheck: "auth_enforcement",
    },
    {
      rawResponse: (req, res, env) => {
        if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(res.req.url ?? "")) return false;
        sendReply(res, answer(withValidCredentials(req, env), env));
        return true;
      },
    },
  ),
  variant(
    {
      name: "enkash-path-parameter-skips-auth",
      provider: "enkash",
      departure: "guards the path prefix as written while its router drops ;parameters from every segment, so /api;x/v0/customer/{id} deletes without a token",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req, env) => {
        if (!req.segments.slice(0, -1).some((segment) => segment.includes(";"))) return req;
        const stripped = { ...req, segments: req.segments.map((segment, i) => (i < req.segments.length - 1 ? segment.split(";")[0] : segment)) };
        return withValidCredentials(stripped, env);
      },
    },
  ),
  variant(
    {
      name: "juspay-basic-split-on-colons",
      provider: "juspay",
      departure: "splits the decoded Basic pair on every colon and keeps the first two pieces, so key::x passes for key:",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req) => {
        const value = String(req.headers.authorization ?? "");
        if (!value.startsWith("Basic ")) return req;
        const [user, password = ""] = Buffer.from(value.slice(6), "base64").toString("utf8").split(":");
        return withHeader(req, "authorization", basic(`${user}:${password}`));
      },
    },
  ),
  variant(
    {
      name: "enkash-token-form-only",
      provider: "enkash",
      departure: "accepts any bearer token of the issued one's form (its length and the kind of each character), not only the issued one",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req, env) => {
        const valid = env.credentials.ENKASH_ACCESS_TOKEN ?? "";
        const sent = String(req.headers.authorization ?? "").replace(/^Bearer /, "");
        return sent !== valid && sent.length === valid.length && form(sent) === form(valid) ? withHeader(req, "authorization", `Bearer ${valid}`) : req;
      },
    },
  ),
  variant(
    {
      name: "cashfree-secret-base64-decoded",
      provider: "cashfree",
      departure: "decodes an x-client-secret that reads as base64 and compares it again, so base64(secret) authenticates",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req) => {
        const sent = req.headers["x-client-secret"];
        if (typeof sent !== "string" || !/^[A-Za-z0-9+/]+={0,2}$/.test(sent) || sent.length % 4 !== 0) return req;
        return withHeader(req, "x-client-secret", Buffer.from(sent, "base64").toString("utf8"));
      },
    },
  ),
  variant(
    {
      name: "enkash-get-answers-without-token",
      provider: "enkash",
      departure: "guards only DELETE: a GET on the path without a token answers 200 with the customer's record",
      expectedCheck: "auth_enforcement",
    },
    {
      rawResponse: (req: SandboxRequest, res, env) => {
        const id = lastId(req);
        if (req.method !== "GET" || id === undefined || !env.store.hasCustomer(id)) return false;
        sendReply(res, { status: 200, body: { payload: JSON.stringify({ customerId: id, email: "priya@example.com", phone: "+919800000000" }), response_code: 0, response_message: "OK" } });
        return true;
      },
    },
  ),
  variant(
    {
      name: "juspay-dash-means-any-customer",
      provider: "juspay",
      departure: "reads the customer_id - as any customer (AIP-159's wildcard), so /customers/-/customer-accounts/{account} deletes another customer's account",
      expectedCheck: "ownership_enforcement",
    },
    juspayKnowingOwners((req, ctx, owner) => {
      const { customer_id: customerId, customer_account_id: accountId = "" } = ctx.path;
      return juspay.remove(req, customerId === "-" && owner ? { ...ctx, path: { customer_id: owner, customer_account_id: accountId } } : ctx);
    }),
  ),
  variant(
    {
      name: "cashfree-id-prefix-added",
      provider: "cashfree",
      departure: "adds a missing prefix before the lookup, so <hex> deletes cust_<hex>",
      expectedCheck: "exact_id_match",
    },
    resolving("cashfree", (value, known) => (!known(value) && known(`cust_${value}`) ? `cust_${value}` : undefined)),
  ),
  variant(
    {
      name: "cashfree-id-cut-at-astral",
      provider: "cashfree",
      departure: "stores ids in a three-byte UTF-8 column that cuts them at the first four-byte character, so <id>😀 deletes <id>",
      expectedCheck: "exact_id_match",
    },
    // Where the id is stored, before any format check.
    readingLastId((id, env) => {
      const cut = id.replace(/[\u{10000}-\u{10ffff}][^]*$/u, "");
      return env.store.hasCustomer(cut) ? cut : undefined;
    }),
  ),
  variant(
    {
      name: "cashfree-id-pattern-backtracks",
      provider: "cashfree",
      departure: "checks customer_id with a backtracking pattern (/^([a-z0-9]+[_.-]?)+$/), so a long run of letters followed by ! keeps it busy past any timeout (shown here by never answering such an id)",
      expectedCheck: "not_a_server_error",
      runOptions: { timeoutMs: 1000 },
    },
    // The segment as sent: a run of 30 letters or digits, then a character the pattern refuses.
    { rawResponse: (req) => /[A-Za-z0-9]{30,}(?:%[0-9A-F]{2}|[^A-Za-z0-9_.\-%])/i.test(req.segments.at(-1) ?? "") },
  ),
];
