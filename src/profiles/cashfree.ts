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
  idsChosenByCaller: "the doc's example id, cust_priya_sharma_2024, reads as a merchant's own, and the doc says only that it is a unique identifier",
};
