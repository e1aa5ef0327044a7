/**
 * One typed options object for `verify-pacts`, with every default written out, built in one
 * place (`resolveVerifyOptions`).
 */
import { HTTP_PROVIDERS, type HttpProvider } from "../providers.ts";
import { startSandbox } from "../sandboxes/index.ts";
import type { SandboxHandle } from "../sandboxes/types.ts";
import { CONTRACTS_DIR } from "./names.ts";

export interface VerifyPactsOptions {
  /** Providers whose pacts to verify. Default: all four HTTP providers (each needs a pact in pactDir). */
  providers: HttpProvider[];
  /** Folder holding the pact files. Default: contracts/. */
  pactDir: string;
  /** Base URL that replaces the spec's server URL entirely. Default: the embedded sandbox. */
  target?: string;
  /** Provider-state URL (Pact convention). Default: the sandbox's own; required with target. */
  stateUrl?: string;
  /** Allow a target that is one of the specs' production servers. Default: false. */
  allowProduction: boolean;
  /** Warnings (an undocumented 4xx where any documented rejection is accepted) fail. Default: false. */
  strict: boolean;
  /** Timeout of each provider request and each state call. Default: 10 000 ms. */
  timeoutMs: number;
  /** State URL answers larger than this fail the interaction. Default: 1 MiB, as in `run`. */
  maxBodyBytes: number;
  /** PEM CA certificates to trust besides the system's (--ca-cert). Default: none. */
  caCert?: string;
  /** Environment to read credentials from for a target. Default: process.env. */
  env: NodeJS.ProcessEnv;
  /** Starts the embedded target of a provider when no target is given. Default: its reference sandbox. */
  startTarget: (provider: HttpProvider) => Promise<SandboxHandle>;
  /** Receives the Pact verifier's own report, masked, line by line (--verbose). Default: dropped. */
  onVerifierOutput?: (text: string) => void;
  /** Stops verification (SIGINT, SIGTERM). Default: none. */
  signal?: AbortSignal;
}

export const DEFAULT_VERIFY_OPTIONS: VerifyPactsOptions = {
  providers: [...HTTP_PROVIDERS],
  pactDir: CONTRACTS_DIR,
  allowProduction: false,
  strict: false,
  timeoutMs: 10_000,
  maxBodyBytes: 1024 * 1024,
  env: process.env,
  startTarget: (provider) => startSandbox(provider),
};

export function resolveVerifyOptions(partial: Partial<VerifyPactsOptions> = {}): VerifyPactsOptions {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
  return { ...DEFAULT_VERIFY_OPTIONS, ...defined };
}
