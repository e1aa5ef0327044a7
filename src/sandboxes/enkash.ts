/**
 * EnKash "deleteCustomerByCustomerId" (specs/enkash/openapi.yaml): a bearer token, a customerId
 * and optional parentCompanyId in their documented formats, then the customer is deleted. Every
 * answer is the documented response envelope; error statuses carry an errorResponse, as the spec
 * assumes.
 */
import { credentialsMatch } from "./auth.ts";
import { UPPER_ALNUM, freshId, randomSecret, randomString } from "./ids.ts";
import { badPathParameter, badQueryParameter, jsonReply, plainTimestamp, requestId } from "./replies.ts";
import type { Credentials, ErrorKind, ProviderBehaviour, SandboxReply } from "./types.ts";

export function enkashCredentials(): Credentials {
  return { ENKASH_ACCESS_TOKEN: randomSecret(32) };
}

export const enkashBehaviour: ProviderBehaviour = {
  authenticate(req, ctx) {
    if (credentialsMatch(req, ctx)) return undefined;
    return ctx.behaviour.errorReply("unauthorized", "Full authentication is required to access this resource");
  },

  validate(req, ctx) {
    const bad = badPathParameter(ctx) ?? badQueryParameter(req, ctx);
    if (bad) return ctx.behaviour.errorReply("invalidId", `${bad} is not in the documented format`);
    return undefined;
  },

  remove(_req, ctx) {
    const [customerId] = Object.values(ctx.path);
    if (customerId === undefined || !ctx.store.removeCustomer(customerId)) {
      return ctx.behaviour.errorReply("notFound", "Customer not found");
    }
    return jsonReply(200, { response_code: 200, response_message: "OK", payload: `Customer ${customerId} deleted` });
  },

  errorReply: enkashError,

  createFixture(env, [customerId]) {
    const customer = customerId ?? freshId(() => `KC${randomString(UPPER_ALNUM, 14)}`, (id) => env.store.hasCustomer(id));
    env.store.addCustomer(customer);
    return [customer];
  },

  removeFixture(env, [customerId]) {
    if (customerId !== undefined) env.store.removeCustomer(customerId);
  },

  // The customer's parent company, in its documented format. The doc does not say what a delete
  // naming another company gets, so the sandbox takes any well-formed parentCompanyId (as it names
  // one for each customer, a target that refuses every parentCompanyId is seen refusing its own).
  fixtureScope: () => ({ parentCompanyId: `CEK${randomString(UPPER_ALNUM, 7)}` }),
};

const TYPES: Record<ErrorKind, { status: number; message: string; errorType: string }> = {
  unauthorized: { status: 401, message: "Unauthorized", errorType: "UNAUTHORIZED" },
  invalidRequest: { status: 400, message: "Bad Request", errorType: "CLIENT_REQUEST_ERROR" },
  invalidId: { status: 400, message: "Bad Request", errorType: "VALIDATION_ERROR" },
  notFound: { status: 404, message: "Not Found", errorType: "RECORD_NOT_FOUND" },
};

function enkashError(kind: ErrorKind, detail: string): SandboxReply {
  const { status, message, errorType } = TYPES[kind];
  const reply = jsonReply(status, {
    errorResponse: { errorMessage: detail, errorType, requestId: requestId(), timestamp: plainTimestamp() },
    response_code: status,
    response_message: message,
  });
  // A 401 challenges for the scheme it takes (RFC 9110 §15.5.2; RFC 6750 §3).
  return kind === "unauthorized" ? { ...reply, headers: { "www-authenticate": 'Bearer realm="enkash"' } } : reply;
}
