/**
 * Names in payconform's contracts: the consumer is the code an integrator ships with the
 * generated client, the provider is the provider's own name (`juspay-upi` for the UPI SDK).
 */
import { join } from "node:path";
import { PROJECT_ROOT } from "../providers.ts";

/** Where the committed pact files live. */
export const CONTRACTS_DIR = join(PROJECT_ROOT, "contracts");

/** The pact provider name of the Juspay UPI SDK payloads (not an HTTP provider). */
export const UPI_PROVIDER = "juspay-upi";

export function consumerName(provider: string): string {
  return `payconform-${provider}-client`;
}

/** The file name Pact writes for a consumer/provider pair. */
export function pactFileName(provider: string): string {
  return `${consumerName(provider)}-${provider}.json`;
}
