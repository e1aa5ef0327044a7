import { describe, expect, it } from "vitest";
import { SpecError } from "../../src/errors.ts";
import { generateBoundaryValid } from "../../src/cases/regex/index.ts";

const byLabel = (pattern: string): Record<string, string> =>
  Object.fromEntries(generateBoundaryValid(pattern).map((b) => [b.label, b.value]));

describe("generateBoundaryValid", () => {
  it("gives ^KC[A-Z0-9]{14}$ its digit, letter and range-end values, each once", () => {
    expect(generateBoundaryValid("^KC[A-Z0-9]{14}$")).toEqual([
      { label: "all-digits", value: "KC00000000000000" },
      { label: "all-letters", value: "KCAAAAAAAAAAAAAA" },
      { label: "last-of-class", value: "KCZZZZZZZZZZZZZZ" },
      { label: "last-of-range", value: "KC99999999999999" },
    ]);
  });

  it.each<[string, Record<string, string | RegExp>, string[]]>([
    ["^[A-Za-z0-9_-]{3,50}$", { "first-of-class": "---", "last-of-class": "zzz", shortest: /^.{3}$/, longest: /^.{50}$/ }, []],
    ["^cst_[a-z0-9]+$", { "all-digits": "cst_0", "last-of-class": "cst_z", "last-of-range": "cst_9", shortest: /^cst_.$/ }, ["longest"]],
    ["^(foo|bar)-\\d{2,4}$", { "all-digits": /^(foo|bar)-00$/, "last-of-class": /^(foo|bar)-99$/, longest: /^(foo|bar)-\d{4}$/ }, ["all-letters"]],
    ["^\\d+(-[a-z]+)?$", { "all-digits": "0" }, ["all-letters"]],
    ["^[^/]+$", { "first-of-class": "!", "last-of-class": "~" }, []],
    ["^(?:cus_)?[a-zA-Z0-9]{10,24}$", { shortest: /^.{10}$/, longest: /^cus_.{24}$/ }, []],
    ["^x{2,99999999}$", { shortest: "xx" }, ["longest", "all-digits", "all-letters"]],
  ])("%s gives %j and no %j", (pattern, want, absent) => {
    const got = byLabel(pattern);
    for (const [label, value] of Object.entries(want)) expect(got[label], label).toEqual(value instanceof RegExp ? expect.stringMatching(value) : value);
    for (const label of absent) expect(got, label).not.toHaveProperty(label);
  });

  it.each(["^abc$", "^[]$", "^a|b$"])("%s: nothing to vary or nothing matches, so no values", (pattern) => {
    expect(generateBoundaryValid(pattern)).toEqual([]);
  });

  it("keeps a class that no matching value can hold out of the values", () => {
    const values = generateBoundaryValid("^[a-z]{1,3}$(?:-[0-9])?").map((b) => b.value);
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) expect(value).toMatch(/^[a-z]{1,3}$/);
  });

  it.each(["^(?=KC)[A-Z]+$", "^\\p{Lu}+$", "^[A-Z"])("%s: throws SpecError naming the pattern", (pattern) => {
    expect(() => generateBoundaryValid(pattern)).toThrow(SpecError);
    expect(() => generateBoundaryValid(pattern)).toThrow(JSON.stringify(pattern));
  });
});
