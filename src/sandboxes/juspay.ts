/**
 * Juspay Express Checkout "Delete Customer Account" (specs/juspay/openapi.yaml): Basic auth with
 * the API key, a required x-routing-id header and a form body `command=delete`, then the account
 * under the customer is deleted. Juspay documents no id format, so an id that cannot be decoded
 * is simply not found.
 */
import { credentialsMatch } from "./auth.ts";
import { LOWER_ALNUM, MIXED_ALNUM, freshId, pick, randomHex, randomString } from "./ids.ts";
import { badRequiredHeader, jsonReply, mediaType, requestId } from "./replies.ts";
import type { Credentials, ErrorKind, ProviderBehaviour, SandboxReply } from "./types.ts";

export function juspayCredentials(): Credentials {
  return { JUSPAY_API_KEY: randomHex(15) };
}

export const juspayBehaviour: ProviderBehaviour = {
  authenticate(req, ctx) {
    if (credentialsMatch(req, ctx)) return undefined;
    return ctx.behaviour.errorReply("unauthorized", "Invalid API Key. Please pass a valid and active api key.");
  },

  validate(req, ctx) {
    const missing = badRequiredHeader(req, ctx);
    if (missing) return ctx.behaviour.errorReply("invalidRequest", `Mandatory header ${missing} is missing.`);
    const form = ctx.operation.requestBody;
    if (!form || mediaType(req) !== form.contentType.toLowerCase() || !ctx.checks.body(formFields(req.body))) {
      return ctx.behaviour.errorReply("invalidRequest", "Mandatory parameter command must be delete.");
    }
    return undefined;
  },

  remove(_req, ctx) {
    const [customerId, accountId] = Object.values(ctx.path);
    if (customerId === undefined || accountId === undefined || !ctx.store.removeAccount(customerId, accountId)) {
      return ctx.behaviour.errorReply("notFound", "Customer account not found.");
    }
    return jsonReply(200, { customer_account_status: "DELETED", customer_account_id: accountId });
  },

  errorReply: juspayError,

  createFixture(env, [customerId, accountId]) {
    const customer = customerId ?? freshId(() => `cst_${randomString(LOWER_ALNUM, 16)}`, (id) => env.store.hasCustomer(id));
    const account =
      accountId ?? freshId(() => `${pick(["bank", "banh"])}_${randomString(MIXED_ALNUM, 16)}`, (id) => env.store.hasAccount(customer, id));
    env.store.addAccount(customer, account);
    return [customer, account];
  },

  removeFixture(env, [customerId, accountId]) {
    if (customerId === undefined) return;
    if (accountId !== undefined) env.store.removeAccount(customerId, accountId);
    env.store.removeCustomer(customerId);
  },
};

/** Juspay's error envelope; the 400 is assumed to match the documented 404 (see the spec). */
function juspayError(kind: ErrorKind, detail: string): SandboxReply {
  const info = (userMessage: string, code: string) => ({
    user_message: userMessage,
    request_id: requestId(),
    href: "NA",
    developer_message: detail,
    code,
    category: "USER_ERROR",
  });
  switch (kind) {
    case "unauthorized":
      // A 401 challenges for the scheme it takes (RFC 9110 §15.5.2, §11.6.1).
      return { ...jsonReply(401, { status: "error", error_code: "access_denied", error_info: info("Unauthorized.", "UNAUTHORIZED") }), headers: { "www-authenticate": 'Basic realm="juspay"' } };
    case "invalidRequest":
      return jsonReply(400, {
        error_message: "Mandatory parameter missing",
        status: "invalid_request_error",
        error_code: "invalid_request",
        error_info: info("Cannot process your request.", "INVALID_REQUEST"),
      });
    case "invalidId":
    case "notFound":
      return jsonReply(404, {
        error_message: "Cannot find what you are looking for",
        status: "invalid_request_error",
        error_code: "object_not_found",
        error_info: info("Cannot process your request as customer account not found.", "RESOURCE_NOT_FOUND"),
      });
  }
}

/** A form body as an object; a repeated field becomes a list, which no documented schema accepts. */
function formFields(body: string): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  // URLSearchParams drops a leading "?" of a string (it takes it for a query); a form body has none,
  // so `?command=delete` names the field "?command". An "&" before it keeps the "?" in the name.
  const form = new URLSearchParams(`&${body}`);
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key);
    fields[key] = values.length === 1 ? values[0] : values;
  }
  return fields;
}
