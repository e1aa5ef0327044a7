/**
 * One typed options object for a run, with every default written out and documented, built in
 * one place (`resolveRunOptions`).
 */
import { HTTP_PROVIDERS, type HttpProvider } from "../providers.ts";

export interface RunOptions {
  /** Providers to run, in order. Default: all four HTTP providers. */
  providers: HttpProvider[];
  /** A target base URL that replaces the spec's server URL entirely. Default: the embedded sandbox. */
  target?: string;
  /** Provider-state URL (Pact convention) that sets up fixtures. Default: the sandbox's own, or none. */
  stateUrl?: string;
  /** Fixtures from a JSON file, for targets without a state hook. */
  fixturesFile?: string;
  /** Folder for junit.xml and conformance.json. Default: reports/. */
  reportDir: string;
  /** Seed for case generation. Default: 1. */
  seed: number;
  /** Warnings (undocumented 4xx, departures from assumed facts) count as failures. Default: false. */
  strict: boolean;
  /** Allow a target that is one of the specs' production servers. Default: false. */
  allowProduction: boolean;
  /** Requests in flight at once per target. Default: 4. */
  concurrency: number;
  /** Per-request timeout. Default: 10 000 ms. */
  timeoutMs: number;
  /** Response bodies larger than this become an errored result; state URL answers larger than it fail the setup. Default: 1 MiB. */
  maxBodyBytes: number;
  /** 429 answers waited out per request. Default: 3. */
  maxRetries: number;
  /** Longest Retry-After honoured. Default: 30 000 ms. */
  maxRetryAfterMs: number;
  /** Most requests started per second against the target (--rate-limit). Default: none; a 429 slows the run down anyway. */
  rateLimit?: number;
  /** PEM CA certificates to trust besides the system's, for the target and the state URL (--ca-cert). Default: none. */
  caCert?: string;
  /** Environment to read credentials and fixture lists from. Default: process.env. */
  env: NodeJS.ProcessEnv;
  /** Stops the run (SIGINT, SIGTERM): no further request; reports hold the results so far. Default: none. */
  signal?: AbortSignal;
}

/** The accepted range of each numeric flag. */
export const LIMITS = {
  /** --seed: the generator keeps 32 bits, so larger seeds would repeat smaller ones. */
  seed: { min: 0, max: 2 ** 32 - 1 },
  /** --concurrency: more requests in flight than this is a load test, not a conformance run. */
  concurrency: { min: 1, max: 64 },
  /** --rate-limit, requests per second: from one an hour to a thousand a second. */
  rateLimit: { min: 1 / 3600, max: 1000 },
  /** --timeout-ms: up to 10 minutes per request. */
  timeoutMs: { min: 1, max: 600_000 },
} as const;

export const DEFAULT_RUN_OPTIONS: RunOptions = {
  providers: [...HTTP_PROVIDERS],
  reportDir: "reports",
  seed: 1,
  strict: false,
  allowProduction: false,
  concurrency: 4,
  timeoutMs: 10_000,
  maxBodyBytes: 1024 * 1024,
  maxRetries: 3,
  maxRetryAfterMs: 30_000,
  env: process.env,
};

export function resolveRunOptions(partial: Partial<RunOptions> = {}): RunOptions {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
  return { ...DEFAULT_RUN_OPTIONS, ...defined };
}
