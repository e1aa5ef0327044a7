/**
 * The credential values pact files carry instead of secrets. Consumer tests send these, the
 * contracts record them (behind regex matchers), and `verify-pacts` swaps the "example" ones for
 * real credentials on the way to the provider. The "wrong" ones are kept as they are, so the
 * wrong-credentials interactions stay wrong.
 */
import type { HttpProvider } from "../providers.ts";
import type { Credentials } from "../sandboxes/types.ts";

/** A Yuno x-account-code of the documented shape (a UUID) that no account has. */
const PLACEHOLDER_ACCOUNT_CODE = "00000000-0000-4000-8000-000000000000";

/** Stand-ins for valid credentials, keyed like the profile's environment variables. */
export const PLACEHOLDER_CREDENTIALS: Record<HttpProvider, Credentials> = {
  juspay: { JUSPAY_API_KEY: "pact-example-key" },
  yuno: {
    YUNO_PUBLIC_API_KEY: "pact-example-public-key",
    YUNO_PRIVATE_SECRET_KEY: "pact-example-secret-key",
    YUNO_ACCOUNT_CODE: PLACEHOLDER_ACCOUNT_CODE,
  },
  cashfree: { CASHFREE_CLIENT_ID: "pact-example-client-id", CASHFREE_CLIENT_SECRET: "pact-example-client-secret" },
  enkash: { ENKASH_ACCESS_TOKEN: "pact-example-token" },
};

/**
 * Credentials no provider issued, for the wrong-credentials interactions. Yuno's account code is
 * the placeholder (swapped for the real one), so only the two keys are wrong.
 */
export const WRONG_CREDENTIALS: Record<HttpProvider, Credentials> = {
  juspay: { JUSPAY_API_KEY: "pact-wrong-key" },
  yuno: {
    YUNO_PUBLIC_API_KEY: "pact-wrong-public-key",
    YUNO_PRIVATE_SECRET_KEY: "pact-wrong-secret-key",
    YUNO_ACCOUNT_CODE: PLACEHOLDER_ACCOUNT_CODE,
  },
  cashfree: { CASHFREE_CLIENT_ID: "pact-wrong-client-id", CASHFREE_CLIENT_SECRET: "pact-wrong-client-secret" },
  enkash: { ENKASH_ACCESS_TOKEN: "pact-wrong-token" },
};
