/**
 * A provider's results masked as its part of a run ends (src/runner/run.ts), so that its
 * credentials can be released then: the reporters get, and keep, results that hold none.
 */
import { mask } from "../output.ts";
import type { Result } from "./events.ts";

/**
 * The results with every text in them masked: in one pass over their JSON, a result to a line (a
 * JSON string masks as its value does, and holds no raw line break), so that the costly full
 * pattern runs only on the lines of results that hold a secret (a credential sent in the query
 * string is in its result's path and curl line), and only those results are parsed back. A result
 * whose masked line does not parse (a secret that spans JSON syntax, which a real credential never
 * does) is masked field by field.
 */
export function maskResults(results: Result[]): Result[] {
  const lines = results.map((result) => JSON.stringify(result));
  const joined = lines.join("\n");
  const text = mask(joined);
  if (text === joined) return results;
  const maskedLines = text.split("\n");
  if (maskedLines.length !== results.length) return results.map(masked);
  return maskedLines.map((line, i) => (line === lines[i] ? results[i] : parsedOr(line, results[i])));
}

function parsedOr(line: string, result: Result): Result {
  try {
    return JSON.parse(line) as Result;
  } catch {
    return masked(result);
  }
}

/** A result with every text in it masked. */
function masked(result: Result): Result {
  const out: Result = { ...result, case: mask(result.case), message: mask(result.message) };
  for (const key of ["curl", "expected", "actual", "path"] as const) {
    const value = result[key];
    if (value !== undefined) out[key] = mask(value);
  }
  return out;
}
