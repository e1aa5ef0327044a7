/**
 * Provider states for the verifier, set up through a state URL with the Pact convention
 * (POST {"state", "params", "action"}):
 *
 * - the fixture state is passed on as it is, setup and teardown, with the pact's params (the
 *   ids the interaction deletes, which the sandbox creates as asked);
 * - the not-found state is a teardown of the fixture state with the pact's params: whatever
 *   exists under those ids is removed, so the interaction deletes ids that do not exist.
 */
import { FixtureError } from "../errors.ts";
import type { HttpProvider } from "../providers.ts";
import { fixtureState, notFoundState } from "./states.ts";

type Params = Record<string, unknown>;
type StateFn = (params?: unknown) => Promise<undefined>;

export type StateHandlers = Record<string, { setup: StateFn; teardown?: StateFn }>;

export function stateHandlers(provider: HttpProvider, stateUrl: string, timeoutMs: number): StateHandlers {
  const state = fixtureState(provider);
  const post = (action: "setup" | "teardown"): StateFn => async (params) => {
    await postState(stateUrl, { state, params: asParams(params), action }, timeoutMs);
    return undefined;
  };
  return {
    [state]: { setup: post("setup"), teardown: post("teardown") },
    [notFoundState(provider)]: { setup: post("teardown") },
  };
}

async function postState(url: string, body: { state: string; params: Params; action: string }, timeoutMs: number): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new FixtureError(`state URL ${url} unreachable: ${(error as Error).message}`, { cause: error });
  }
  await response.arrayBuffer();
  if (!response.ok) throw new FixtureError(`state URL ${url} answered ${response.status} to ${body.action} of "${body.state}"`);
}

function asParams(params: unknown): Params {
  return params !== null && typeof params === "object" && !Array.isArray(params) ? (params as Params) : {};
}
