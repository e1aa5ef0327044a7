/**
 * The work every tool is given: the scenarios payconform derives for a provider that need no
 * fixture (negative requests and deletes of never-existing ids), so cycling them consumes
 * nothing. For payconform each item runs through the runner's own `runScenario` (request built,
 * sent with the client, every check evaluated, results redacted as a run does); the bare loop and
 * the Prism load send the same requests, built once, without checks.
 */
import type { Scenario } from "../src/cases/model.ts";
import { deriveScenarios } from "../src/cases/derive.ts";
import { forkRng } from "../src/cases/random.ts";
import { createHttpClient, type HttpClient } from "../src/http/client.ts";
import type { HttpRequest } from "../src/http/types.ts";
import type { HttpProvider } from "../src/providers.ts";
import { buildRequest } from "../src/runner/build-request.ts";
import { wrongCredentials } from "../src/runner/credentials.ts";
import { runScenario, type ProviderRun } from "../src/runner/execute.ts";
import { resolveRunOptions } from "../src/runner/options.ts";
import { operationContext } from "../src/runner/run.ts";
import type { SandboxHandle } from "../src/sandboxes/types.ts";

export interface Workload {
  provider: HttpProvider;
  /** Single-step scenarios that need no fixture, in derivation order. */
  scenarios: Scenario[];
  /** The request of each scenario, built once against `handle.baseUrl`. */
  requests: HttpRequest[];
  /** payconform's per-scenario work, against `handle`. */
  run: ProviderRun;
  client: HttpClient;
  close(): void;
}

export interface WorkloadOptions {
  /**
   * Leave out the scenarios whose request path has malformed percent-encoding (`%zz`, `%C0%AF`):
   * Prism 5.16 exits on the first of them (URIError in uri-template-lite), so every load that
   * goes through Prism, and every loop compared with it, uses this.
   */
  decodableOnly?: boolean;
}

export function createWorkload(handle: SandboxHandle, concurrency: number, seed: number, options: WorkloadOptions = {}): Workload {
  const provider = handle.provider;
  const operation = operationContext(provider);
  const derived = deriveScenarios(operation.op, seed).filter((s) => s.fixtures === 0 && s.steps.length === 1 && s.steps[0].fixture === undefined);
  const wrong = wrongCredentials(handle.credentials, forkRng(seed, `${provider}:wrong-credentials`));
  const request = { op: operation.op, profile: operation.profile, baseUrl: handle.baseUrl, credentials: handle.credentials, wrongCredentials: wrong };
  const client = createHttpClient(resolveRunOptions({ concurrency }));
  const run: ProviderRun = {
    operation,
    request,
    target: { baseUrl: handle.baseUrl, embedded: true, loopback: true, credentials: handle.credentials, close: async () => {} },
    client,
    strict: false,
    secrets: [...Object.values(handle.credentials), ...Object.values(wrong)],
    tally: { sent: 0, rateLimited: 0 },
  };
  const built = derived.map((s) => buildRequest(request, s.steps[0].plan, s.steps[0].plan.pathParams));
  const keep = built.map((r) => !options.decodableOnly || decodable(r.url));
  const scenarios = derived.filter((_s, i) => keep[i]);
  const requests = built.filter((_r, i) => keep[i]);
  return { provider, scenarios, requests, run, client, close: () => client.close() };
}

/** One checked exchange: what `payconform run` does for a scenario, results redacted. Returns the results' count. */
export async function checkedExchange(workload: Workload, index: number): Promise<number> {
  const scenario = workload.scenarios[index % workload.scenarios.length];
  const results = await runScenario(workload.run, scenario);
  return results.length;
}

/** One bare exchange: the same request through the same client, nothing checked. */
export async function bareExchange(client: HttpClient, requests: readonly HttpRequest[], index: number): Promise<number> {
  const exchange = await client.send(requests[index % requests.length]);
  return exchange.response ? 1 : 0;
}

/** Whether a URL's percent-encoding decodes (Prism exits on one that does not). */
export function decodable(url: string): boolean {
  try {
    decodeURIComponent(url);
    return true;
  } catch {
    return false;
  }
}

/** The workload's requests moved onto another base URL (e.g. a proxy in front of the target). */
export function rebase(requests: readonly HttpRequest[], from: string, to: string): HttpRequest[] {
  return requests.map((r) => ({ ...r, url: to.replace(/\/+$/, "") + r.url.slice(from.replace(/\/+$/, "").length) }));
}
