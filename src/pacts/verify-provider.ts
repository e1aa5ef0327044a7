/**
 * Verifies one provider's pact files against one running target: the Pact verifier runs in a
 * child process (run-verifier.ts), and its result is judged by `run`'s rules (verifier-result.ts).
 * A mismatch is a result; a verifier that cannot run at all is a PayconformError.
 */
import { PayconformError } from "../errors.ts";
import type { HttpProvider } from "../providers.ts";
import type { Credentials } from "../sandboxes/types.ts";
import type { PactFile } from "./pact-files.ts";
import { assumedInteractions } from "./assumed-interactions.ts";
import { documentedStatuses } from "./rejection.ts";
import { runVerifier } from "./run-verifier.ts";
import { judge, parseVerifierResult, type InteractionOutcome } from "./verifier-result.ts";
import type { VerifyPactsOptions } from "./verify-options.ts";

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

export async function verifyProvider(provider: HttpProvider, pacts: readonly PactFile[], target: VerifyTarget, options: VerifyPactsOptions): Promise<ProviderVerification> {
  const files = pacts.map((p) => p.file);
  const reply = await runVerifier(
    { provider, files, baseUrl: target.baseUrl, stateUrl: target.stateUrl, credentials: target.credentials, timeoutMs: options.timeoutMs, maxBodyBytes: options.maxBodyBytes, caCert: options.caCert },
    { onOutput: options.onVerifierOutput, signal: options.signal },
  );
  const results = parseVerifierResult(reply.text);
  if (results === undefined) throw new PayconformError(`pact verifier could not run for ${provider}: ${reply.text.split("\n")[0]}`);
  const interactions = new Map<string, Record<string, unknown>>();
  for (const pact of pacts) {
    for (const raw of pact.pact.interactions as unknown[]) {
      if (isObj(raw) && typeof raw.description === "string" && !interactions.has(raw.description)) interactions.set(raw.description, raw);
    }
  }
  const outcomes = judge(results, { interactions, documented: documentedStatuses(provider), assumed: assumedInteractions(provider, interactions), stateFailures: reply.stateFailures, strict: options.strict });
  return { provider, files, passed: outcomes.length > 0 && outcomes.every((i) => i.passed), interactions: outcomes };
}

function isObj(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
