/**
 * Reads the Pact verifier's JSON result (what pact-core resolves with on success and rejects
 * with on failure) and judges each interaction by the rules `run` applies:
 *
 * - a failed provider-state call fails the interaction, with the state hop's message (the
 *   verifier itself only says that "a state change handler has failed");
 * - an interaction whose pact carries a V4 status matcher (its consumer accepts any documented
 *   rejection) and that got a 4xx the spec does not document is a warning, as in `run`; its body
 *   and headers are not judged, since the spec gives no schema for that status. --strict makes
 *   the warning a failure;
 * - everything else the verifier found is a failure.
 *
 * Anything else the verifier rejects with is a tool failure, not a verification result.
 */
import type { StateFailure } from "./state-hop.ts";
import { acceptedStatuses, describeAccepted } from "./status-matcher.ts";

export interface InteractionOutcome {
  description: string;
  /** No problem (warnings allowed). */
  passed: boolean;
  /** Why it failed, one entry per mismatch (status, header, body path), failed state call or verifier error. */
  problems: string[];
  /** Departures `run` would also only warn about. */
  warnings: string[];
}

/** One interaction as the verifier reported it. */
export interface VerifiedInteraction {
  description: string;
  ok: boolean;
  mismatches: Mismatch[];
  /** The verifier's error message, when it could not compare (e.g. a failed state call). */
  error?: string;
}

interface Mismatch {
  type: string;
  path?: string;
  text: string;
  actual?: unknown;
}

export interface JudgeContext {
  /** The raw pact interactions of the provider, by description. */
  interactions: ReadonlyMap<string, Record<string, unknown>>;
  /** Every status the spec documents for the operation. */
  documented: readonly number[];
  /** Descriptions of the interactions whose expectation rests on an assumed fact (assumed-interactions.ts). */
  assumed?: ReadonlySet<string>;
  stateFailures: readonly StateFailure[];
  strict: boolean;
}

type Obj = Record<string, unknown>;

/** The interactions in the verifier's JSON, or undefined when `text` is not such a result. */
export function parseVerifierResult(text: string): VerifiedInteraction[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObj(parsed) || !Array.isArray(parsed.interactionResults)) return undefined;
  return parsed.interactionResults.filter(isObj).map((result) => {
    const mismatch = isObj(result.mismatch) ? result.mismatch : {};
    const list = Array.isArray(mismatch.mismatches) ? mismatch.mismatches.filter(isObj) : [];
    const message = mismatch.message ?? mismatch.error;
    return {
      description: typeof result.description === "string" ? result.description : "(no description)",
      ok: result.result === "OK",
      mismatches: list.map((m) => ({ type: String(m.type ?? "Mismatch"), path: typeof m.path === "string" && m.path !== "" ? m.path : undefined, text: String(m.mismatch ?? "mismatch"), actual: m.actual })),
      error: typeof message === "string" ? message.split("\n")[0] : list.length === 0 && result.result !== "OK" ? JSON.stringify(mismatch) : undefined,
    };
  });
}

export function judge(results: readonly VerifiedInteraction[], context: JudgeContext): InteractionOutcome[] {
  return results.map((result) => {
    const outcome = { description: result.description, passed: true, problems: [] as string[], warnings: [] as string[] };
    if (result.ok) return outcome;
    const pact = context.interactions.get(result.description);
    const failedStates = pact ? stateFailuresOf(pact, context.stateFailures) : [];
    const undocumented = pact ? undocumentedRejection(result, pact, context.documented) : undefined;
    if (failedStates.length > 0) outcome.problems.push(...failedStates);
    else if (undocumented !== undefined) (context.strict ? outcome.problems : outcome.warnings).push(undocumented);
    else {
      const found = [...result.mismatches.map((m) => `${m.type}${m.path ? ` at ${m.path}` : ""}: ${m.text}`), ...(result.error ? [result.error] : [])];
      // A rejection expected on an assumed fact and not given is a warning, as in run, unless
      // --strict; the body of an answer that was a rejection is still held to the spec.
      const unrejected = result.mismatches.some((m) => m.type === "StatusMismatch");
      if (context.assumed?.has(result.description) && unrejected && !context.strict && !result.error) outcome.warnings.push(`${found.join("; ")}; the expectation rests on an assumed pattern: run counts this as a warning, --strict as a failure`);
      else outcome.problems.push(...found);
    }
    if (outcome.problems.length === 0 && outcome.warnings.length === 0) outcome.problems.push("failed");
    outcome.passed = outcome.problems.length === 0;
    return outcome;
  });
}

/** The hop's failures for the provider states this interaction is given. */
function stateFailuresOf(pact: Obj, failures: readonly StateFailure[]): string[] {
  const states = Array.isArray(pact.providerStates) ? pact.providerStates.filter(isObj) : [];
  const keys = new Set(states.map((s) => stateKey(String(s.name ?? ""), isObj(s.params) ? s.params : {})));
  return [...new Set(failures.filter((f) => keys.has(stateKey(f.state, f.params))).map((f) => f.message))];
}

function stateKey(state: string, params: Obj): string {
  return JSON.stringify([state, Object.entries(params).sort(([a], [b]) => a.localeCompare(b))]);
}

/** The warning for a status-matched interaction answered with a 4xx the spec does not document, if that is what happened. */
function undocumentedRejection(result: VerifiedInteraction, pact: Obj, documented: readonly number[]): string | undefined {
  const accepted = acceptedStatuses(pact.response);
  const status = result.mismatches.find((m) => m.type === "StatusMismatch")?.actual;
  if (accepted === undefined || typeof status !== "number") return undefined;
  if (status < 400 || status > 499 || documented.includes(status)) return undefined;
  return `answered ${status}, a 4xx the spec does not document (accepted: ${describeAccepted(accepted)}); run counts this as a warning, --strict as a failure`;
}

function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
