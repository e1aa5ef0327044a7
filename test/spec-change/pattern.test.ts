/** Which way a documented pattern moved, from values generated out of both regexes. */
import { describe, expect, it } from "vitest";
import { comparePatterns } from "../../src/spec-change/diff/pattern.ts";

describe("comparePatterns", () => {
  it.each([
    ["^[A-Za-z0-9_-]{3,50}$", "^cust_[A-Za-z0-9_]{3,45}$", "tightened"],
    ["^[A-Za-z0-9_-]{3,50}$", "^[A-Za-z0-9_-]{3,40}$", "tightened"],
    ["^KC[A-Z0-9]{14}$", "^KC[A-Z0-9]{12,16}$", "loosened"],
    ["^[a-z]{4}$", "^[a-z0-9]{4}$", "loosened"],
    ["^[a-z]{4}$", "^[0-9]{4}$", "changed"],
    ["^[a-z]{4}$", "^[a-z][a-z][a-z][a-z]$", "equivalent"],
    ["^(?<=a)b$", "^b$", "changed"],
  ])("%s → %s: %s", (before, after, move) => {
    expect(comparePatterns(before, after)).toBe(move);
  });
});
