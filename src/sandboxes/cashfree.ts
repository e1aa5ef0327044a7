/**
 * Cashfree Flowwise "Delete Customer" (specs/cashfree/, upstream.yaml + overlay.yaml): x-client-id and
 * x-client-secret, a customer_id in the spec's assumed format, then 204 with an empty body.
 */
import { credentialsMatch } from "./auth.ts";
import { LOWER_ALNUM, freshId, randomHex, randomSecret, randomString } from "./ids.ts";
import { badPathParameter, emptyReply, jsonReply } from "./replies.ts";
import type { Credentials, ErrorKind, ProviderBehaviour, SandboxReply } from "./types.ts";

export function cashfreeCredentials(): Credentials {
  return {
    CASHFREE_CLIENT_ID: `TEST${randomHex(16)}`,
    CASHFREE_CLIENT_SECRET: `cfsk_ma_test_${randomSecret(24)}`,
  };
}

export const cashfreeBehaviour: ProviderBehaviour = {
  authenticate(req, ctx) {
    if (credentialsMatch(req, ctx)) return undefined;
    return ctx.behaviour.errorReply("unauthorized", "Invalid API credentials provided");
  },

  validate(_req, ctx) {
    if (badPathParameter(ctx)) return ctx.behaviour.errorReply("invalidId", "Invalid customer ID format provided");
    return undefined;
  },

  remove(_req, ctx) {
    const [customerId] = Object.values(ctx.path);
    if (customerId === undefined || !ctx.store.removeCustomer(customerId)) {
      return ctx.behaviour.errorReply("notFound", "Customer not found with the provided customer ID");
    }
    return emptyReply(204);
  },

  errorReply: cashfreeError,

  createFixture(env, [customerId]) {
    const customer = customerId ?? freshId(() => `cust_${randomString(LOWER_ALNUM, 16)}`, (id) => env.store.hasCustomer(id));
    env.store.addCustomer(customer);
    return [customer];
  },

  removeFixture(env, [customerId]) {
    if (customerId !== undefined) env.store.removeCustomer(customerId);
  },
};

const CODES: Record<ErrorKind, { status: number; code: string; type: string }> = {
  unauthorized: { status: 401, code: "unauthorized", type: "authentication_error" },
  invalidRequest: { status: 400, code: "invalid_customer_id", type: "validation_error" },
  invalidId: { status: 400, code: "invalid_customer_id", type: "validation_error" },
  notFound: { status: 404, code: "customer_not_found", type: "resource_error" },
};

function cashfreeError(kind: ErrorKind, detail: string): SandboxReply {
  const { status, code, type } = CODES[kind];
  return jsonReply(status, { message: detail, code, type });
}
