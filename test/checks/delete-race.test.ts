import { describe, expect, it } from "vitest";
import { deleteSemantics } from "../../src/checks/delete-semantics.ts";
import type { Finding } from "../../src/checks/types.ts";
import type { HttpProvider } from "../../src/providers.ts";
import { NOT_FOUND, SUCCESS } from "./answers.ts";
import { exchange, response, scenarioOf, type Answer } from "./exchange.ts";

const verdict = (findings: Finding[] | undefined): string =>
  findings === undefined ? "n/a" : findings.length === 0 ? "pass" : findings.some((f) => (f.severity ?? (f.basis === "assumed" ? "warning" : "failure")) === "failure") ? "fail" : "warn";

function race(provider: HttpProvider, answers: Answer[], index = answers.length - 1): string {
  const scenario = scenarioOf(provider, { id: "concurrent deletes of one fixture" });
  const burst = { index, responses: answers.map(response) };
  return verdict(deleteSemantics.run(exchange(provider, scenario, 0, answers[index], { burst })));
}

const times = (n: number, answer: () => Answer): Answer[] => Array.from({ length: n }, answer);

describe("delete_semantics: concurrent deletes of one fixture", () => {
  it("sends five in flight at once, then a delete after the race", () => {
    const scenario = scenarioOf("cashfree", { id: "concurrent deletes of one fixture" });
    expect(scenario.steps.map((s) => [s.burst, s.expect])).toEqual([
      [5, "one-success"],
      [undefined, "not-found"],
    ]);
  });

  it.each<[string, HttpProvider, Answer[], string]>([
    ["one success, four not-found", "cashfree", [SUCCESS.cashfree(), ...times(4, NOT_FOUND.cashfree)], "pass"],
    ["two successes", "cashfree", [SUCCESS.cashfree(), SUCCESS.cashfree(), ...times(3, NOT_FOUND.cashfree)], "fail"],
    ["no success", "enkash", times(5, NOT_FOUND.enkash), "fail"],
    ["a 500 among them, a status the doc gives for the delete: what a racing delete gets is assumed", "enkash", [SUCCESS.enkash(), { status: 500, body: {} }, ...times(3, NOT_FOUND.enkash)], "warn"],
    ["a 503 among them, a status the doc does not give", "enkash", [SUCCESS.enkash(), { status: 503, body: {} }, ...times(3, NOT_FOUND.enkash)], "fail"],
    ["a documented 500 and no success", "cashfree", times(5, () => ({ status: 500, body: { message: "Customer deletion failed", code: "deletion_failed", type: "server_error" } })), "fail"],
    ["a 409 for the losers: no doc says what a racing delete gets", "juspay", [SUCCESS.juspay(), ...times(4, () => ({ status: 409, body: {} }))], "warn"],
    ["a 302 for a loser", "enkash", [SUCCESS.enkash(), { status: 302, body: {} }, ...times(3, NOT_FOUND.enkash)], "fail"],
    ["several 202s where the success is 202 Accepted", "yuno", [...times(3, SUCCESS.yuno), ...times(2, NOT_FOUND.yuno)], "warn"],
  ])("%s: %s", (_name, provider, answers, want) => {
    expect(race(provider, answers)).toBe(want);
  });

  it("judges the burst once, at its last answer", () => {
    expect(race("cashfree", [SUCCESS.cashfree(), ...times(4, NOT_FOUND.cashfree)], 0)).toBe("n/a");
  });

  it("a second delete that still gets 202 before the not-found is a warning; one that never gets it too (Yuno may anonymize, leaving the customer to be found)", () => {
    const scenario = scenarioOf("yuno", { id: "delete an existing fixture, then delete it again" });
    expect(scenario.steps[2].pollWhileSuccess).toBe(true);
    expect(scenarioOf("juspay", { id: "delete an existing fixture, then delete it again" }).steps[2].pollWhileSuccess).toBe(false);
    const earlier = [response(SUCCESS.yuno()), response(SUCCESS.yuno())];
    expect(verdict(deleteSemantics.run(exchange("yuno", scenario, 2, NOT_FOUND.yuno(), { earlier })))).toBe("warn");
    const never = deleteSemantics.run(exchange("yuno", scenario, 2, SUCCESS.yuno(), { earlier }))!;
    expect(never).toMatchObject([{ basis: "assumed", message: expect.stringMatching(/after 3 tries.*anonymize/) }]);
    expect(verdict(deleteSemantics.run(exchange("yuno", scenario, 2, NOT_FOUND.yuno())))).toBe("pass");
  });
});
