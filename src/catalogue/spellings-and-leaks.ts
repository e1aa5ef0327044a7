/**
 * Adapters that read a value in a spelling the doc does not give, answer in one it does not give,
 * or leak their internals: EnKash checking parentCompanyId after stripping invisible format
 * characters (\p{Cf}: a zero-width space after its own company passes; query_pattern_enforcement);
 * EnKash answering 406 unless Accept is exactly application/json or *\/* (an HTTP library's list
 * refused; status_code_conformance); Cashfree normalising ids with NFC (the Kelvin sign for the K
 * of its cust_K… ids), matching the cust_ prefix ignoring case, resolving a backslash in an id as
 * a Windows path (x\..\<id>) and stripping an NTFS stream name (::$DATA); Yuno letting
 * ?customerId= override the path's id and deleting the customers of a JSON body's customer_ids too
 * (exact_id_match); Yuno's not-found code with a zero-width space after it
 * (error_code_conformance); Yuno's messages naming a private upstream address and Cashfree's 400s
 * carrying a Rust panic (no_internal_leak); Juspay reading command from a request header when the
 * form lacks it (required_body_enforcement); Juspay refusing an x-routing-id outside
 * [A-Za-z0-9_]{1,64}, a guest's cart id among them (positive_data_acceptance); and EnKash's Date
 * header written as RFC 2822 in India's time, not IMF-fixdate (response_schema_conformance, a
 * warning).
 */
import { win32 } from "node:path";
import { LOWER_ALNUM, freshId, randomString } from "../sandboxes/ids.ts";
import { baseBehaviour } from "../sandboxes/index.ts";
import { header, jsonReply, plainTimestamp, requestId } from "../sandboxes/replies.ts";
import { sendReply } from "../sandboxes/server.ts";
import { resolving } from "./loose-ids.ts";
import { isObject, parentCompanyReadAs, parsedJson, readingLastId, validatingFirst, withLastId } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

type Obj = Record<string, unknown>;
const cashfree = baseBehaviour("cashfree");
const enkash = baseBehaviour("enkash");
const juspay = baseBehaviour("juspay");
const yuno = baseBehaviour("yuno");



/** The Accept values EnKash's handler compares against, as whole strings. */
const ACCEPTED = new Set(["application/json", "*/*"]);

/** The private address of the upstream service Yuno's messages name. */
const UPSTREAM = "10.42.7.19:8080";

/** What a Rust service's unwrap of a failed id parse prints. */
const RUST_PANIC = "called `Result::unwrap()` on an `Err` value: ParseError { kind: InvalidCharacter } at crates/flowwise/src/id.rs:41:22";

/** The date of `now` as RFC 2822 writes it in India's time: `Fri, 4 Dec 2026 05:59:13 +0530` (a day of one digit, a numeric zone). */
function indiaTimeRfc2822(now: number): string {
  const [weekday, day, month, year, time] = new Date(now + 330 * 60_000).toUTCString().split(" ");
  return `${weekday} ${Number(day)} ${month} ${year} ${time} +0530`;
}

