/**
 * One call to a provider-state URL (Pact convention: POST {"state", "params", "action"}), held
 * to the same limits as the target: a timeout, a body cap (an answer larger than it is cut off,
 * never read whole), the trusted CAs. `run` and `verify-pacts` both set fixtures up through it.
 * A state call answers 2xx with a JSON body, or it failed; the failure is a one-line message that
 * names the state URL.
 */
import { createAgents, type Agents } from "./agents.ts";
import { isFault, sendOnce } from "./send.ts";

export interface StateCallOptions {
  timeoutMs: number;
  /** Larger answers fail the call. */
  maxBodyBytes: number;
  caCert?: string;
  signal?: AbortSignal;
  /** Agents to send with, kept by the caller (keep-alive, one pair per fixture source); by default a pair for this call alone. */
  agents?: Agents;
}

/** A pair of keep-alive agents for repeated calls to one state URL; the caller destroys them. */
export function stateAgents(caCert: string | undefined): Agents {
  return createAgents({ keepAlive: true }, caCert);
}

export interface StateBody {
  state: string;
  params: Record<string, unknown>;
  action: "setup" | "teardown";
}

/** The parsed JSON answer (undefined for an empty body when `allowEmpty`), or why the call failed. */
export type StateOutcome = { ok: true; value: unknown } | { ok: false; message: string };

export async function callStateUrl(url: string, body: StateBody, options: StateCallOptions, allowEmpty = false): Promise<StateOutcome> {
  const agents = options.agents ?? createAgents({}, options.caCert);
  const request = { method: "POST", url, headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(body) };
  const what = `${body.action} of "${body.state}"`;
  try {
    const outcome = await sendOnce(request, { agents, timeoutMs: options.timeoutMs, maxBodyBytes: options.maxBodyBytes, signal: options.signal, label: "state URL" });
    if (isFault(outcome)) {
      if (outcome.kind === "tls") return { ok: false, message: outcome.message };
      const reason = outcome.kind === "body-too-large" ? `its answer to ${what} exceeds ${options.maxBodyBytes} bytes` : `unreachable: ${outcome.message}`;
      return { ok: false, message: `state URL ${url} ${reason}` };
    }
    if (outcome.status < 200 || outcome.status > 299) return { ok: false, message: `state URL ${url} answered ${outcome.status} to ${what}` };
    if (allowEmpty && outcome.text.trim() === "") return { ok: true, value: undefined };
    try {
      return { ok: true, value: JSON.parse(outcome.text) };
    } catch {
      return { ok: false, message: `state URL ${url} answered ${what} with a body that is not JSON` };
    }
  } finally {
    if (!options.agents) agents.destroy();
  }
}
