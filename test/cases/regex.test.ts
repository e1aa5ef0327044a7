import { describe, expect, it } from "vitest";
import { SpecError } from "../../src/errors.ts";
import { createRng } from "../../src/cases/random.ts";
import { generateMatching, generateViolations, parsePattern, type PatternViolation } from "../../src/cases/regex/index.ts";

const KC = "^KC[A-Z0-9]{14}$";
const PATTERNS = [KC, "^CEK[A-Z0-9]{7}$", "^[A-Za-z0-9_-]{3,50}$", "^cst_[a-z0-9]+$", "^(foo|bar)-\\d{2,4}$"];
/** Other syntax of the supported subset: escapes, negated and escaped classes, named and optional groups. */
const MORE = [
  "^[^/]+$", "^a\\u0041\\x42\\u{1F600}\\uD83D\\uDE00$", "^(?<id>[a-f0-9]{8})(?:-[A-Z]{2})?$",
  "^[\\d\\s.]{2}$", "^[\\-a\\]]+?$", "^\\w{2,}\\.\\D*$", "[A-Z]{3}", "^.*$",
];
const seeds = (n: number): number[] => Array.from({ length: n }, (_, k) => k);
const byLabel = (vs: PatternViolation[]): Map<string, PatternViolation> => new Map(vs.map((v) => [v.label, v]));

describe("generateMatching", () => {
  it.each([...PATTERNS, ...MORE])("%s: the value matches new RegExp(pattern, 'u') for 200 seeds", (pattern) => {
    const re = new RegExp(pattern, "u");
    for (const seed of seeds(200)) expect(generateMatching(pattern, createRng(seed))).toMatch(re);
  });

  it.each(PATTERNS)("%s: the same seed gives the same value, other seeds vary", (pattern) => {
    expect(generateMatching(pattern, createRng(42))).toBe(generateMatching(pattern, createRng(42)));
    expect(new Set(seeds(20).map((s) => generateMatching(pattern, createRng(s)))).size).toBeGreaterThan(1);
  });

  it("keeps */+/{n,} within REPEAT_SPREAD of their minimum", () => {
    for (const seed of seeds(50)) expect(generateMatching("^cst_[a-z0-9]+$", createRng(seed)).length).toBeLessThanOrEqual(4 + 9);
  });
});

describe("generateViolations", () => {
  it.each([...PATTERNS, ...MORE])("%s: no returned value matches the pattern (50 seeds)", (pattern) => {
    const re = new RegExp(pattern, "u");
    for (const seed of seeds(50)) {
      const vs = generateViolations(pattern, createRng(seed));
      for (const v of vs) {
        expect(re.test(v.value), `${v.label} ${JSON.stringify(v.value)}`).toBe(false);
        expect(v.label).toMatch(/^[a-z]+(-[a-z]+)*$/);
        expect(v.description.length).toBeGreaterThan(10);
      }
      expect(new Set(vs.map((v) => v.label)).size).toBe(vs.length);
      expect(new Set(vs.map((v) => v.value)).size).toBe(vs.length);
    }
  });

  const KC_LABELS = [
    "empty", "wrong-prefix", "lowercase", "too-short", "too-long", "wrong-char-class", "lookalike-unicode",
    "percent-encoded-slash", "leading-space", "trailing-space", "newline-suffix", "null-byte", "very-long",
  ];
  it.each<[string, string[], string[]]>([
    [KC, KC_LABELS, ["uppercase"]],
    ["^CEK[A-Z0-9]{7}$", KC_LABELS, ["uppercase"]],
    ["^[A-Za-z0-9_-]{3,50}$", ["empty", "too-short", "too-long", "wrong-char-class", "very-long", "trailing-space"], ["wrong-prefix", "lowercase", "uppercase"]],
    ["^cst_[a-z0-9]+$", ["wrong-prefix", "uppercase", "too-short", "wrong-char-class", "lookalike-unicode", "very-long"], ["lowercase", "too-long"]],
    ["^(foo|bar)-\\d{2,4}$", ["wrong-prefix", "too-short", "too-long", "wrong-char-class", "newline-suffix"], ["lowercase", "uppercase"]],
    ["^[^/]+$", ["empty", "wrong-char-class", "percent-encoded-slash"], ["newline-suffix", "lookalike-unicode", "too-long"]],
    ["^.*$", ["newline-suffix"], ["empty", "trailing-space"]],
  ])("%s yields %j and never %j (10 seeds)", (pattern, present, absent) => {
    for (const seed of seeds(10)) {
      const labels = generateViolations(pattern, createRng(seed)).map((v) => v.label);
      expect(labels).toEqual(expect.arrayContaining(present));
      for (const label of absent) expect(labels).not.toContain(label);
    }
  });

  const body = /^KC[A-Z0-9]{14}$/u;
  it.each<[string, (v: PatternViolation) => void]>([
    ["empty", (v) => expect(v.value).toBe("")],
    ["wrong-prefix", (v) => {
      expect(v.value).toHaveLength(16);
      expect(v.value.slice(0, 2)).not.toBe("KC");
      expect(v.value.slice(2)).toMatch(/^[A-Z0-9]{14}$/);
    }],
    ["lowercase", (v) => expect(v.value).toMatch(/^KC[a-z0-9]*[a-z][a-z0-9]*$/)],
    ["too-short", (v) => {
      expect(v.value).toMatch(/^KC[A-Z0-9]{13}$/);
      expect(v.description).toContain("15 characters");
      expect(v.description).toContain("exactly 14");
      expect(v.description).toContain("exactly 16 characters");
    }],
    ["too-long", (v) => {
      expect(v.value).toMatch(/^KC[A-Z0-9]{15}$/);
      expect(v.description).toContain("17 characters");
    }],
    ["wrong-char-class", (v) => {
      expect(v.value).toHaveLength(16);
      expect(v.value.slice(2).replace(/[A-Z0-9]/g, "")).toHaveLength(1);
    }],
    ["lookalike-unicode", (v) => {
      expect(Array.from(v.value)).toHaveLength(16);
      expect(v.value).toMatch(/[^\x00-\x7f]/);
    }],
    ["percent-encoded-slash", (v) => {
      expect(encodeURIComponent(v.value)).toContain("%2F");
      expect(v.value.replace("/", "")).toMatch(body);
    }],
    ["leading-space", (v) => expect(v.value.slice(1)).toMatch(body)],
    ["trailing-space", (v) => expect(v.value.slice(0, -1)).toMatch(body)],
    ["newline-suffix", (v) => expect(v.value.endsWith("\n") && body.test(v.value.slice(0, -1))).toBe(true)],
    ["null-byte", (v) => expect(v.value.endsWith("\u0000") && body.test(v.value.slice(0, -1))).toBe(true)],
    ["very-long", (v) => expect(v.value.length).toBeGreaterThanOrEqual(4096)],
  ])(`${KC} %s has the expected shape`, (label, check) => {
    for (const seed of seeds(10)) {
      const v = byLabel(generateViolations(KC, createRng(seed))).get(label);
      expect(v, label).toBeDefined();
      check(v!);
    }
  });

  it.each(PATTERNS)("%s: same seed, same output; other seeds vary", (pattern) => {
    expect(generateViolations(pattern, createRng(7))).toEqual(generateViolations(pattern, createRng(7)));
    const outputs = new Set(seeds(10).map((s) => JSON.stringify(generateViolations(pattern, createRng(s)))));
    expect(outputs.size).toBeGreaterThan(1);
  });
});

