/**
 * Resolves where a provider's cases go: the embedded reference sandbox (default), or a URL that
 * replaces the spec's server URL entirely. Also decides where credentials and fixtures come from.
 * `checkTargetOptions` refuses, before any connection, every option that would stop a later
 * provider, so a run never sends a request and then stops on a bad option.
 */
import { listFixtures, parseFixtureList, readFixturesFile, type FixtureEntries } from "../fixtures/list.ts";
import type { FixtureSource } from "../fixtures/source.ts";
import { stateUrlFixtures } from "../fixtures/state-url.ts";
import { PROFILES } from "../profiles/index.ts";
import type { ProviderProfile } from "../profiles/profile.ts";
import { HTTP_PROVIDERS } from "../providers.ts";
import { startSandbox } from "../sandboxes/index.ts";
import type { Credentials } from "../sandboxes/types.ts";
import { loadSpec } from "../spec/load.ts";
import { scopeParamNames, type ApiSpec, type OperationSpec } from "../spec/model.ts";
import { credentialsFromEnv } from "./credentials.ts";
import type { RunOptions } from "./options.ts";
import { assertReachable } from "./preflight.ts";
import { assertTargetAllowed, parseUrlOption } from "./safety.ts";

export interface OpenTarget {
  baseUrl: string;
  embedded: boolean;
  /** The target is on this machine (a loopback host): only there is a valid credential sent in a URL. */
  loopback: boolean;
  credentials: Credentials;
  fixtures?: FixtureSource;
  close(): Promise<void>;
}

/**
 * Everything about the target options that can be refused without network, for every provider
 * of the run: URLs, production hosts, credentials, fixture lists and the fixtures file (checked
 * whole, every provider's entries).
 */
/** 127.0.0.0/8, ::1 and localhost. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "").toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export function checkTargetOptions(options: RunOptions): void {
  const url = options.target === undefined ? undefined : parseUrlOption(options.target, "--target");
  if (url) assertTargetAllowed(url, options.allowProduction);
  if (options.stateUrl) parseUrlOption(options.stateUrl, "--state-url");
  if (options.fixturesFile) fixturesFromFile(options.fixturesFile);
  for (const provider of options.providers) {
    const profile = PROFILES[provider];
    if (url) {
      credentialsFromEnv(profile, options.env);
      if (!options.stateUrl) listedFixtures(profile, pathParamsOf(provider), options);
    }
  }
}

export async function openTarget(spec: ApiSpec, op: OperationSpec, profile: ProviderProfile, options: RunOptions): Promise<OpenTarget> {
  const pathParams = pathParamNames(op);
  const stateFixtures = (url: string): FixtureSource =>
    stateUrlFixtures({ url, state: profile.fixtureState, pathParams, scopeParams: scopeParamNames(op), timeoutMs: options.timeoutMs, maxBodyBytes: options.maxBodyBytes, caCert: options.caCert, signal: options.signal });
  if (options.target === undefined) {
    const sandbox = await startSandbox(spec.provider);
    const fixtures = stateFixtures(options.stateUrl ?? sandbox.stateUrl);
    return {
      baseUrl: sandbox.baseUrl,
      embedded: true,
      loopback: true,
      credentials: sandbox.credentials,
      fixtures,
      close: () => {
        fixtures.close?.();
        return sandbox.close();
      },
    };
  }
  const url = parseUrlOption(options.target, "--target");
  assertTargetAllowed(url, options.allowProduction);
  const credentials = credentialsFromEnv(profile, options.env);
  if (options.stateUrl) parseUrlOption(options.stateUrl, "--state-url");
  await assertReachable(url, options.timeoutMs, { caCert: options.caCert });
  const fixtures = options.stateUrl ? stateFixtures(options.stateUrl) : listedFixtures(profile, pathParams, options);
  return {
    baseUrl: url.href.replace(/\/+$/, ""),
    embedded: false,
    loopback: isLoopbackHost(url.hostname),
    credentials,
    fixtures,
    close: async () => fixtures?.close?.(),
  };
}

function pathParamNames(op: OperationSpec): string[] {
  return op.parameters.filter((p) => p.in === "path").map((p) => p.name);
}

/** The path parameter names of a provider's profile operation. */
function pathParamsOf(provider: (typeof HTTP_PROVIDERS)[number]): string[] {
  const op = loadSpec(provider).operations.find((o) => o.operationId === PROFILES[provider].operationId);
  return op ? pathParamNames(op) : [];
}

function fixturesFromFile(file: string): Record<string, FixtureEntries> {
  return readFixturesFile(file, Object.fromEntries(HTTP_PROVIDERS.map((p) => [p, pathParamsOf(p)])));
}

function listedFixtures(profile: ProviderProfile, pathParams: string[], options: RunOptions): FixtureSource | undefined {
  const fromFile = options.fixturesFile ? fixturesFromFile(options.fixturesFile)[profile.provider] : undefined;
  if (fromFile) return listFixtures(fromFile, options.fixturesFile!);
  const fromEnv = options.env[profile.fixturesEnv];
  if (fromEnv) return listFixtures(parseFixtureList(fromEnv, pathParams, profile.fixturesEnv), profile.fixturesEnv);
  return undefined;
}
