import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../src/catalogue/index.ts";
import { KIND_TESTS, kindTest, patternCases } from "../../src/catalogue/pattern-kinds.ts";
import { createRng } from "../../src/cases/random.ts";
import { generateMatching, generateViolations } from "../../src/cases/regex/index.ts";
import { operationContext } from "../../src/runner/run.ts";

const op = operationContext("enkash").op;
const customerId = op.parameters.find((p) => p.name === "customerId")!;
const PATTERNS = [String(customerId.schema.pattern), "^CEK[A-Z0-9]{7}$"];
const seeds = Array.from({ length: 10 }, (_, k) => k);

describe("the EnKash customerId adapters follow the generator", () => {
  it("has one adapter for each pattern case the runner generates, and no other", () => {
    const labels = patternCases(op, customerId, 1).map((c) => c.label);
    const generated = generateViolations(String(customerId.schema.pattern), createRng(0)).map((v) => v.label);
    expect(labels.length).toBeGreaterThanOrEqual(10);
    // The runner sends every generated kind except an empty path segment, which is another route.
    expect(labels).toEqual(generated.filter((l) => l !== "empty"));
    const adapters = CATALOGUE.filter((a) => a.expectedCheck === "path_pattern_enforcement" && a.provider === "enkash").map((a) => a.name);
    expect(adapters).toEqual(labels.map((l) => `enkash-accepts-customer-id-${l}`));
  });

  it("has a shape recogniser for every label the generator makes", () => {
    for (const pattern of PATTERNS) {
      for (const seed of seeds) {
        for (const v of generateViolations(pattern, createRng(seed))) expect(Object.keys(KIND_TESTS), v.label).toContain(v.label);
      }
    }
  });

  it.each(PATTERNS)("%s: each recogniser accepts its own kind's value and no other kind's, nor a matching value", (pattern) => {
    for (const seed of seeds) {
      const violations = generateViolations(pattern, createRng(seed));
      for (const own of violations) {
        const accepts = kindTest(own.label, pattern, []);
        for (const other of violations) expect(accepts(other.value), `${own.label} on ${other.label} ${JSON.stringify(other.value)}`).toBe(other.label === own.label);
        expect(accepts(generateMatching(pattern, createRng(seed + 100)))).toBe(false);
      }
    }
  });

  it("matches a label without a recogniser by the generated value only", () => {
    const accepts = kindTest("some-new-kind", "^KC[A-Z0-9]{14}$", ["kc-new"]);
    expect(accepts("kc-new")).toBe(true);
    expect(accepts("kc-other")).toBe(false);
  });
});
