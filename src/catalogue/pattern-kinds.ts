/**
 * Recognisers for the kinds of pattern-breaking value the case generator makes, by label: each
 * tells whether a value has that kind's shape (a space before a matching value, a look-alike
 * letter, one character short, ...). The pattern cases themselves come from the runner's own
 * derivation (deriveScenarios, which draws them from generateViolations), so the catalogue
 * follows the generator: a label without a recogniser is matched by its generated value.
 */
import { deriveScenarios } from "../cases/derive.ts";
import { compilePattern } from "../cases/regex/index.ts";
import { VERY_LONG } from "../cases/regex/length-mutations.ts";
import type { OperationSpec, ParameterSpec } from "../spec/model.ts";

export type KindTest = (value: string, re: RegExp) => boolean;

export interface PatternCase {
  label: string;
  value: string;
}

const ALNUM = Array.from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
/** Values longer than this are never tried character by character. */
const SHORT = 256;

const isAlnum = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z0-9]$/.test(c);
const isAsciiPunctuation = (c: string): boolean => c >= " " && c <= "~" && !isAlnum(c);
const chop = (v: string): string => Array.from(v).slice(0, -1).join("");

/** Whether replacing one character that satisfies `at` by an ASCII letter or digit makes the value match. */
function fixedBySwap(value: string, re: RegExp, at: (c: string, i: number) => boolean): boolean {
  const chars = Array.from(value);
  if (chars.length > SHORT) return false;
  return chars.some((c, i) => at(c, i) && ALNUM.some((a) => a !== c && re.test([...chars.slice(0, i), a, ...chars.slice(i + 1)].join(""))));
}

export const KIND_TESTS: Readonly<Record<string, KindTest>> = {
  empty: (v) => v === "",
  "wrong-prefix": (v, re) => fixedBySwap(v, re, (c, i) => i === 0 && isAlnum(c)),
  lowercase: (v, re) => /[a-z]/.test(v) && re.test(v.toUpperCase()),
  uppercase: (v, re) => /[A-Z]/.test(v) && re.test(v.toLowerCase()),
  "too-short": (v, re) => v.length < SHORT && ALNUM.some((a) => re.test(v + a)),
  "too-long": (v, re) => isAlnum(Array.from(v).at(-1)) && re.test(chop(v)),
  "wrong-char-class": (v, re) => fixedBySwap(v, re, isAsciiPunctuation),
  "lookalike-unicode": (v, re) => fixedBySwap(v, re, (c) => c.codePointAt(0)! > 0x7f && !/[\u0660-\u0669]/.test(c)),
  "unicode-digit": (v, re) => /[\u0660-\u0669]/.test(v) && re.test(v.replace(/[\u0660-\u0669]/g, (d) => String(d.codePointAt(0)! - 0x0660))),
  "percent-encoded-slash": (v, re) => v.includes("/") && re.test(v.replace("/", "")),
  "leading-space": (v, re) => v.startsWith(" ") && re.test(v.slice(1)),
  "trailing-space": (v, re) => v.endsWith(" ") && re.test(v.slice(0, -1)),
  "newline-suffix": (v, re) => v.endsWith("\n") && re.test(v.slice(0, -1)),
  "null-byte": (v, re) => v.endsWith("\u0000") && re.test(v.slice(0, -1)),
  "very-long": (v) => Array.from(v).length >= VERY_LONG,
};

/** A test for one label's values: its recogniser, or else the generated values themselves. */
export function kindTest(label: string, pattern: string, generated: readonly string[]): (value: string) => boolean {
  const re = compilePattern(pattern);
  const test = KIND_TESTS[label];
  const exact = new Set(generated);
  return (value) => !re.test(value) && (test ? test(value, re) : exact.has(value));
}

/** The pattern cases the runner sends for one parameter with the given seed, in its order. */
export function patternCases(op: OperationSpec, param: ParameterSpec, seed: number): PatternCase[] {
  const re = compilePattern(String(param.schema.pattern));
  const check = param.in === "path" ? "path_pattern_enforcement" : "query_pattern_enforcement";
  const out: PatternCase[] = [];
  for (const scenario of deriveScenarios(op, seed)) {
    if (scenario.check !== check) continue;
    const [step] = scenario.steps;
    const value = param.in === "path" ? step.plan.pathParams[param.name] : step.plan.query[param.name];
    if (value !== undefined && !re.test(value)) out.push({ label: step.label, value });
  }
  return out;
}
