/**
 * Adapters that validate more strictly than the documents say: a value that fits every
 * documented constraint is rejected as invalid. Caught by positive_data_acceptance. Cashfree's id
 * pattern is assumed, so its adapter is judged with --strict (an assumed finding is a warning).
 */
import { baseBehaviour } from "../sandboxes/index.ts";
import type { ProviderBehaviour, SandboxContext, SandboxRequest } from "../sandboxes/types.ts";
import { variant, type FaultyAdapter } from "./types.ts";

const enkash = baseBehaviour("enkash");
const cashfree = baseBehaviour("cashfree");
const juspay = baseBehaviour("juspay");
const yuno = baseBehaviour("yuno");

/** A validate step that answers `invalidId` when `refuse` says so, and otherwise validates as `base` does. */
function refusing(base: ProviderBehaviour, refuse: (req: SandboxRequest, ctx: SandboxContext) => boolean): Pick<ProviderBehaviour, "validate"> {
  return {
    validate: (req, ctx) => (refuse(req, ctx) ? ctx.behaviour.errorReply("invalidId", "Invalid input") : base.validate(req, ctx)),
  };
}

export const overStrict: FaultyAdapter[] = [
  variant(
    {
      name: "cashfree-authorization-header-refused",
      provider: "cashfree",
      departure: "runs a bearer-token filter first, which answers 401 to any request with an Authorization header, even one with valid x-client-id and x-client-secret (assumed, so judged with --strict)",
      expectedCheck: "positive_data_acceptance",
      runOptions: { strict: true },
    },
    { behaviour: { authenticate: (req, ctx) => (req.headers.authorization !== undefined ? cashfree.errorReply("unauthorized", "Invalid bearer token") : cashfree.authenticate(req, ctx)) } },
  ),
  variant(
    {
      name: "juspay-media-type-compared-by-case",
      provider: "juspay",
      departure: "compares the request's Content-Type with application/x-www-form-urlencoded case-sensitively and answers 415 to another spelling (media types are case-insensitive, RFC 9110 §8.3.1; judged on that assumption)",
      expectedCheck: "positive_data_acceptance",
      runOptions: { strict: true },
    },
    {
      rawResponse: (req, res) => {
        const type = String(req.headers["content-type"] ?? "").split(";")[0].trim();
        if (req.method !== "POST" || type === "" || type === "application/x-www-form-urlencoded" || type.toLowerCase() !== "application/x-www-form-urlencoded") return false;
        res.writeHead(415, { "content-type": "application/json" }).end(JSON.stringify({ status: "invalid_request_error", error_code: "unsupported_media_type", error_message: "Unsupported media type" }));
        return true;
      },
    },
  ),
  variant(
    {
      name: "yuno-account-code-compared-by-case",
      provider: "yuno",
      departure: "checks x-account-code case-insensitively but looks customers up under the header as sent, so an existing customer under the upper-case code gets CUSTOMER_NOT_FOUND (that an upper-case UUID names the account is assumed)",
      expectedCheck: "positive_data_acceptance",
      runOptions: { strict: true },
    },
    {
      behaviour: {
        remove: (req, ctx) => {
          const code = String(req.headers["x-account-code"] ?? "");
          return code !== ctx.credentials.YUNO_ACCOUNT_CODE && code.toLowerCase() === ctx.credentials.YUNO_ACCOUNT_CODE?.toLowerCase() ? yuno.errorReply("notFound", "Customer not found.") : yuno.remove(req, ctx);
        },
      },
    },
  ),
  variant(
    {
      name: "juspay-form-values-not-decoded",
      provider: "juspay",
      departure: "compares the form body as sent, without percent-decoding it, so command=%64elete (command=delete, encoded) is refused",
      expectedCheck: "positive_data_acceptance",
    },
    {
      behaviour: {
        validate: (req, ctx) =>
          req.body.includes("command=") && !/(^|&)command=delete(&|$)/.test(req.body) ? ctx.behaviour.errorReply("invalidRequest", "Invalid command") : juspay.validate(req, ctx),
      },
    },
  ),
  variant(
    {
      name: "enkash-rejects-every-parent-company-id",
      provider: "enkash",
      departure: "answers every request carrying parentCompanyId, even a valid one, with 400 VALIDATION_ERROR",
      expectedCheck: "positive_data_acceptance",
    },
    { behaviour: refusing(enkash, (req) => req.query.has("parentCompanyId")) },
  ),
  variant(
    {
      name: "enkash-query-misses-the-route",
      provider: "enkash",
      departure: "routes on the whole request target, so any query string misses the delete route: a delete naming the customer's own parentCompanyId gets a not-found answer and is never carried out",
      expectedCheck: "positive_data_acceptance",
    },
    { behaviour: { authenticate: (req, ctx) => enkash.authenticate(req, ctx) ?? ([...req.query.keys()].length > 0 ? enkash.errorReply("notFound", `No handler found for DELETE ${req.rawUrl}`) : undefined) } },
  ),
  variant(
    {
      name: "enkash-rejects-all-digit-customer-id",
      provider: "enkash",
      departure: "rejects a customerId whose 14 characters after KC are all digits (KC00000000000000), which ^KC[A-Z0-9]{14}$ allows",
      expectedCheck: "positive_data_acceptance",
    },
    { behaviour: refusing(enkash, (_req, ctx) => /^KC\d{14}$/.test(ctx.path.customerId ?? "")) },
  ),
  variant(
    {
      name: "cashfree-rejects-upper-case-customer-id",
      provider: "cashfree",
      departure: "accepts only lower-case customer_ids, although ^[A-Za-z0-9_-]{3,50}$ (assumed) allows upper case",
      expectedCheck: "positive_data_acceptance",
      runOptions: { strict: true },
    },
    { behaviour: refusing(cashfree, (_req, ctx) => /[A-Z]/.test(ctx.path.customer_id ?? "")) },
  ),
  variant(
    {
      name: "juspay-routing-id-must-be-customer-id",
      provider: "juspay",
      departure: "rejects an x-routing-id other than the path's customer_id, although the doc allows an order or cart id for guests",
      expectedCheck: "positive_data_acceptance",
    },
    {
      behaviour: {
        validate: (req, ctx) =>
          req.headers["x-routing-id"] !== undefined && req.headers["x-routing-id"] !== ctx.path.customer_id
            ? ctx.behaviour.errorReply("invalidRequest", "x-routing-id must be the customer_id")
            : juspay.validate(req, ctx),
      },
    },
  ),
];
