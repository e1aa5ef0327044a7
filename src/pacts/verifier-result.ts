/**
 * Reads the Pact verifier's JSON result (what pact-core resolves with on success and rejects
 * with on failure) into one line per interaction. Anything else the verifier rejects with is a
 * tool failure, not a verification result.
 */
export interface InteractionOutcome {
  description: string;
  passed: boolean;
  /** Why it failed, one entry per mismatch (status, header, body path) or verifier error. */
  problems: string[];
}

type Obj = Record<string, unknown>;

/** The outcomes in the verifier's JSON, or undefined when `text` is not such a result. */
export function parseVerifierResult(text: string): InteractionOutcome[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObj(parsed) || !Array.isArray(parsed.interactionResults)) return undefined;
  return parsed.interactionResults.filter(isObj).map((result) => ({
    description: typeof result.description === "string" ? result.description : "(no description)",
    passed: result.result === "OK",
    problems: result.result === "OK" ? [] : problemsOf(result.mismatch),
  }));
}

function problemsOf(mismatch: unknown): string[] {
  if (!isObj(mismatch)) return ["failed"];
  if (Array.isArray(mismatch.mismatches)) {
    return mismatch.mismatches.filter(isObj).map((m) => {
      const where = typeof m.path === "string" && m.path !== "" ? ` at ${m.path}` : "";
      return `${String(m.type ?? "Mismatch")}${where}: ${String(m.mismatch ?? "mismatch")}`;
    });
  }
  const message = mismatch.message ?? mismatch.error;
  return [typeof message === "string" ? message.split("\n")[0] : JSON.stringify(mismatch)];
}

function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
