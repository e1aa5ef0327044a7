import type { ProviderProfile } from "./profile.ts";

export const enkashProfile: ProviderProfile = {
  provider: "enkash",
  operationId: "deleteCustomerByCustomerId",
  notFound: { status: 404 },
  errorCodePointers: ["/errorResponse/errorType"],
  credentials: { bearerAuth: { kind: "bearer", env: "ENKASH_ACCESS_TOKEN" } },
  headerValues: {},
  fixtureState: "a customer exists",
  fixturesEnv: "PAYCONFORM_ENKASH_FIXTURES",
};
