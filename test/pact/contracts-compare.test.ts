/** contracts:check's comparison: tool-version metadata is ignored, anything else is stale. */
import { describe, expect, it } from "vitest";
import { comparePacts, normalisePact } from "../../scripts/contracts-compare.ts";

const pact = (description: string, pactJs = "17.1.4") =>
  JSON.stringify({ consumer: { name: "c" }, provider: { name: "p" }, interactions: [{ description }], metadata: { "pact-js": { version: pactJs }, pactRust: { ffi: "0.5.8" }, pactSpecification: { version: "4.0" } } }, null, 2);

describe("normalisePact", () => {
  it("ignores the Pact JS and Pact Rust versions and key order", () => {
    const reordered = JSON.stringify({ provider: { name: "p" }, consumer: { name: "c" }, interactions: [{ description: "x" }], metadata: { pactSpecification: { version: "4.0" } } });
    expect(normalisePact(pact("x", "18.0.0"))).toBe(normalisePact(reordered));
  });

  it("keeps the pact specification version", () => {
    expect(normalisePact(pact("x"))).not.toBe(normalisePact(pact("x").replace('"4.0"', '"3.0.0"')));
  });
});

describe("comparePacts", () => {
  const cases = [
    { name: "in sync", want: { "a.json": pact("x") }, have: { "a.json": pact("x", "17.2.0") }, stale: [] },
    { name: "an interaction changed", want: { "a.json": pact("x") }, have: { "a.json": pact("y") }, stale: [{ file: "a.json", state: "changed" }] },
    { name: "a pact not committed", want: { "a.json": pact("x") }, have: {}, stale: [{ file: "a.json", state: "missing" }] },
    { name: "a pact no longer produced", want: {}, have: { "b.json": pact("x") }, stale: [{ file: "b.json", state: "extra" }] },
  ];

  it.each(cases)("$name", ({ want, have, stale }) => {
    expect(comparePacts(new Map(Object.entries(want)), new Map(Object.entries(have)))).toEqual(stale);
  });
});
