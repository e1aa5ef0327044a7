/**
 * Where `verify-pacts` sends a provider's interactions: its embedded target (the reference
 * sandbox, or whatever `startTarget` starts) with that target's own state URL and credentials,
 * or a --target URL with credentials from the environment and states through --state-url.
 * Everything that can be refused without network is refused before any target starts.
 */
import { UsageError } from "../errors.ts";
import { PROFILES } from "../profiles/index.ts";
import type { HttpProvider } from "../providers.ts";
import { credentialsFromEnv } from "../runner/credentials.ts";
import { assertReachable } from "../runner/preflight.ts";
import { assertTargetAllowed, parseUrlOption } from "../runner/safety.ts";
import type { VerifyPactsOptions } from "./verify-options.ts";
import type { VerifyTarget } from "./verify-provider.ts";

export interface OpenVerifyTarget extends VerifyTarget {
  close(): Promise<void>;
}

/** Refuses bad target options for every selected provider, before any connection. */
export function checkVerifyTargetOptions(options: VerifyPactsOptions): void {
  if (options.stateUrl !== undefined) parseUrlOption(options.stateUrl, "--state-url");
  if (options.target === undefined) return;
  const url = parseUrlOption(options.target, "--target");
  assertTargetAllowed(url, options.allowProduction);
  if (options.providers.length !== 1) {
    throw new UsageError("--target takes the pacts of one provider: give exactly one --provider");
  }
  if (options.stateUrl === undefined) {
    throw new UsageError("--target needs --state-url: the pacts' provider states (the customers to delete) are set up through it");
  }
  for (const provider of options.providers) credentialsFromEnv(PROFILES[provider], options.env);
}

export async function openVerifyTarget(provider: HttpProvider, options: VerifyPactsOptions): Promise<OpenVerifyTarget> {
  if (options.target === undefined) {
    const handle = await options.startTarget(provider);
    return { baseUrl: handle.baseUrl, stateUrl: options.stateUrl ?? handle.stateUrl, credentials: handle.credentials, close: () => handle.close() };
  }
  const url = parseUrlOption(options.target, "--target");
  assertTargetAllowed(url, options.allowProduction);
  const credentials = credentialsFromEnv(PROFILES[provider], options.env);
  const stateUrl = parseUrlOption(options.stateUrl ?? "", "--state-url");
  await assertReachable(url, options.timeoutMs, { caCert: options.caCert });
  await assertReachable(stateUrl, options.timeoutMs, { label: "state URL", caCert: options.caCert });
  return { baseUrl: url.href.replace(/\/+$/, ""), stateUrl: stateUrl.href, credentials, close: async () => {} };
}
