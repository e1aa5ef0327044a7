/**
 * Allowed ways of reading a request: which line of a repeated header counts, what other methods
 * on the path get, how strictly ids and headers are checked, and in which order.
 */
import { baseBehaviour } from "../sandboxes/index.ts";
import { credentialsMatch } from "../sandboxes/auth.ts";
import { jsonReply } from "../sandboxes/replies.ts";
import { route } from "../sandboxes/router.ts";
import { sendReply } from "../sandboxes/server.ts";
import { validatingFirst, withHeader } from "./request-view.ts";
import { allowed, type AllowedVariant } from "./types.ts";

const enkash = baseBehaviour("enkash");
const juspay = baseBehaviour("juspay");
const cashfree = baseBehaviour("cashfree");

export const REQUEST_HANDLING: readonly AllowedVariant[] = [
  allowed(
    {
      name: "cashfree-origin-allow-list",
      provider: "cashfree",
      choice: "answers 403 to a request whose Origin is not on its allow-list, before it reads the credentials",
      documents: "the doc says nothing of browsers or Origin; a CORS allow-list may refuse a foreign origin with 403 (Spring's CorsFilter does)",
      mayWarn: ["auth_enforcement", "status_code_conformance"],
    },
    {
      rawResponse: (req, res) => {
        if (req.headers.origin === undefined) return false;
        res.writeHead(403, { "content-type": "text/plain" }).end("Invalid CORS request");
        return true;
      },
    },
  ),
  allowed(
    {
      name: "cashfree-421-for-foreign-hosts",
      provider: "cashfree",
      choice: "answers 421 Misdirected Request to a request whose X-Forwarded-Host or Forwarded names a host it does not serve, before any other check",
      documents: "the doc names its servers and nothing of other hosts; RFC 9110 §15.5.20 gives 421 to a request for a host the server is not authoritative for",
      mayWarn: [],
    },
    {
      rawResponse: (req, res) => {
        const claimed = req.headers["x-forwarded-host"] ?? (/host=/.test(String(req.headers.forwarded ?? "")) ? "forwarded" : undefined);
        if (claimed === undefined) return false;
        res.writeHead(421, { "content-type": "application/json" }).end(JSON.stringify({ message: "Misdirected request", code: "misdirected_request", type: "invalid_request_error" }));
        return true;
      },
    },
  ),
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
];
