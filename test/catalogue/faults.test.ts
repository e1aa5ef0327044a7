import { describe, expect, it } from "vitest";
import { adapterByName } from "../../src/catalogue/index.ts";
import { runAgainst } from "../../src/catalogue/run-target.ts";
import { deriveScenarios } from "../../src/cases/derive.ts";
import { operationContext } from "../../src/runner/run.ts";

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
      // Every errored result carries the check of the scenario it belongs to (its case names the scenario).
      expect(errored.map((r) => r.check)).toContain(check);
      const scenarioCheck = new Map(deriveScenarios(operationContext(adapter.provider).op, 1).map((s) => [s.id, s.check]));
      for (const r of errored) expect(scenarioCheck.get(r.case.split(": ")[0].replace(/ #\d+$/, "")), r.case).toBe(r.check);
      const hit = errored.find((r) => r.case === scenarioCase);
      expect(hit?.message).toMatch(message);
      expect(hit?.curl).toMatch(/^curl /);
    } finally {
      await handle.close();
    }
  });
});
