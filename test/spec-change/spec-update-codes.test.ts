/**
 * `payconform spec update` end to end on Cashfree's real upstream document: an error code
 * renamed, and the provider inlining the parameter an overlay action targets (the action no
 * longer applies and is named). Each run works in a throwaway copy of the project.
 */
import { afterAll, describe, expect, it } from "vitest";
import { EVOLUTIONS } from "./evolutions.ts";
import { rows, runUpdate, type UpdateRun } from "./update-run.ts";

const runs: UpdateRun[] = [];
afterAll(() => runs.forEach((r) => r.copy.remove()));

describe("spec update cashfree", () => {
  it("an error code renamed: the old code's removal is breaking, exit 1", async () => {
    const run = await runUpdate(EVOLUTIONS.errorCodeRenamed);
    runs.push(run);
    expect(run.result.code).toBe(1);
    expect(rows(run.impact)).toEqual([["breaking", "error-code-removed"], ["non-breaking", "error-code-added"], ["annotation", "example"]]);
    expect(run.impact.diff.changes[0]).toMatchObject({ before: "customer_not_found", message: '404: error code "customer_not_found" is no longer documented' });
    // The reference sandbox still answers customer_not_found: error_code_conformance names it, as a
    // warning (no example of the new spec gives that code, and examples need not list every code).
    expect(run.impact.conformance.changed).toContainEqual(expect.objectContaining({ check: "error_code_conformance", case: "delete an id that never existed", before: "passed", after: "warning" }));
    // The typed client carries the documented example, so only schema.d.ts changes, besides the
    // spec read ahead of time (the precompiled validators do not hold examples).
    expect(run.impact.generated.files).toEqual([
      { path: "generated/cashfree/document.json", state: "changed" },
      { path: "generated/cashfree/schema.d.ts", state: "changed" },
    ]);
    expect(run.read("generated/cashfree/schema.d.ts")).toContain("customer_does_not_exist");
    expect(run.markdown).toContain("| breaking | error-code-removed | DELETE /customer/{customer_id} | 404: error code \"customer_not_found\" is no longer documented |");
  });

  it("an overlay target that disappeared: the action is named as needing a human, exit 1", async () => {
    const run = await runUpdate(EVOLUTIONS.overlayTargetGone);
    runs.push(run);
    expect(run.result.code).toBe(1);
    expect(run.impact.overlay.issues).toEqual([
      { action: 3, name: "customer_id pattern (assumed)", target: "$.components.parameters.CustomerId.schema", problem: "no-match", detail: expect.stringMatching(/selects nothing in the new upstream document/) },
    ]);
    // Without the assumed pattern the effective spec loosens, and the pattern cases are gone.
    expect(rows(run.impact)).toEqual([["non-breaking", "pattern-loosened"], ["annotation", "extension"]]);
    const gone = run.impact.conformance.changed.filter((c) => c.check === "path_pattern_enforcement" && c.before === "passed" && c.after === undefined);
    expect(gone.length).toBeGreaterThan(5);
    expect(run.result.stdout).toContain('overlay action 3 "customer_id pattern (assumed)": its target selects nothing');
    expect(run.markdown).toMatch(/\| 3 \| customer_id pattern \(assumed\) \| `\$\.components\.parameters\.CustomerId\.schema` \| its target selects nothing/);
    expect(run.read("specs/cashfree/overlay.yaml")).toContain("target: $.components.parameters.CustomerId.schema");
  });
});
