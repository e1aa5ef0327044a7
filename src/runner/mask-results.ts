/**
 * A provider's results masked as its part of a run ends (src/runner/run.ts), so that its
 * credentials can be released then: the reporters get, and keep, results that hold none.
 */
import { mask } from "../output.ts";
import type { Result } from "./events.ts";

/**
 * The results with every text in them masked: in one pass over their JSON (a JSON string masks
 * as its value does), or one by one should the masked JSON not parse (a secret that spans JSON
 * syntax, which a real credential never does).
 */
export function maskResults(results: Result[]): Result[] {
  const json = JSON.stringify(results);
  const text = mask(json);
  if (text === json) return results;
  try {
    return JSON.parse(text) as Result[];
  } catch {
    return results.map(masked);
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
