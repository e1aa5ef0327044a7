import { describe, expect, it } from "vitest";
import { ownershipEnforcement } from "../../src/checks/ownership-enforcement.ts";
import type { Finding } from "../../src/checks/types.ts";
import type { HttpProvider } from "../../src/providers.ts";
import { NOT_FOUND, SUCCESS, documentedAnswer } from "./answers.ts";
import { exchange, scenarioOf, type Answer } from "./exchange.ts";

const outcome = (findings: Finding[] | undefined): string =>
  findings === undefined ? "n/a" : findings.length === 0 ? "pass" : findings.some((f) => (f.severity ?? "failure") === "failure") ? "fail" : "warn";

/** `step` below 0 counts from the end: -1 the last step (Juspay: the crossed request again, after the delete through the fixture's own scope; Yuno: that delete). */
function judge(provider: HttpProvider, step: number, answer: Answer): string {
  const scenario = scenarioOf(provider, { check: "ownership_enforcement" });
  return outcome(ownershipEnforcement.run(exchange(provider, scenario, step < 0 ? scenario.steps.length + step : step, answer)));
}

describe("ownership_enforcement", () => {
  it.each<[string, HttpProvider, number, () => Answer, string]>([
    ["juspay crossed request deleted", "juspay", 0, SUCCESS.juspay, "fail"],
    ["juspay crossed request not found", "juspay", 0, NOT_FOUND.juspay, "pass"],
    ["juspay crossed request 400 (documented)", "juspay", 0, () => documentedAnswer("juspay", 400), "pass"],
    ["juspay crossed request 403 (undocumented)", "juspay", 0, () => ({ status: 403, body: {} }), "warn"],
    ["juspay crossed request 500", "juspay", 0, () => ({ status: 500, body: {} }), "fail"],
    ["juspay crossed request with x-routing-id of the owner deleted", "juspay", 1, SUCCESS.juspay, "fail"],
    ["juspay crossed request with x-routing-id of the owner not found", "juspay", 1, NOT_FOUND.juspay, "pass"],
    ["juspay fixture survives", "juspay", -2, SUCCESS.juspay, "pass"],
    ["juspay fixture gone", "juspay", -2, NOT_FOUND.juspay, "fail"],
    ["juspay deleted account under the other customer, not found", "juspay", -1, NOT_FOUND.juspay, "pass"],
    ["juspay deleted account under the other customer, its success again", "juspay", -1, SUCCESS.juspay, "fail"],
    ["yuno foreign account accepted", "yuno", 0, SUCCESS.yuno, "fail"],
    ["yuno foreign account INVALID_REQUEST", "yuno", 0, () => documentedAnswer("yuno", 400, "INVALID_REQUEST"), "pass"],
    ["yuno foreign account CUSTOMER_NOT_FOUND", "yuno", 0, NOT_FOUND.yuno, "pass"],
    ["yuno foreign account 401", "yuno", 0, () => ({ status: 401, body: {} }), "warn"],
    ["yuno fixture survives", "yuno", -2, SUCCESS.yuno, "pass"],
    ["yuno fixture gone", "yuno", -2, NOT_FOUND.yuno, "fail"],
  ])("%s: %s", (_name, provider, step, answer, want) => {
    expect(judge(provider, step, answer())).toBe(want);
  });

  it("has scenarios only where the operation names a scope", () => {
    expect(() => scenarioOf("cashfree", { check: "ownership_enforcement" })).toThrow();
    const juspay = scenarioOf("juspay", { check: "ownership_enforcement" });
    // An id of fixture 2's shape that never existed under fixture 1's customer, before and after the crossed request.
    expect(juspay.steps[0]).toMatchObject({ fixture: { customer_id: 0 }, plan: { shapedLike: 1 }, expect: "refused" });
    expect(juspay.steps[1].fixture).toEqual({ customer_id: 0, customer_account_id: 1 });
    expect(juspay.steps[2]).toMatchObject({ fixture: { customer_id: 0 }, around: { fixture: 1, unknown: 0 } });
    expect(juspay.steps[3]).toMatchObject({ fixture: { customer_id: 0, customer_account_id: 1 }, headersFrom: 1, expect: "refused" });
    expect(scenarioOf("yuno", { check: "ownership_enforcement" }).steps[0].plan.headers["x-account-code"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("says what the crossed request got", () => {
    const scenario = scenarioOf("juspay", { check: "ownership_enforcement" });
    const [finding] = ownershipEnforcement.run(exchange("juspay", scenario, 1, SUCCESS.juspay()))!;
    expect(finding.message).toMatch(/customer_account_id of fixture 2 under customer_id of fixture 1 was carried out with 200/);
    expect(finding.expected).toBe("the not-found answer (404) or a documented 4xx (400, 401, 404)");
  });

  it("fails a refusal that names an id of the other scope the request did not name", () => {
    const scenario = scenarioOf("juspay", { check: "ownership_enforcement" });
    const body = { ...NOT_FOUND.juspay().body as object, developer_message: "Customer account bank_B belongs to cst_owner0001." };
    const findings = ownershipEnforcement.run(exchange("juspay", scenario, 1, { status: 404, body }, { unnamedIds: ["cst_owner0001", "bank_other01"] }))!;
    expect(findings.map((f) => f.message)).toEqual([expect.stringMatching(/names "cst_owner0001", an id of the other scope that the request did not name/)]);
  });
});
