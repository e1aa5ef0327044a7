/**
 * The embedded reference sandboxes: one stateful, in-process server per HTTP provider that
 * follows specs/ and is payconform's default target.
 */
import type { HttpProvider } from "../providers.ts";
import { loadSpec } from "../spec/load.ts";
import { SpecError } from "../errors.ts";
import { PROFILES } from "../profiles/index.ts";
import { cashfreeBehaviour, cashfreeCredentials } from "./cashfree.ts";
import { specChecks } from "./checks.ts";
import { enkashBehaviour, enkashCredentials } from "./enkash.ts";
import { juspayBehaviour, juspayCredentials } from "./juspay.ts";
import { apiHandler } from "./pipeline.ts";
import { STATE_PATH, startServer } from "./server.ts";
import { stateHandler } from "./state.ts";
import { createStore } from "./store.ts";
import type { Credentials, ProviderBehaviour, SandboxEnv, SandboxHandle, SandboxOptions } from "./types.ts";
import { yunoBehaviour, yunoCredentials } from "./yuno.ts";

interface ProviderSandbox {
  behaviour: ProviderBehaviour;
  makeCredentials(): Credentials;
}

const SANDBOXES: Record<HttpProvider, ProviderSandbox> = {
  juspay: { behaviour: juspayBehaviour, makeCredentials: juspayCredentials },
  yuno: { behaviour: yunoBehaviour, makeCredentials: yunoCredentials },
  cashfree: { behaviour: cashfreeBehaviour, makeCredentials: cashfreeCredentials },
  enkash: { behaviour: enkashBehaviour, makeCredentials: enkashCredentials },
};

/** Fresh credentials of the kind the provider's sandbox accepts, keyed by environment variable. */
export function makeSandboxCredentials(provider: HttpProvider): Credentials {
  return SANDBOXES[provider].makeCredentials();
}

/** The provider's own steps, for variants that wrap one of them. */
export function baseBehaviour(provider: HttpProvider): ProviderBehaviour {
  return SANDBOXES[provider].behaviour;
}

/** The path prefix of the spec's sandbox server URL ("/v1"), or "" when it has none. */
export function sandboxBasePath(provider: HttpProvider): string {
  const spec = loadSpec(provider);
  const server = spec.servers.find((s) => s.environment === "sandbox") ?? spec.servers[0];
  if (!server) return "";
  try {
    return new URL(server.url).pathname.replace(/\/+$/, "");
  } catch (error) {
    throw new SpecError(`${spec.file}: server URL ${server.url} is not an absolute URL`, { cause: error });
  }
}

/**
 * Starts a provider's sandbox with an empty store: on 127.0.0.1 on an ephemeral port and with
 * fresh credentials, unless `options.listen` and `options.credentials` say otherwise.
 */
export async function startSandbox(provider: HttpProvider, options: SandboxOptions = {}): Promise<SandboxHandle> {
  const spec = loadSpec(provider);
  const operation = spec.operations.find((op) => op.operationId === PROFILES[provider].operationId);
  if (!operation) throw new SpecError(`${spec.file} has no operation ${PROFILES[provider].operationId}`);
  const credentials = options.credentials ?? SANDBOXES[provider].makeCredentials();
  const behaviour: ProviderBehaviour = { ...SANDBOXES[provider].behaviour, ...options.behaviour };
  const env: SandboxEnv = { provider, operation, credentials, store: createStore(), checks: specChecks(operation), behaviour };
  const basePath = sandboxBasePath(provider);
  const server = await startServer({ basePath, api: apiHandler(env, options), state: stateHandler(env), onExchange: options.onExchange }, options.listen);
  return {
    provider,
    baseUrl: `${server.origin}${basePath}`,
    stateUrl: `${server.origin}${STATE_PATH}`,
    credentials: { ...credentials },
    close: server.close,
  };
}

export type * from "./types.ts";
