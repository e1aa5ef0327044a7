/**
 * Targets that make another choice the documents allow: the reference sandbox with one such
 * difference. No check may fail or error on them, and only the checks each names may warn (a
 * 4xx the doc does not list, or a departure from a fact payconform assumed). They show that the
 * checks raise no false alarm where the documents leave room.
 */
import { baseBehaviour } from "../sandboxes/index.ts";
import { credentialsMatch } from "../sandboxes/auth.ts";
import { jsonReply } from "../sandboxes/replies.ts";
import { route } from "../sandboxes/router.ts";
import { sendReply } from "../sandboxes/server.ts";
import type { ErrorKind, SandboxReply } from "../sandboxes/types.ts";
import type { HttpProvider } from "../providers.ts";
import { laggingRemove } from "./races.ts";
import { succeedingAgain, validatingFirst, withHeader } from "./request-view.ts";
import { allowed, type AllowedVariant } from "./types.ts";

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => value !== null && typeof value === "object" && !Array.isArray(value);

const yuno = baseBehaviour("yuno");
const enkash = baseBehaviour("enkash");
const juspay = baseBehaviour("juspay");
const cashfree = baseBehaviour("cashfree");

/** An errorReply step answering `kind` with `reply` and every other kind as the provider does. */
function answering(provider: HttpProvider, kind: ErrorKind, reply: (detail: string) => SandboxReply) {
  const base = baseBehaviour(provider);
  return { errorReply: (k: ErrorKind, detail: string) => (k === kind ? reply(detail) : base.errorReply(k, detail)) };
}

/** Every JSON object answer gains fields the doc does not list. */
function extraFields(provider: HttpProvider): AllowedVariant {
  return allowed(
    {
      name: `${provider}-extra-fields`,
      provider,
      choice: "adds fields the doc does not list (trace_id, _links) to every JSON body",
      documents: "no documented schema forbids additional properties",
      mayWarn: [],
    },
    { transformReply: (_req, reply) => (isObj(reply.body) ? { ...reply, body: { ...reply.body, trace_id: "tr_0001", _links: { self: { href: "/" } } } } : reply) },
  );
}

const LOWERCASE_TO_TABLE: Readonly<Record<string, string>> = { user_message: "User_message", developer_message: "Developer_message", category: "Category" };

