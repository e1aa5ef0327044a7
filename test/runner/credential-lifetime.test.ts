/**
 * A provider's credentials are masked while its part of a run lasts and given back as it ends,
 * after its results were masked: a run of many providers never masks against all of their
 * credentials at once, and the results the reporters get hold none of them.
 */
import { afterEach, describe, expect, it } from "vitest";
import { maskedValueCount } from "../../src/output.ts";
import { HTTP_PROVIDERS } from "../../src/providers.ts";
import { removeTempDirs, runCollecting } from "./harness.ts";

afterEach(() => removeTempDirs());

describe("credential lifetime in a run", () => {
  it("holds one provider's credentials at a time, and none after the run", async () => {
    const before = maskedValueCount();
    const during: number[] = [];
    const providers = [...HTTP_PROVIDERS, ...HTTP_PROVIDERS];
    const run = await runCollecting({ providers }, (event) => {
      if (event.type === "provider-end") during.push(maskedValueCount());
    });
    expect(run.error).toBeUndefined();
    expect(during).toHaveLength(providers.length);
    // At each part's end its credentials are still held (its results are masked then), and no
    // more than that part's: the count does not grow from one part to the next.
    expect(during.every((count) => count > before)).toBe(true);
    expect(during.slice(4)).toEqual(during.slice(0, 4));
    expect(maskedValueCount()).toBe(before);
  });
});
