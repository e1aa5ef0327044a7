/**
 * Yuno "Delete Customer" (specs/yuno/, upstream.yaml + overlay.yaml): two API-key headers and the x-account-code
 * header, then the customer is deleted with 202 and an empty body. Yuno documents no 401 and an
 * unknown customer is a 400 CUSTOMER_NOT_FOUND (see the spec's contradictions): every rejected
 * request is the documented 400 INVALID_REQUEST.
 */
import { accountHeadersMatch, credentialsMatch } from "./auth.ts";
import { freshId, randomSecret, uuid } from "./ids.ts";
import { badPathParameter, badRequiredHeader, emptyReply, jsonReply } from "./replies.ts";
import type { Credentials, ErrorKind, ProviderBehaviour, SandboxReply } from "./types.ts";

export function yunoCredentials(): Credentials {
  return {
    YUNO_PUBLIC_API_KEY: `sandbox_${randomSecret(24)}`,
    YUNO_PRIVATE_SECRET_KEY: `sandbox_${randomSecret(32)}`,
    YUNO_ACCOUNT_CODE: uuid(),
  };
}

export const yunoBehaviour: ProviderBehaviour = {
  authenticate(req, ctx) {
    if (credentialsMatch(req, ctx)) return undefined;
    return ctx.behaviour.errorReply("unauthorized", "Invalid request");
  },

  validate(req, ctx) {
    if (badRequiredHeader(req, ctx) || !accountHeadersMatch(req, ctx)) {
      return ctx.behaviour.errorReply("invalidRequest", "Invalid request");
    }
    if (badPathParameter(ctx)) return ctx.behaviour.errorReply("invalidId", "Invalid request");
    return undefined;
  },

  remove(_req, ctx) {
    const [customerId] = Object.values(ctx.path);
    if (customerId === undefined || !ctx.store.removeCustomer(customerId)) {
      return ctx.behaviour.errorReply("notFound", "Customer not found.");
    }
    return emptyReply(202);
  },

  errorReply: yunoError,

  createFixture(env, [customerId]) {
    const customer = customerId ?? freshId(uuid, (id) => env.store.hasCustomer(id));
    env.store.addCustomer(customer);
    return [customer];
  },

  removeFixture(env, [customerId]) {
    if (customerId !== undefined) env.store.removeCustomer(customerId);
  },
};

/** Both of Yuno's documented 400 bodies, taken from the spec's named examples. */
function yunoError(kind: ErrorKind, detail: string): SandboxReply {
  const code = kind === "notFound" ? "CUSTOMER_NOT_FOUND" : "INVALID_REQUEST";
  return jsonReply(400, { code, messages: [detail] });
}
