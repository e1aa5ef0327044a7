import type { ProviderProfile } from "./profile.ts";

export const juspayProfile: ProviderProfile = {
  provider: "juspay",
  operationId: "deleteCustomerAccount",
  notFound: { status: 404 },
  errorCodePointers: ["/status", "/error_code", "/error_info/code", "/error_info/category"],
  credentials: { basicAuth: { kind: "basic", usernameEnv: "JUSPAY_API_KEY", password: "" } },
  // Juspay recommends the customer_id as the routing id.
  headerValues: { "x-routing-id": { kind: "pathParam", name: "customer_id" } },
  fixtureState: "a customer account exists",
  fixturesEnv: "PAYCONFORM_JUSPAY_FIXTURES",
};
