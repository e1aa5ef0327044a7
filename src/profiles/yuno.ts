import type { ProviderProfile } from "./profile.ts";

export const yunoProfile: ProviderProfile = {
  provider: "yuno",
  operationId: "delete-customer",
  // Yuno answers an unknown customer with 400 CUSTOMER_NOT_FOUND, not 404.
  notFound: { status: 400, code: { pointer: "/code", value: "CUSTOMER_NOT_FOUND" } },
  errorCodePointers: ["/code"],
  credentials: {
    sec0: { kind: "apiKey", env: "YUNO_PUBLIC_API_KEY", public: true },
    sec1: { kind: "apiKey", env: "YUNO_PRIVATE_SECRET_KEY" },
  },
  headerValues: { "x-account-code": { kind: "env", env: "YUNO_ACCOUNT_CODE" } },
  fixtureState: "a customer exists",
  fixturesEnv: "PAYCONFORM_YUNO_FIXTURES",
};
