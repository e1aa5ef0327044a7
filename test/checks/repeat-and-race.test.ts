/**
 * delete_semantics where a repeat delete may succeed (Juspay's DELETED status, Yuno's anonymizing):
 * several successes in a race are judged by the delete right after it; and everywhere, the
 * not-found answer for a deleted fixture holds no more than the one for an id that never existed
 * (a soft delete still handing out the record), a failure where the doc calls the delete permanent.
 */
import { describe, expect, it } from "vitest";
import { deleteSemantics } from "../../src/checks/delete-semantics.ts";
import type { Finding } from "../../src/checks/types.ts";
import type { HttpProvider } from "../../src/providers.ts";
import { NOT_FOUND, SUCCESS } from "./answers.ts";
import { exchange, response, scenarioOf, type Answer } from "./exchange.ts";

const verdict = (findings: Finding[] | undefined): string =>
  findings === undefined ? "n/a" : findings.length === 0 ? "pass" : findings.some((f) => (f.severity ?? (f.basis === "assumed" ? "warning" : "failure")) === "failure") ? "fail" : "warn";

const times = (n: number, answer: () => Answer): Answer[] => Array.from({ length: n }, answer);

describe("a race where a repeat delete may succeed (Juspay)", () => {
  const scenario = scenarioOf("juspay", { id: "concurrent deletes of one fixture" });

  it("five successes are not judged at the burst", () => {
    const answers = times(5, SUCCESS.juspay);
    expect(verdict(deleteSemantics.run(exchange("juspay", scenario, 0, answers[4], { burst: { index: 4, responses: answers.map(response) } })))).toBe("pass");
  });

  it("the delete after the race is polled while it succeeds", () => {
    expect(scenario.steps[1].pollWhileSuccess).toBe(true);
  });

  it.each<[string, Answer[], Answer, string]>([
    ["five successes, then the not-found answer: the extra ones raced", times(5, SUCCESS.juspay), NOT_FOUND.juspay(), "fail"],
    ["five successes, then success again: a record kept, as a repeat delete finds it", times(5, SUCCESS.juspay), SUCCESS.juspay(), "warn"],
    ["one success and four not-found, then not-found", [SUCCESS.juspay(), ...times(4, NOT_FOUND.juspay)], NOT_FOUND.juspay(), "pass"],
  ])("%s", (_name, burst, after, want) => {
    const findings = deleteSemantics.run(exchange("juspay", scenario, 1, after, { before: [burst.map(response)] }));
    expect(verdict(findings)).toBe(want);
    if (want === "fail") expect(findings![0].message).toMatch(/^5 of 5 concurrent deletes of one fixture got the documented success, yet the delete right after them got the not-found answer/);
  });

  it("where the success is 202 Accepted (Yuno), several successes are the deferred delete, not this rule", () => {
    const yuno = scenarioOf("yuno", { id: "concurrent deletes of one fixture" });
    expect(verdict(deleteSemantics.run(exchange("yuno", yuno, 1, NOT_FOUND.yuno(), { before: [times(5, SUCCESS.yuno).map(response)] })))).toBe("pass");
  });

  it("a provider whose repeat delete must get the not-found answer (Cashfree) still fails two successes at the burst", () => {
    const cashfree = scenarioOf("cashfree", { id: "concurrent deletes of one fixture" });
    const answers = [SUCCESS.cashfree(), SUCCESS.cashfree(), ...times(3, NOT_FOUND.cashfree)];
    expect(verdict(deleteSemantics.run(exchange("cashfree", cashfree, 0, answers[4], { burst: { index: 4, responses: answers.map(response) } })))).toBe("fail");
  });
});

describe("the not-found answer for a deleted fixture holds no more than the one for an id never issued", () => {
  const kept = (provider: HttpProvider, extra: Record<string, unknown>): Answer => {
    const answer = NOT_FOUND[provider]();
    return { ...answer, body: { ...(answer.body as object), ...extra } };
  };
  const repeat = (provider: HttpProvider, answer: Answer, baseline: Answer = NOT_FOUND[provider]()): Finding[] | undefined => {
    const scenario = scenarioOf(provider, { id: "delete an existing fixture, then delete it again" });
    const at = scenario.steps.findIndex((s) => s.label === "second delete");
    const before = scenario.steps.map((_s, i) => (i === 1 ? [response(baseline)] : [response(SUCCESS[provider]())]));
    return deleteSemantics.run(exchange(provider, scenario, at, answer, { before }));
  };
  const record = { customer: { customer_name: "Priya Sharma", customer_email: "priya@example.in", customer_phone: "9999999999" } };

  it("Cashfree calls the delete permanent: the record in the answer fails, quoting the doc", () => {
    const findings = repeat("cashfree", kept("cashfree", record));
    expect(verdict(findings)).toBe("fail");
    expect(findings![0]).toMatchObject({ basis: "documented", actual: "also /customer/customer_name, /customer/customer_email, /customer/customer_phone" });
    expect(findings![0].message).toMatch(/which the doc calls permanent: "Use this API to permanently delete customer information/);
  });

  it("EnKash says nothing of permanence: the same is a warning", () => {
    const findings = repeat("enkash", kept("enkash", record));
    expect(verdict(findings)).toBe("warn");
    expect(findings![0].message).toMatch(/assumed: the doc does not say the delete is permanent/);
  });

  it.each<[string, HttpProvider, () => Answer, Answer | undefined]>([
    ["the same answer as for an id never issued", "cashfree", () => NOT_FOUND.cashfree(), undefined],
    ["extra fields on both answers (a request id on every error)", "cashfree", () => kept("cashfree", { request_id: "r2" }), kept("cashfree", { request_id: "r1" })],
    ["a baseline that was not the not-found answer (a made-up id refused as malformed)", "cashfree", () => kept("cashfree", record), { status: 400, body: { message: "bad id" } }],
  ])("passes: %s", (_name, provider, answer, baseline) => {
    expect(repeat(provider, answer(), baseline)).toEqual([]);
  });
});

describe("status_code_conformance on a race", () => {
  it("an undocumented 409 to a delete racing another is a warning; the same 409 to a lone delete fails", async () => {
    const { statusCodeConformance } = await import("../../src/checks/status-code-conformance.ts");
    const scenario = scenarioOf("juspay", { id: "concurrent deletes of one fixture" });
    const answers = [SUCCESS.juspay(), ...times(4, () => ({ status: 409, body: { error: "request_in_progress" } }))];
    const raced = statusCodeConformance.run(exchange("juspay", scenario, 0, answers[1], { burst: { index: 1, responses: answers.map(response) } }));
    expect(verdict(raced)).toBe("warn");
    const lone = scenarioOf("juspay", { id: "delete an existing fixture, then delete it again" });
    expect(verdict(statusCodeConformance.run(exchange("juspay", lone, 0, answers[1])))).toBe("fail");
  });
});