export const ALTERNATIVES: readonly AllowedVariant[] = [
  allowed(
    {
      name: "yuno-401-for-bad-credentials",
      provider: "yuno",
      choice: "answers missing or wrong credentials with 401 instead of 400 INVALID_REQUEST",
      documents: "two security headers are required, yet no 401 is documented (a recorded contradiction); a 401 is an undocumented 4xx",
      mayWarn: ["auth_enforcement", "status_code_conformance"],
    },
    { behaviour: answering("yuno", "unauthorized", (detail) => jsonReply(401, { code: "UNAUTHORIZED", messages: [detail] })) },
  ),
  allowed(
    {
      name: "enkash-422-for-malformed-id",
      provider: "enkash",
      choice: "answers a customerId or parentCompanyId that breaks its pattern with 422 VALIDATION_ERROR instead of 400",
      documents: "422 Unprocessable Request is a documented status; which errorType goes with which status is assumed",
      mayWarn: ["error_code_conformance"],
    },
    {
      behaviour: answering("enkash", "invalidId", (detail) => {
        const reply = enkash.errorReply("invalidId", detail);
        const body = reply.body as Obj;
        return { ...reply, status: 422, body: { ...body, response_code: 422, response_message: "Unprocessable Request" } };
      }),
    },
  ),
  ...(["juspay", "yuno", "cashfree", "enkash"] as const).map(extraFields),
  allowed(
    {
      name: "juspay-first-authorization-line",
      provider: "juspay",
      choice: "of a repeated Authorization header, reads the first line only, as Node's own HTTP server does",
      documents: "the doc says nothing of repeated headers; RFC 9110 §5.3 leaves a recipient of a repeated non-list field free in what it does",
      mayWarn: [],
    },
    { behaviour: { authenticate: (req, ctx) => juspay.authenticate(Array.isArray(req.headers.authorization) ? withHeader(req, "authorization", req.headers.authorization[0]) : req, ctx) } },
  ),
  allowed(
    {
      name: "cashfree-first-secret-line",
      provider: "cashfree",
      choice: "of a repeated x-client-secret header, reads the first line only, as Go's Header.Get does",
      documents: "the doc says nothing of repeated headers; that a wrong second line spoils the request is assumed",
      mayWarn: ["auth_enforcement"],
    },
    {
      behaviour: {
        authenticate: (req, ctx) => {
          const sent = req.headers["x-client-secret"];
          return cashfree.authenticate(Array.isArray(sent) ? withHeader(req, "x-client-secret", sent[0]) : req, ctx);
        },
      },
    },
  ),
  allowed(
    {
      name: "yuno-deferred-delete",
      provider: "yuno",
      choice: "answers 202 and removes the customer a moment later, so deletes right after it still get 202",
      documents: "the documented success is 202 Accepted: the delete may take effect after the answer (RFC 9110 §15.3.3)",
      mayWarn: ["delete_semantics"],
    },
    () => ({ behaviour: { remove: laggingRemove("yuno") } }),
  ),
  allowed(
    {
      name: "juspay-error-info-as-in-the-field-table",
      provider: "juspay",
      choice: "spells error_info's fields User_message, Developer_message, Category, as the field table does, not as the samples do",
      documents: "the field table and the samples disagree (a recorded contradiction); the lowercase names and their presence are assumed",
      mayWarn: ["response_schema_conformance"],
    },
    {
      transformReply: (_req, reply) =>
        isObj(reply.body) && isObj(reply.body.error_info)
          ? { ...reply, body: { ...reply.body, error_info: Object.fromEntries(Object.entries(reply.body.error_info).map(([k, v]) => [LOWERCASE_TO_TABLE[k] ?? k, v])) } }
          : reply,
    },
  ),
  allowed(
    {
      name: "juspay-get-customer-account",
      provider: "juspay",
      choice: "answers GET on the account's path with the account (Get Customer Account), leaving it in place",
      documents: "Juspay documents Get Customer Account, a GET on the same path, on another page",
      mayWarn: [],
    },
    {
      rawResponse: (req, res, env) => {
        if (req.method !== "GET") return false;
        const match = route(env.operation, env.operation.method, req.segments);
        const ids = match.kind === "match" ? match.path : {};
        const { customer_id: customerId, customer_account_id: accountId } = ids;
        const ctx = { ...env, path: ids };
        if (!credentialsMatch(req, ctx)) sendReply(res, juspay.errorReply("unauthorized", "Invalid API Key."));
        else if (customerId === undefined || accountId === undefined || !env.store.hasAccount(customerId, accountId)) sendReply(res, juspay.errorReply("notFound", "Customer account not found."));
        else sendReply(res, jsonReply(200, { customer_account_id: accountId, customer_id: customerId, customer_account_status: "ACTIVE" }));
        return true;
      },
    },
  ),
  allowed(
    {
      name: "enkash-404-for-other-methods",
      provider: "enkash",
      choice: "answers other methods on the delete path with its 404 envelope instead of 405",
      documents: "the documents describe no other method on this path; any 4xx refuses it",
      mayWarn: [],
    },
    { rawResponse: (req, res, env) => (req.method === env.operation.method ? false : (sendReply(res, enkash.errorReply("notFound", "No handler found")), true)) },
  ),
  allowed(
    {
      name: "cashfree-no-id-format-check",
      provider: "cashfree",
      choice: "looks every customer_id up without checking a format, so a malformed one gets 404",
      documents: "Cashfree documents no customer_id format; the pattern payconform checks is assumed",
      mayWarn: ["path_pattern_enforcement"],
    },
    { behaviour: { validate: () => undefined } },
  ),
  allowed(
    {
      name: "yuno-not-found-code-from-the-schema-example",
      provider: "yuno",
      choice: "answers an unknown customer with 400 code NOT_FOUND, the schema's property example, instead of the named example's CUSTOMER_NOT_FOUND",
      documents: "the document gives both (a recorded contradiction); payconform chose CUSTOMER_NOT_FOUND, and a code no example of the status gives is a warning; a 400 without CUSTOMER_NOT_FOUND to a valid request cannot be told from a refusal",
      mayWarn: ["error_code_conformance", "delete_semantics", "positive_data_acceptance"],
    },
    { behaviour: answering("yuno", "notFound", (detail) => jsonReply(400, { code: "NOT_FOUND", messages: [detail] })) },
  ),
  allowed(
    {
      name: "yuno-anonymized-customer-deleted-again",
      provider: "yuno",
      choice: "anonymizes a deleted customer and keeps the record, so a delete of it again gets 202 again",
      documents: "the request deletes or anonymizes the customer; an anonymized customer may still be found (what a repeat delete gets is assumed)",
      mayWarn: ["delete_semantics"],
    },
    succeedingAgain("yuno"),
  ),
  allowed(
    {
      name: "juspay-account-ids-numbered-per-customer",
      provider: "juspay",
      choice: "numbers each customer's accounts from bank_0001, so two customers both have a bank_0001",
      documents: "the page deletes the account ID against the provided customer ID and nowhere says account ids are unique across customers",
      mayWarn: [],
    },
    () => {
      const issued = new Map<string, number>();
      return {
        behaviour: {
          createFixture(env, [customerId, accountId]) {
            const [customer] = juspay.createFixture(env, [customerId, "pc_placeholder"]);
            env.store.removeAccount(customer, "pc_placeholder");
            const n = (issued.get(customer) ?? 0) + 1;
            issued.set(customer, n);
            const account = accountId ?? `bank_${String(n).padStart(4, "0")}`;
            env.store.addAccount(customer, account);
            return [customer, account];
          },
        },
      };
    },
  ),
  allowed(
    {
      name: "enkash-timestamps-in-india-time",
      provider: "enkash",
      choice: "writes errorResponse.timestamp in India's time (UTC+05:30) instead of UTC",
      documents: "the page gives the form yyyy-MM-dd HH:mm:ss and no zone; EnKash is an Indian provider",
      mayWarn: [],
    },
    {
      transformReply: (_req, reply) => {
        const body = reply.body;
        const inner = isObj(body) ? body.errorResponse : undefined;
        if (!isObj(body) || !isObj(inner) || typeof inner.timestamp !== "string") return reply;
        const india = new Date(Date.parse(`${inner.timestamp.replace(" ", "T")}Z`) + 330 * 60_000).toISOString().slice(0, 19).replace("T", " ");
        return { ...reply, body: { ...body, errorResponse: { ...inner, timestamp: india } } };
      },
    },
  ),
  allowed(
    {
      name: "enkash-400-for-malformed-bearer-tokens",
      provider: "enkash",
      choice: "answers 400 VALIDATION_ERROR to a bearer token outside RFC 6750's b64token syntax (in quotes, with a space, a %, a byte outside ASCII); a well-formed wrong token still gets 401",
      documents: "the page lists 400 and 401 without saying which applies; RFC 6750 §3.1 answers a malformed request 400 (invalid_request)",
      mayWarn: ["auth_enforcement"],
    },
    {
      behaviour: {
        authenticate: (req, ctx) => {
          const value = req.headers.authorization;
          const token = typeof value === "string" && /^Bearer /i.test(value) ? value.slice(7) : undefined;
          if (token !== undefined && !/^[A-Za-z0-9\-._~+/]+=*$/.test(token)) return enkash.errorReply("invalidRequest", "The bearer token is malformed");
          return enkash.authenticate(req, ctx);
        },
      },
    },
  ),
  allowed(
    {
      name: "yuno-account-code-in-error-bodies",
      provider: "yuno",
      choice: "adds the request's x-account-code as account_id to every error body",
      documents: "x-account-code is the account_id shown in the Yuno Dashboard, a header parameter, not one of the security schemes' keys; error bodies may carry extra fields",
      mayWarn: [],
    },
    { transformReply: (req, reply) => (reply.status >= 400 && isObj(reply.body) ? { ...reply, body: { ...reply.body, account_id: String(req.headers["x-account-code"] ?? "") } } : reply) },
  ),
  allowed(
    {
      name: "cashfree-first-delete-fails-once",
      provider: "cashfree",
      choice: "answers the first delete of each customer 500 deletion_failed with Retry-After: 0 and deletes nothing; the next one succeeds",
      documents: "the doc lists 500 Customer deletion failed (deletion_failed) among the delete's answers",
      mayWarn: ["status_code_conformance", "delete_semantics"],
    },
    () => {
      const tried = new Set<string>();
      return {
        behaviour: {
          remove(req, ctx) {
            const id = ctx.path.customer_id;
            if (id === undefined || !ctx.store.hasCustomer(id) || tried.has(id)) return cashfree.remove(req, ctx);
            tried.add(id);
            return { status: 500, headers: { "retry-after": "0" }, body: { message: "Customer deletion failed due to server error", code: "deletion_failed", type: "server_error" } };
          },
        },
      };
    },
  ),
  allowed(
    {
      name: "enkash-422-for-a-parent-company-it-does-not-know",
      provider: "enkash",
      choice: "answers 422 UNPROCESSABLE_REQUEST to a well-formed parentCompanyId that names no company of the caller's",
      documents: "the page gives parentCompanyId a pattern and nothing of its meaning, and lists 422 and UNPROCESSABLE_REQUEST",
      mayWarn: ["positive_data_acceptance"],
    },
    validatingFirst("enkash", (req) => {
      const parent = req.query.get("parentCompanyId");
      return parent !== null && /^CEK[A-Z0-9]{7}$/.test(parent) ? { status: 422, body: { errorResponse: { errorMessage: "Unknown parent company", errorType: "UNPROCESSABLE_REQUEST" }, response_code: 422, response_message: "Unprocessable Request" } } : undefined;
    }),
  ),
  allowed(
    {
      name: "cashfree-sheds-load-with-503",
      provider: "cashfree",
      choice: "answers every 7th request 503 Service Unavailable with Retry-After: 0, before looking at it",
      documents: "a server shedding load may answer 503 with Retry-After to any request (RFC 9110 §15.6.4); the doc is silent on overload",
      mayWarn: ["delete_semantics"],
    },
    () => {
      let seen = 0;
      return {
        rawResponse: (_req, res) => {
          if (++seen % 7 !== 0) return false;
          res.writeHead(503, { "content-type": "application/json", "retry-after": "0" }).end(JSON.stringify({ message: "Service unavailable" }));
          return true;
        },
      };
    },
  ),
  allowed(
    {
      name: "juspay-x-routing-id-optional",
      provider: "juspay",
      choice: "goes on without an x-routing-id header, deleting the account the path names",
      documents: "the page tags x-routing-id Required of the client but describes it as a recommendation for routing and tracking; that a target refuses a request without it is assumed",
      mayWarn: ["required_header_enforcement"],
    },
    { behaviour: { validate: (req, ctx) => juspay.validate(req.headers["x-routing-id"] ? req : withHeader(req, "x-routing-id", "guest"), ctx) } },
  ),
  allowed(
    {
      name: "juspay-lookup-before-validation",
      provider: "juspay",
      choice: "looks the customer account up before it checks x-routing-id and the body, so a request breaking either for an account that does not exist gets 404",
      documents: "the page documents no 400 and no order of checks; a request breaking a rule for an existing account is still refused",
      mayWarn: ["required_header_enforcement", "required_body_enforcement"],
    },
    validatingFirst("juspay", (_req, ctx) => {
      const { customer_id: customerId, customer_account_id: accountId } = ctx.path;
      const exists = customerId !== undefined && accountId !== undefined && ctx.store.hasAccount(customerId, accountId);
      return exists ? undefined : juspay.errorReply("notFound", "Customer account not found.");
    }),
  ),
  allowed(
    {
      name: "cashfree-example-shaped-ids",
      provider: "cashfree",
      choice: "refuses with 400 invalid_customer_id every customer_id not shaped like the doc's example (cust_ and letters, digits or underscores)",
      documents: "the 400 is \"Invalid customer ID format\" but no format is documented; the pattern payconform checks is assumed, and this format fits the doc's example",
      mayWarn: ["path_pattern_enforcement", "positive_data_acceptance"],
    },
    validatingFirst("cashfree", (_req, ctx) => {
      const id = ctx.path.customer_id;
      return id !== undefined && !/^cust_[A-Za-z0-9_]{1,60}$/.test(id) ? cashfree.errorReply("invalidId", "Invalid customer ID format provided") : undefined;
    }),
  ),
  allowed(
    {
      name: "yuno-invalid-request-for-unknown-account",
      provider: "yuno",
      choice: "answers a delete through an x-account-code it never issued with 400 CUSTOMER_NOT_FOUND instead of INVALID_REQUEST",
      documents: "both are documented 400 answers; the customer does not exist for that account",
      mayWarn: [],
    },
    validatingFirst("yuno", (req, ctx) => {
      const code = req.headers["x-account-code"];
      const foreign = typeof code === "string" && ctx.checks.parameter("x-account-code", code) && code !== ctx.credentials.YUNO_ACCOUNT_CODE;
      return foreign ? yuno.errorReply("notFound", "Customer not found.") : undefined;
    }),
  ),
  allowed(
    {
      name: "juspay-errors-labelled-plaintext",
      provider: "juspay",
      choice: "sends its JSON error bodies labelled text/plain",
      documents: "the page labels its 401 and 404 samples plaintext (a recorded contradiction); application/json is assumed",
      mayWarn: ["content_type_conformance"],
    },
    { transformReply: (_req, reply) => (reply.status >= 400 && isObj(reply.body) ? { ...reply, headers: { "content-type": "text/plain" }, body: JSON.stringify(reply.body) } : reply) },
  ),
  allowed(
    {
      name: "yuno-options-answered-with-allow",
      provider: "yuno",
      choice: "answers OPTIONS on the delete path with 204 and Allow: DELETE, as CORS middleware does",
      documents: "OPTIONS asks what a path allows (RFC 9110 §9.3.7); the documents describe no other method there",
      mayWarn: [],
    },
    { rawResponse: (req, res) => (req.method === "OPTIONS" ? (res.writeHead(204, { allow: "DELETE" }).end(), true) : false) },
  ),
  allowed(
    {
      name: "enkash-redirects-unclean-paths",
      provider: "enkash",
      choice: "answers a path with an empty segment (a doubled or trailing slash) with 301 to the path cleaned of it, as Go's ServeMux does, acting on nothing",
      documents: "such a path is not the operation's; a redirect to the clean path (RFC 9110 §15.4.2) deletes nothing, and the request it leads to is checked as any other",
      mayWarn: [],
    },
    {
      rawResponse: (req, res) => {
        const path = req.rawUrl.split("?")[0];
        if (!/\/\/|.\/$/.test(path)) return false;
        res.writeHead(301, { location: path.replace(/\/{2,}/g, "/").replace(/(.)\/$/, "$1") }).end();
        return true;
      },
    },
  ),
  allowed(
    {
      name: "juspay-deleted-accounts-kept-as-deleted",
      provider: "juspay",
      choice: "keeps a deleted account with its status DELETED, so a repeat delete finds it and answers 200 DELETED again",
      documents: "the success reports customer_account_status DELETED, a status an account may keep; the page does not say what a repeat delete gets",
      mayWarn: ["delete_semantics"],
    },
    () => {
      const deleted = new Set<string>();
      return {
        behaviour: {
          remove(req, ctx) {
            const [customerId, accountId] = Object.values(ctx.path);
            const key = `${customerId}/${accountId}`;
            if (customerId !== undefined && accountId !== undefined && deleted.has(key)) return jsonReply(200, { customer_account_status: "DELETED", customer_account_id: accountId });
            const reply = juspay.remove(req, ctx);
            if (reply.status === 200) deleted.add(key);
            return reply;
          },
        },
      };
    },
  ),
  rateLimiting("enkash", 5),
  rateLimiting("juspay", 7),
];

/**
 * Every `nth` API request is answered 429 with Retry-After: 0 before any work, as a gateway's rate
 * limiter does: retried, the request is judged as any other; a race that a 429 cut into is not
 * judged (a warning of the race's check).
 */
function rateLimiting(provider: HttpProvider, nth: number): AllowedVariant {
  return allowed(
    {
      name: `${provider}-rate-limits-callers`,
      provider,
      choice: `answers every ${nth}th request 429 Too Many Requests with Retry-After: 0, before looking at it`,
      documents: "any server may answer 429 to a caller that sends too much (RFC 6585 §4); the documents are silent on rate limits",
      mayWarn: ["delete_semantics"],
    },
    // The count starts afresh with every start of the target.
    () => {
      let seen = 0;
      return {
        rawResponse: (_req, res) => {
          if (++seen % nth !== 0) return false;
          res.writeHead(429, { "content-type": "application/json", "retry-after": "0" }).end(JSON.stringify({ message: "Too many requests" }));
          return true;
        },
      };
    },
  );
}
