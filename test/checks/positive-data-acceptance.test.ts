import { describe, expect, it } from "vitest";
import { deriveScenarios } from "../../src/cases/derive.ts";
import { positiveDataAcceptance } from "../../src/checks/positive-data-acceptance.ts";
import { evaluate } from "../../src/runner/evaluate.ts";
import { operationContext } from "../../src/runner/run.ts";
import { NOT_FOUND, SUCCESS, documentedAnswer } from "./answers.ts";
import { exchange, scenarioOf } from "./exchange.ts";

describe("positive_data_acceptance", () => {
  it("derives boundary-valid values for every patterned parameter, and the documented example of x-routing-id", () => {
    const ids = (p: "enkash" | "cashfree" | "juspay" | "yuno"): string[] => deriveScenarios(operationContext(p).op, 1).filter((s) => s.check === "positive_data_acceptance").map((s) => s.id);
    expect(ids("enkash")).toEqual(expect.arrayContaining(["valid path customerId all-digits", "valid path customerId all-letters", "valid query parentCompanyId all-digits"]));
    const allDigits = scenarioOf("enkash", { id: "valid path customerId all-digits" });
    expect(allDigits.steps[0].plan.pathParams.customerId).toBe("KC00000000000000");
    const spellings = ["valid accept any media type", "valid with a query parameter the operation does not use", "valid header names title-cased", "valid path ids with a percent-encoded letter"];
    const scheme = (name: string, word: string) => [`valid credential ${name} with the ${word} scheme word in lower case`, `valid credential ${name} with two spaces after the ${word} scheme word`];
    expect(ids("juspay")).toEqual(["valid path customer_id long", "valid path customer_account_id long", "valid header x-routing-id documented-example", "valid header x-routing-id non-ASCII", "valid header x-routing-id another-identifier", "valid body media type with a charset parameter", "valid body media type with a charset parameter, no space", "valid body media type in another case", "valid form body with a percent-encoded letter in a name", "valid form body with a trailing &", "valid form body with a lone % in another field", "valid form body with a percent-encoded letter", spellings[0], spellings[1], spellings[2], ...scheme("basicAuth", "basic"), "valid body sent chunked", spellings[3]]);
    const form = scenarioOf("juspay", { id: "valid form body with a percent-encoded letter" });
    expect([form.basis, form.steps[0].plan.body]).toEqual(["documented", "command=%64elete"]);
    const name = scenarioOf("juspay", { id: "valid form body with a percent-encoded letter in a name" });
    expect([name.basis, name.steps[0].plan.body]).toEqual(["documented", "%63ommand=delete"]);
    const stray = scenarioOf("juspay", { id: "valid form body with a lone % in another field" });
    expect([stray.basis, stray.steps[0].plan.body, stray.steps[0].expect]).toEqual(["assumed", "command=delete&note=100%", "not-found"]);
    const lower = scenarioOf("juspay", { id: "valid credential basicAuth with the basic scheme word in lower case" });
    expect([lower.basis, lower.fixtures, lower.steps[0].plan.auth, lower.steps[0].expect]).toEqual(["documented", 1, { basicAuth: "scheme-lower-case" }, "success"]);
    expect(ids("yuno")).toEqual(["valid path customer_id long", "valid with Content-Length: 0", "valid with a JSON Content-Type and no body", spellings[0], "valid with an Authorization header the operation does not use", spellings[1], spellings[2], "valid uuid headers in upper case", spellings[3]]);
    expect(ids("cashfree").length).toBeGreaterThan(3);
    expect(deriveScenarios(operationContext("cashfree").op, 1).find((s) => s.check === "positive_data_acceptance")!.basis).toBe("assumed");
  });

  it.each([
    ["the not-found answer", NOT_FOUND.enkash(), "pass"],
    ["400 VALIDATION_ERROR", documentedAnswer("enkash", 400), "fail"],
    ["422", documentedAnswer("enkash", 422), "fail"],
    ["a success", SUCCESS.enkash(), "fail"],
    ["500", documentedAnswer("enkash", 500), "fail"],
  ])("an all-digit customerId answered with %s: %s", (_name, answer, want) => {
    const input = exchange("enkash", scenarioOf("enkash", { id: "valid path customerId all-digits" }), 0, answer);
    const findings = positiveDataAcceptance.run(input)!;
    expect(findings.length === 0 ? "pass" : "fail").toBe(want);
  });

  it("is a warning where the constraint is assumed (Cashfree's id pattern), a failure with --strict", () => {
    const scenario = deriveScenarios(operationContext("cashfree").op, 1).find((s) => s.check === "positive_data_acceptance")!;
    const input = exchange("cashfree", scenario, 0, documentedAnswer("cashfree", 400));
    const result = (strict: boolean) => evaluate(input, { strict, curl: () => "" }).find((r) => r.check === "positive_data_acceptance")!;
    expect(result(false)).toMatchObject({ outcome: "warning", basis: "assumed" });
    expect(result(true).outcome).toBe("failed");
    expect(result(false).message).toMatch(/was rejected with 400, although every value fits the documented and assumed constraints/);
  });

  it.each([
    ["the documented success", SUCCESS.yuno(), undefined],
    ["the not-found answer (a target that does not decode the path)", NOT_FOUND.yuno(), "warning"],
    ["500", { status: 500, body: { code: "INTERNAL" } }, "failed"],
  ])("a fixture deleted by its id with a percent-encoded letter, answered with %s", (_name, answer, want) => {
    const input = exchange("yuno", scenarioOf("yuno", { id: "valid path ids with a percent-encoded letter" }), 0, answer);
    const result = evaluate(input, { strict: false, curl: () => "" }).find((r) => r.check === "positive_data_acceptance")!;
    expect(result.outcome).toBe(want ?? "passed");
    if (want === "warning") expect(result.message).toMatch(/does not decode the path/);
  });

  it("sends the documented body with a charset parameter; a 400 to it is a warning", () => {
    const scenario = scenarioOf("juspay", { id: "valid body media type with a charset parameter" });
    expect(scenario.steps[0].plan.headers["content-type"]).toBe("application/x-www-form-urlencoded; charset=UTF-8");
    const result = evaluate(exchange("juspay", scenario, 0, documentedAnswer("juspay", 400)), { strict: false, curl: () => "" }).find((r) => r.check === "positive_data_acceptance")!;
    expect(result).toMatchObject({ outcome: "warning", basis: "assumed" });
  });

  it("sends Accept: */* and an unused query parameter; a 406 or a 400 to them is a warning", () => {
    const accept = scenarioOf("yuno", { id: "valid accept any media type" });
    expect(accept.steps[0].plan.headers.accept).toBe("*/*");
    const judged = (id: string, status: number) => evaluate(exchange("yuno", scenarioOf("yuno", { id }), 0, { status, body: { code: "X", messages: [] } }), { strict: false, curl: () => "" }).find((r) => r.check === "positive_data_acceptance")!;
    expect(judged("valid accept any media type", 406)).toMatchObject({ outcome: "warning", basis: "assumed" });
    expect(judged("valid with a query parameter the operation does not use", 400)).toMatchObject({ outcome: "warning", basis: "assumed" });
  });
});
