/**
 * Runs the Pact verifier over one provider's pact files against one running target: provider
 * states through the target's state URL, placeholder credentials swapped for real ones on the
 * way. A mismatch is a result; a verifier that cannot run at all is a PayconformError.
 */
import { Verifier, type VerifierOptions } from "@pact-foundation/pact";
import { PayconformError } from "../errors.ts";
import type { HttpProvider } from "../providers.ts";
import type { Credentials } from "../sandboxes/types.ts";
import { credentialSwap } from "./request-filter.ts";
import { stateHandlers } from "./state-handlers.ts";
import { parseVerifierResult, type InteractionOutcome } from "./verifier-result.ts";

export interface VerifyTarget {
  /** Base URL including the spec server's base path. */
  baseUrl: string;
  stateUrl: string;
  credentials: Credentials;
}

export interface ProviderVerification {
  provider: HttpProvider;
  files: string[];
  passed: boolean;
  interactions: InteractionOutcome[];
}

export async function verifyProvider(provider: HttpProvider, files: string[], target: VerifyTarget, timeoutMs: number): Promise<ProviderVerification> {
  const options: VerifierOptions = {
    // No `provider` name on purpose: with one, pact-core would also fetch pacts from a broker
    // named by PACT_BROKER_BASE_URL. Only the given files are verified.
    providerBaseUrl: target.baseUrl,
    pactUrls: files,
    stateHandlers: stateHandlers(provider, target.stateUrl, timeoutMs),
    requestFilter: credentialSwap(provider, target.credentials) as VerifierOptions["requestFilter"],
    logLevel: "error",
    timeout: timeoutMs,
    failIfNoPactsFound: true,
  };
  // Pact's native core reports usage unless told not to.
  process.env.PACT_DO_NOT_TRACK = "true";
  let text: string;
  try {
    text = await new Verifier(options).verifyProvider();
  } catch (error) {
    text = error instanceof Error ? error.message : String(error);
  }
  const interactions = parseVerifierResult(text);
  if (interactions === undefined) throw new PayconformError(`pact verifier could not run for ${provider}: ${text.split("\n")[0]}`);
  return { provider, files, passed: interactions.length > 0 && interactions.every((i) => i.passed), interactions };
}
