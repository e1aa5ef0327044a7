/**
 * Values that break a pattern, each derived from its AST and checked against
 * `new RegExp(pattern, "u")`: a candidate that matches after all is never returned.
 */
import { forkRng, type Rng } from "../random.ts";
import { leadingSpace, lookalikeUnicode, newlineSuffix, nullByte, percentEncodedSlash, trailingSpace, unicodeDigit } from "./affix-mutations.ts";
import { generateValid } from "./generate.ts";
import { empty, tooLong, tooShort, veryLong } from "./length-mutations.ts";
import type { Mutation } from "./mutation.ts";
import { compilePattern, parsePattern } from "./parse.ts";
import { lowercase, uppercase, wrongCharClass, wrongPrefix } from "./shape-mutations.ts";

export interface PatternViolation {
  /** A stable kebab-case name, e.g. `too-short`. */
  label: string;
  value: string;
  /** A one-line explanation that reads after the parameter name: "customerId has 15 characters: …". */
  description: string;
}

/** Builders in output order. */
const MUTATIONS: ReadonlyArray<readonly [string, Mutation]> = [
  ["empty", empty],
  ["wrong-prefix", wrongPrefix],
  ["lowercase", lowercase],
  ["uppercase", uppercase],
  ["too-short", tooShort],
  ["too-long", tooLong],
  ["wrong-char-class", wrongCharClass],
  ["lookalike-unicode", lookalikeUnicode],
  ["unicode-digit", unicodeDigit],
  ["percent-encoded-slash", percentEncodedSlash],
  ["leading-space", leadingSpace],
  ["trailing-space", trailingSpace],
  ["newline-suffix", newlineSuffix],
  ["null-byte", nullByte],
  ["very-long", veryLong],
];

/** Random builders get this many tries to produce a value that really breaks the pattern. */
const ATTEMPTS = 4;

export function generateViolations(pattern: string, rng: Rng): PatternViolation[] {
  const ast = parsePattern(pattern);
  const re = compilePattern(pattern);
  const seed = rng.int(0, 0xffffffff);
  const base = generateValid(ast, re, forkRng(seed, "base"));
  const out: PatternViolation[] = [];
  const seen = new Set<string>();
  for (const [label, mutate] of MUTATIONS) {
    const ctx = { ast, base, rng: forkRng(seed, label) };
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const candidate = mutate(ctx);
      if (!candidate) break;
      if (re.test(candidate.value)) continue;
      if (!seen.has(candidate.value)) out.push({ label, ...candidate });
      seen.add(candidate.value);
      break;
    }
  }
  return out;
}