describe("parsePattern", () => {
  it("reads anchors, literals and a fixed-count class", () => {
    const [seq] = parsePattern(KC).alternatives;
    expect(seq.map((n) => n.kind)).toEqual(["anchor", "literal", "literal", "repeat", "anchor"]);
    expect(seq[3]).toMatchObject({ kind: "repeat", min: 14, max: 14, source: "[A-Z0-9]{14}", node: { kind: "class" } });
  });

  it("reads a group with alternation and an open quantifier", () => {
    const [seq] = parsePattern("^(foo|bar)-\\d{2,}$").alternatives;
    expect(seq[1]).toMatchObject({ kind: "group", capturing: true });
    expect(seq[1].kind === "group" && seq[1].alternatives.length).toBe(2);
    expect(seq[3]).toMatchObject({ kind: "repeat", min: 2, max: Infinity });
  });

  it.each([
    ["lookahead", "^(?=KC)[A-Z]+$"],
    ["negative lookahead", "^(?!x)\\w+$"],
    ["lookbehind", "(?<=a)b"],
    ["backreference", "^(a)\\1$"],
    ["named backreference", "^(?<x>a)\\k<x>$"],
    ["property escape", "^\\p{Lu}+$"],
    ["word boundary", "\\bKC"],
    ["modifier group", "^(?i:kc)[0-9]$"],
    ["repetition count above the cap", "^a{70000}$"],
    ["invalid under the u flag", "^\\-$"],
    ["syntax error", "^[A-Z"],
  ])("rejects %s with a SpecError naming the pattern", (_name, pattern) => {
    for (const run of [() => parsePattern(pattern), () => generateViolations(pattern, createRng(1))]) {
      expect(run).toThrow(SpecError);
      expect(run).toThrow(JSON.stringify(pattern));
    }
  });

  it.each([
    ["^(?=KC)[A-Z]+$", "a lookahead ((?=…) or (?!…)) at offset 1"],
    ["(?<!a)b", "a lookbehind ((?<=…) or (?<!…)) at offset 0"],
    ["^(a)\\1$", "a backreference (\\N) at offset 4"],
    ["^(?<x>a)\\k<x>$", "a named backreference (\\k<…>) at offset 8"],
    ["^[\\P{L}]$", "a Unicode property escape (\\p{…}) at offset 2"],
    ["a\\B", "a non-word-boundary assertion (\\B) at offset 1"],
    ["^(?i:kc)$", "an inline modifier group ((?i:…)) at offset 1"],
    ["^x{2}a{70000}$", "a repetition count above 65536 at offset 5"],
  ])("%s: the SpecError names what is unsupported and where", (pattern, what) => {
    expect(() => parsePattern(pattern)).toThrow(`pattern ${JSON.stringify(pattern)} uses ${what}; payconform generates values only from`);
  });

  it("reads escapes into the code points they stand for", () => {
    const [seq] = parsePattern("^\\u{1F600}\\uD83D\\uDE00\\x41\\cJ\\.[\\b\\-]$").alternatives;
    expect(seq.map((n) => (n.kind === "literal" ? n.char : n.kind))).toEqual(["anchor", "\u{1F600}", "\u{1F600}", "A", "\n", ".", "class", "anchor"]);
    expect(seq[6]).toMatchObject({ kind: "class", source: "[\\b\\-]", set: { ranges: [[8, 8], [45, 45]] } });
  });

  it.each(["a^b", "^[]$"])("%s: generateMatching throws SpecError when nothing can match", (pattern) => {
    expect(() => generateMatching(pattern, createRng(1))).toThrow(SpecError);
  });
});