export const spellingsAndLeaks: FaultyAdapter[] = [
  variant(
    {
      name: "enkash-parent-company-format-characters-stripped",
      provider: "enkash",
      departure: "strips invisible format characters (\\p{Cf}: a zero-width space, a soft hyphen) from parentCompanyId before its pattern check, so the company followed by a zero-width space passes",
      expectedCheck: "query_pattern_enforcement",
    },
    parentCompanyReadAs((value) => value.replace(/\p{Cf}/gu, "")),
  ),
  variant(
    {
      name: "enkash-406-unless-accept-exact",
      provider: "enkash",
      departure: "answers 406 Not Acceptable unless Accept is exactly application/json or */*, so a list naming JSON among others (axios's application/json, text/plain, */*) is refused",
      expectedCheck: "status_code_conformance",
    },
    {
      rawResponse: (req, res) => {
        const accept = req.headers.accept;
        if (typeof accept !== "string" || ACCEPTED.has(accept)) return false;
        const errorResponse = { errorMessage: "Could not find acceptable representation", errorType: "NOT_ACCEPTABLE", requestId: requestId(), timestamp: plainTimestamp() };
        sendReply(res, jsonReply(406, { errorResponse, response_code: 406, response_message: "Not Acceptable" }));
        return true;
      },
    },
  ),
  variant(
    {
      name: "cashfree-ids-nfc-normalised",
      provider: "cashfree",
      departure: "normalises customer_id with NFC before it checks and looks it up, so the Kelvin sign (U+212A), which NFC turns into K, names the customer with the K (its customer ids, which merchants choose, start cust_K)",
      expectedCheck: "exact_id_match",
    },
    {
      ...readingLastId((id) => id.normalize("NFC")),
      // NFC turns the Kelvin sign into a capital K, which the reference's lower-case ids never hold:
      // ids with one (customer_id is a string the merchant chooses) let the fault show.
      behaviour: { createFixture: (env, [customerId]) => cashfree.createFixture(env, [customerId ?? freshId(() => `cust_K${randomString(LOWER_ALNUM, 15)}`, (id) => env.store.hasCustomer(id))]) },
    },
  ),
  variant(
    {
      name: "cashfree-id-prefix-case-folded",
      provider: "cashfree",
      departure: "matches the cust_ prefix of customer_id ignoring case (the rest exactly), so CUST_<rest> deletes cust_<rest>",
      expectedCheck: "exact_id_match",
    },
    resolving("cashfree", (value, known) => {
      const folded = value.replace(/^cust_/i, "cust_");
      return known(folded) ? folded : undefined;
    }),
  ),
  variant(
    {
      name: "cashfree-id-resolved-as-windows-path",
      provider: "cashfree",
      departure: "resolves a customer_id holding a backslash as a Windows path before it checks and looks it up (a file-backed store), so x\\..\\<id> names <id>",
      expectedCheck: "exact_id_match",
    },
    readingLastId((id) => (id.includes("\\") ? win32.normalize(id) : undefined)),
  ),
  variant(
    {
      name: "cashfree-ntfs-stream-name-stripped",
      provider: "cashfree",
      departure: "strips ::$DATA (the name of a file's data stream, which NTFS drops) from the end of customer_id before it checks and looks it up, so <id>::$DATA names <id>",
      expectedCheck: "exact_id_match",
    },
    readingLastId((id) => id.replace(/::\$DATA$/i, "")),
  ),
  variant(
    {
      name: "yuno-camel-case-query-id-overrides-path",
      provider: "yuno",
      departure: "binds a customerId query parameter (the camelCase name) over the path's customer_id, so a delete of an id that never existed with ?customerId=<other> deletes the other",
      expectedCheck: "exact_id_match",
    },
    {
      rewriteRequest: (req) => {
        const named = req.query.get("customerId");
        return named === null ? req : withLastId(req, named);
      },
    },
  ),
  variant(
    {
      name: "yuno-json-customer-ids-deleted-too",
      provider: "yuno",
      departure: "reads a JSON DELETE body's customer_ids list (a bulk handler's) and deletes those customers too, beside the one in the path",
      expectedCheck: "exact_id_match",
    },
    {
      behaviour: {
        remove(req, ctx) {
          const reply = yuno.remove(req, ctx);
          const body = parsedJson(req.body);
          const listed = isObject(body) && Array.isArray(body.customer_ids) ? body.customer_ids : [];
          for (const id of listed) if (typeof id === "string") ctx.store.removeCustomer(id);
          return reply;
        },
      },
    },
  ),
  variant(
    {
      name: "yuno-not-found-code-with-zero-width-space",
      provider: "yuno",
      departure: "sends its not-found code as CUSTOMER_NOT_FOUND followed by a zero-width space (U+200B, left by a copy from a rich-text document), which clients comparing codes exactly do not match",
      expectedCheck: "error_code_conformance",
    },
    {
      behaviour: {
        errorReply: (kind, detail) => {
          const reply = yuno.errorReply(kind, detail);
          return kind === "notFound" ? { ...reply, body: { ...(reply.body as Obj), code: "CUSTOMER_NOT_FOUND\u200b" } } : reply;
        },
      },
    },
  ),
  variant(
    {
      name: "yuno-messages-name-upstream-address",
      provider: "yuno",
      departure: `names the private address of the upstream customer service (${UPSTREAM}) in its error messages`,
      expectedCheck: "no_internal_leak",
    },
    {
      behaviour: {
        errorReply: (kind, detail) => yuno.errorReply(kind, `${detail} (upstream customers-svc at ${UPSTREAM})`),
      },
    },
  ),
  variant(
    {
      name: "cashfree-rust-panic-in-debug-field",
      provider: "cashfree",
      departure: "adds to its 400 bodies a debug field holding the Rust panic of the failed id parse (called `Result::unwrap()` on an `Err` value … at crates/flowwise/src/id.rs:41:22)",
      expectedCheck: "no_internal_leak",
    },
    {
      behaviour: {
        errorReply: (kind, detail) => {
          const reply = cashfree.errorReply(kind, detail);
          return reply.status === 400 ? { ...reply, body: { ...(reply.body as Obj), debug: RUST_PANIC } } : reply;
        },
      },
    },
  ),
  variant(
    {
      name: "juspay-command-from-header",
      provider: "juspay",
      departure: "reads the required form field command from a request header of that name when the body lacks it (a binder reading parameters from anywhere), so a request with no command in its body deletes",
      expectedCheck: "required_body_enforcement",
    },
    {
      rewriteRequest: (req) => {
        const command = header(req, "command");
        if (command === undefined || new URLSearchParams(req.body).has("command")) return req;
        return { ...req, body: [req.body, new URLSearchParams({ command }).toString()].filter(Boolean).join("&") };
      },
    },
  ),
  variant(
    {
      name: "juspay-routing-id-word-characters-only",
      provider: "juspay",
      departure: "refuses with 400 an x-routing-id outside ^[A-Za-z0-9_]{1,64}$, although the doc allows an order or cart id for guests, so a cart id like gid://shop/Cart/… is refused",
      expectedCheck: "positive_data_acceptance",
    },
    validatingFirst("juspay", (req, ctx) => {
      const routing = header(req, "x-routing-id");
      return routing !== undefined && !/^[A-Za-z0-9_]{1,64}$/.test(routing) ? ctx.behaviour.errorReply("invalidRequest", "x-routing-id is not valid.") : undefined;
    }),
  ),
  variant(
    {
      name: "enkash-date-not-imf-fixdate",
      provider: "enkash",
      departure: "writes its Date header as RFC 2822 in India's time (Fri, 4 Dec 2026 05:59:13 +0530), the right moment but not the IMF-fixdate HTTP requires (a warning, so judged with --strict)",
      expectedCheck: "response_schema_conformance",
      runOptions: { strict: true },
    },
    { transformReply: (_req, reply) => ({ ...reply, headers: { ...reply.headers, date: indiaTimeRfc2822(Date.now()) } }) },
  ),
];
