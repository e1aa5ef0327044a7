/**
 * Resolves where a provider's cases go: the embedded reference sandbox (default), or a URL that
 * replaces the spec's server URL entirely. Also decides where credentials and fixtures come from.
 */
import { listFixtures, parseFixtureList, readFixturesFile } from "../fixtures/list.ts";
import type { FixtureSource } from "../fixtures/source.ts";
import { stateUrlFixtures } from "../fixtures/state-url.ts";
import type { ProviderProfile } from "../profiles/profile.ts";
import { startSandbox } from "../sandboxes/index.ts";
import type { Credentials } from "../sandboxes/types.ts";
import type { ApiSpec, OperationSpec } from "../spec/model.ts";
import { credentialsFromEnv } from "./credentials.ts";
import type { RunOptions } from "./options.ts";
import { assertReachable } from "./preflight.ts";
import { assertTargetAllowed, parseUrlOption } from "./safety.ts";

export interface OpenTarget {
  baseUrl: string;
  embedded: boolean;
  credentials: Credentials;
  fixtures?: FixtureSource;
  close(): Promise<void>;
}

export async function openTarget(spec: ApiSpec, op: OperationSpec, profile: ProviderProfile, options: RunOptions): Promise<OpenTarget> {
  const pathParams = op.parameters.filter((p) => p.in === "path").map((p) => p.name);
  const stateFixtures = (url: string): FixtureSource => stateUrlFixtures({ url, state: profile.fixtureState, pathParams, timeoutMs: options.timeoutMs });
  if (options.target === undefined) {
    const sandbox = await startSandbox(spec.provider);
    return {
      baseUrl: sandbox.baseUrl,
      embedded: true,
      credentials: sandbox.credentials,
      fixtures: stateFixtures(options.stateUrl ?? sandbox.stateUrl),
      close: () => sandbox.close(),
    };
  }
  const url = parseUrlOption(options.target, "--target");
  assertTargetAllowed(spec, url, options.allowProduction);
  const credentials = credentialsFromEnv(profile, options.env);
  if (options.stateUrl) parseUrlOption(options.stateUrl, "--state-url");
  await assertReachable(url, options.timeoutMs);
  return {
    baseUrl: url.href.replace(/\/+$/, ""),
    embedded: false,
    credentials,
    fixtures: options.stateUrl ? stateFixtures(options.stateUrl) : listedFixtures(profile, pathParams, options),
    close: async () => {},
  };
}

function listedFixtures(profile: ProviderProfile, pathParams: string[], options: RunOptions): FixtureSource | undefined {
  const fromFile = options.fixturesFile ? readFixturesFile(options.fixturesFile, profile.provider, pathParams) : undefined;
  if (fromFile) return listFixtures(fromFile, options.fixturesFile!);
  const fromEnv = options.env[profile.fixturesEnv];
  if (fromEnv) return listFixtures(parseFixtureList(fromEnv, pathParams, profile.fixturesEnv), profile.fixturesEnv);
  return undefined;
}
