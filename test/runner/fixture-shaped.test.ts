/**
 * Ids of a fixture's own shape that were never issued: each character of the last part moved within
 * its class; none where that part is too short or all digits (a sequential id's neighbour may exist).
 */
import { describe, expect, it } from "vitest";
import { fixtureShaped } from "../../src/runner/fixture-shaped.ts";

describe("fixtureShaped", () => {
  it.each([
    ["KC1A2B3C4D5E6F7G", /^KC[A-Z0-9]{14}$/],
    ["cust_priya_sharma2024", /^cust_priya_[a-z]{6}[0-9]{4}$/],
    ["3f2a9c1e-7b4d-4e8a-9c21-5d6e7f8a9b0c", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/],
    ["bank_AbC123xyz", /^bank_[A-Za-z0-9]{9}$/],
    // A UUID whose last group happens to hold only digits is still random, not a sequence.
    ["a7ec5bb8-164d-4507-a744-014530094065", /^a7ec5bb8-164d-4507-a744-[0-9a-f]{12}$/],
  ])("%s keeps its shape and differs", (id, shape) => {
    const shaped = fixtureShaped(id);
    expect(shaped).toMatch(shape);
    expect(shaped).not.toBe(id);
    expect(shaped).toHaveLength(id.length);
  });

  it("moves every letter and digit of the id's last part, so no lookup by prefix or case finds it", () => {
    const id = "cst_weoridsfdkl9";
    const shaped = fixtureShaped(id);
    expect(shaped).toBeDefined();
    if (shaped === undefined) return;
    expect(shaped.startsWith("cst_")).toBe(true);
    for (let i = 4; i < id.length; i++) expect(shaped[i]).not.toBe(id[i]);
  });

  it.each(["customer_10012345", "cust_priya_2024", "cst_ab1", "12", "id-"])("%s: too short or all digits to move safely, none", (id) => {
    expect(fixtureShaped(id)).toBeUndefined();
  });
});
