import { describe, expect, it } from "vitest";
import { adapterByName } from "../../src/catalogue/index.ts";
import { runAgainst } from "../../src/catalogue/run-target.ts";

describe("a transport fault becomes an errored result carrying its scenario's check", () => {
  it.each([
    ["juspay-slow-fixture-delete", "delete_semantics", /^timeout: /, "delete an existing fixture, then delete it again: first delete"],
    ["yuno-resets-without-credentials", "auth_enforcement", /^reset: /, "credentials missing"],
  ])("%s: %s errored", async (name, check, message, scenarioCase) => {
    const adapter = adapterByName(name)!;
    const handle = await adapter.start();
    try {
      const results = await runAgainst(handle, adapter.runOptions);
      const errored = results.filter((r) => r.outcome === "errored");
      expect(errored.length).toBeGreaterThan(0);
      expect(new Set(errored.map((r) => r.check))).toEqual(new Set([check]));
      const hit = errored.find((r) => r.case === scenarioCase);
      expect(hit?.message).toMatch(message);
      expect(hit?.curl).toMatch(/^curl /);
    } finally {
      await handle.close();
    }
  });
});
