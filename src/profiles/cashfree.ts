import type { ProviderProfile } from "./profile.ts";

export const cashfreeProfile: ProviderProfile = {
  provider: "cashfree",
  operationId: "DELETE /customer/{customer_id}",
  notFound: { status: 404 },
  errorCodePointers: ["/code", "/type"],
  credentials: {
    ApiKeyAuth: { kind: "apiKey", env: "CASHFREE_CLIENT_ID", identifier: true },
    ApiSecret: { kind: "apiKey", env: "CASHFREE_CLIENT_SECRET" },
  },
  headerValues: {},
  fixtureState: "a customer exists",
  fixturesEnv: "PAYCONFORM_CASHFREE_FIXTURES",
};
