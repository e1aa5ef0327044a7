/**
 * Which way a `pattern` moved: values are generated from both regexes (matching ones, and the
 * boundary-breaking ones the conformance cases use) and each is tried against the other. A value
 * the old pattern accepted that the new one rejects shows a tightening; the reverse, a loosening.
 */
import { createRng } from "../../cases/random.ts";
import { generateMatching, generateViolations } from "../../cases/regex/index.ts";

export type PatternMove = "tightened" | "loosened" | "changed" | "equivalent";

const SAMPLES = 40;

export function comparePatterns(before: string, after: string): PatternMove {
  let oldRe: RegExp;
  let newRe: RegExp;
  let values: string[];
  try {
    oldRe = new RegExp(before, "u");
    newRe = new RegExp(after, "u");
    values = [...samples(before), ...samples(after)];
  } catch {
    return "changed"; // a pattern outside the supported regex subset: say it changed, without a direction
  }
  const tightened = values.some((v) => oldRe.test(v) && !newRe.test(v));
  const loosened = values.some((v) => newRe.test(v) && !oldRe.test(v));
  if (tightened && loosened) return "changed";
  if (tightened) return "tightened";
  if (loosened) return "loosened";
  return "equivalent";
}

function samples(pattern: string): string[] {
  const rng = createRng(7);
  const out = Array.from({ length: SAMPLES }, () => generateMatching(pattern, rng));
  for (const v of generateViolations(pattern, rng)) out.push(v.value);
  return out;
}
