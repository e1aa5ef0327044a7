/**
 * The provider-state endpoint, Pact convention: POST {"state", "params", "action"}. Setup of the
 * profile's fixture state creates a deletable resource and answers its path parameter values
 * keyed by the operation's own names (and, where the provider has them, the resource's own values
 * of the operation's query parameters); teardown removes them if they are still there.
 */
import { PROFILES } from "../profiles/index.ts";
import { jsonReply } from "./replies.ts";
import { pathParamNames } from "./router.ts";
import type { SandboxEnv, SandboxReply, SandboxRequest } from "./types.ts";

type Obj = Record<string, unknown>;

export function stateHandler(env: SandboxEnv): (req: SandboxRequest) => SandboxReply {
  const fixtureState = PROFILES[env.provider].fixtureState;
  const names = pathParamNames(env.operation);
  return (req) => {
    if (req.method !== "POST") return { status: 405, headers: { allow: "POST" }, body: { message: "Use POST." } };
    const parsed = parseJson(req.body);
    if (!isObj(parsed)) return bad("The body must be a JSON object with a state.");
    const { state, params = {}, action = "setup" } = parsed;
    if (state !== fixtureState) return bad(`Unknown provider state; this sandbox knows "${fixtureState}".`);
    if (!isObj(params)) return bad("params must be a JSON object.");
    const given = names.map((name) => (typeof params[name] === "string" ? (params[name] as string) : undefined));
    if (action === "teardown") {
      env.behaviour.removeFixture(env, given);
      return jsonReply(200, {});
    }
    if (action !== "setup") return bad('action must be "setup" or "teardown".');
    const rejected = names.find((name, i) => given[i] !== undefined && !usableId(env, name, given[i] as string));
    if (rejected) return bad(`params.${rejected} is not a valid ${rejected} for this sandbox.`);
    const ids = env.behaviour.createFixture(env, given);
    return jsonReply(200, { ...Object.fromEntries(names.map((name, i) => [name, ids[i]])), ...env.behaviour.fixtureScope?.(env) });
  };
}

/** A requested id must fit one path segment and its documented schema. */
function usableId(env: SandboxEnv, name: string, value: string): boolean {
  return value !== "" && !value.includes("/") && env.checks.parameter(name, value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function bad(message: string): SandboxReply {
  return jsonReply(400, { message });
}

function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
