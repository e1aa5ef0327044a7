/**
 * `payconform spec update` end to end on Cashfree's real upstream document: a 409 added with a
 * description edited (nothing breaking: exit 0), and the 404 removed (breaking: exit 1). Each
 * run works in a throwaway copy of the project and regenerates generated/cashfree/ for real.
 */
import { afterAll, describe, expect, it } from "vitest";
import { EVOLUTIONS } from "./evolutions.ts";
import { rows, runUpdate, type UpdateRun } from "./update-run.ts";

const runs: UpdateRun[] = [];
afterAll(() => runs.forEach((r) => r.copy.remove()));

describe("spec update cashfree", () => {
  it("a 409 added and a description edited: non-breaking and annotation only, everything holds, exit 0", async () => {
    const run = await runUpdate(EVOLUTIONS.conflictAdded, EVOLUTIONS.descriptionEdited);
    runs.push(run);
    expect(run.result.stderr).toBe("");
    expect(run.result.code).toBe(0);
    expect(rows(run.impact)).toEqual([["non-breaking", "status-added"], ["annotation", "description"]]);
    expect(run.impact).toMatchObject({ exitCode: 0, problems: [], typecheck: { ok: true }, pacts: { broken: [] }, overlay: { issues: [] } });
    expect(run.impact.conformance.sandboxMismatches).toEqual([]);
    // The upstream file is now the published bytes; the overlay re-applies on top.
    expect(run.read("specs/cashfree/upstream.yaml")).toBe(run.published);
    expect(run.read("specs/cashfree/upstream.sha256")).toMatch(new RegExp(`^${run.impact.upstream.sha256After}  upstream.yaml\n$`));
    // Regenerated: the new status and the new description are in the typed client.
    const schema = run.read("generated/cashfree/schema.d.ts");
    expect(schema).toMatch(/409: \{/);
    expect(schema).toContain("Permanently deletes a customer record");
    expect(run.impact.generated.files).toContainEqual({ path: "generated/cashfree/schema.d.ts", state: "changed" });
    expect(run.markdown).toContain("**Verdict: holds.**");
    expect(run.markdown).toContain("| non-breaking | status-added | DELETE /customer/{customer_id} | response 409 is newly documented |");
    expect(run.result.stdout).toMatch(/spec update: everything still holds; report: impact\/spec-impact.md; nothing was committed/);
  });

  it("the 404 removed: breaking, the not-found pact no longer holds, the sandbox's 404 is named, exit 1", async () => {
    const run = await runUpdate(EVOLUTIONS.notFoundRemoved);
    runs.push(run);
    expect(run.result.code).toBe(1);
    expect(rows(run.impact)).toEqual([["breaking", "status-removed"]]);
    expect(run.impact.pacts.broken).toEqual([
      expect.objectContaining({ file: "contracts/payconform-cashfree-client-cashfree.json", interaction: "a delete of a customer that does not exist", check: "response_status_documented" }),
    ]);
    expect(run.impact.conformance.sandboxMismatches).toContainEqual(expect.objectContaining({ check: "status_code_conformance", case: "delete an id that never existed", before: "passed", after: "failed" }));
    expect(run.read("generated/cashfree/schema.d.ts")).not.toMatch(/404: \{/);
    expect(run.impact.problems).toEqual([
      "1 breaking change(s) in the spec",
      "1 pact finding(s) in 1 interaction(s) that no longer hold",
      `${run.impact.conformance.sandboxMismatches.length} conformance case(s) fail against the unchanged reference sandbox: it no longer matches the new spec`,
    ]);
    // Every case that expects the not-found answer now gets an undocumented 404 from the sandbox.
    expect(run.impact.conformance.sandboxMismatches.length).toBeGreaterThanOrEqual(10);
    expect(run.markdown).toContain("**Verdict: needs review.**");
    expect(run.markdown).toContain("- `status_code_conformance` delete an id that never existed: status 404 is not documented");
  });
});
