/**
 * Properties of every generator, over every pattern in the specs and harder ones: generated
 * values match `new RegExp(p, "u")`, violations do not, boundary values do. Bounded: a fixed list
 * of seeds per pattern.
 */
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/cases/random.ts";
import { generateBoundaryValid, generateMatching, generateViolations } from "../../src/cases/regex/index.ts";
import { specPatterns } from "./spec-patterns.ts";

const SPEC_PATTERNS = specPatterns();

const HARDER = [
  // alternation and nested groups
  "^(?:ab|cd|ef)+$",
  "^((a|b)(c|d[0-9]{2}))+-x$",
  "^(?:(?:[a-f]{2}|[0-9]{3})-){1,3}[A-F]$",
  "^[A-Z0-9]{14}$|^[a-z]{3}$",
  "^a|b$",
  // an anchor before optional text: some values built from these cannot match
  "^(?:x|y$)z?$",
  "^[a-z]{1,3}$(?:-[0-9])?",
  // quantifier ranges, lazy ones too
  "^[A-Z]{2,4}[0-9]{3,}$",
  "^.{1,5}$",
  "^a+?b{2,3}?c{0,2}$",
  // classes with ranges and escapes
  "^[a-z0-9._%+-]{1,20}@[a-z0-9-]{2,10}\\.[a-z]{2,3}$",
  "^[\\-\\]\\\\^]+$",
  "^[\\x41-\\x5A\\t]{2}\\cJ?$",
  // \d \w \s and their negations
  "^[\\w.-]{2,8}\\s?[\\d]{1,2}$",
  "^\\d{3}\\D\\w\\W\\s\\S$",
  // negated classes
  "^[^A-Z0-9][^\\s]{2}$",
  "^[^/]+$",
  "^\\S+$",
  // unicode escapes
  "^[\\u{1F600}-\\u{1F64F}]{1,3}\\u{10FFFF}?$",
  "^\\u00e9[\\u0100-\\u017F]{2}\\uD83D\\uDE00$",
  // anchors: none, one, both
  "[A-Z]{3}",
  "^KC",
  "[0-9]$",
  // optional and named groups
  "^(?:cus_)?[a-zA-Z0-9]{10,24}(?:-test)?$",
  "^(?<year>\\d{4})-(?<month>0[1-9]|1[0-2])$",
  "^[a-z]*$",
  // classes holding the characters look-alikes are made of
  "^[\\u0400-\\u04FF]+$",
  "^[A-Za-z\\u0410-\\u044F]{4}$",
  "^[0-9A-Fa-f\\uFF10-\\uFF19]{8}$",
  "^[A-Z\\u0391-\\u03A9]{2,6}$",
];

/** Seeds 0..n-1 and as many spread over the whole 32-bit range. */
const SEEDS = (n: number): number[] => [
  ...Array.from({ length: n }, (_, k) => k),
  ...Array.from({ length: n }, (_, k) => Math.imul(k + 1, 0x9e3779b1) >>> 0),
];

describe("regex generators over the specs' patterns and harder ones", () => {
  it("finds the specs' pattern keywords", () => {
    expect(SPEC_PATTERNS).toEqual(expect.arrayContaining(["^KC[A-Z0-9]{14}$", "^CEK[A-Z0-9]{7}$", "^[A-Za-z0-9_-]{3,50}$"]));
  });

  const ALL = [...SPEC_PATTERNS, ...HARDER];

  it.each(ALL)("%s: every generated value matches (200 seeds)", (pattern) => {
    const re = new RegExp(pattern, "u");
    for (const seed of SEEDS(100)) {
      const value = generateMatching(pattern, createRng(seed));
      expect(re.test(value), `seed ${seed}: ${JSON.stringify(value)}`).toBe(true);
    }
  });

  it.each(ALL)("%s: no violation matches (40 seeds)", (pattern) => {
    const re = new RegExp(pattern, "u");
    const labels = new Set<string>();
    for (const seed of SEEDS(20)) {
      for (const v of generateViolations(pattern, createRng(seed))) {
        expect(re.test(v.value), `seed ${seed} ${v.label}: ${JSON.stringify(v.value)}`).toBe(false);
        labels.add(v.label);
      }
    }
    expect(labels.size, "violations generated").toBeGreaterThan(0);
  });

  it.each(ALL)("%s: every boundary value matches; values and labels are unique", (pattern) => {
    const re = new RegExp(pattern, "u");
    const boundary = generateBoundaryValid(pattern);
    for (const b of boundary) {
      expect(re.test(b.value), `${b.label}: ${JSON.stringify(b.value)}`).toBe(true);
      expect(b.label).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
    }
    expect(new Set(boundary.map((b) => b.value)).size).toBe(boundary.length);
    expect(new Set(boundary.map((b) => b.label)).size).toBe(boundary.length);
    expect(generateBoundaryValid(pattern)).toEqual(boundary);
  });
});
