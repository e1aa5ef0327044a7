import { describe, expect, it } from "vitest";
import { errorCodeConformance } from "../../src/checks/error-code-conformance.ts";
import { responseSchemaConformance } from "../../src/checks/response-schema-conformance.ts";
import { basisAtSchemaPath, schemaForPointer } from "../../src/spec/basis.ts";
import type { JsonSchema } from "../../src/spec/model.ts";
import { evaluate } from "../../src/runner/evaluate.ts";
import { exchange, scenarioOf } from "../checks/exchange.ts";

const schema: JsonSchema = {
  type: "object",
  required: ["a"],
  "x-payconform-assumed": { required: "why" },
  properties: {
    a: { type: "string", enum: ["x", "y"] },
    b: { type: "object", "x-payconform-assumed": "why", properties: { c: { type: "string", const: "z" } } },
  },
  allOf: [{ properties: { d: { type: "integer" } } }],
};

describe("the basis of one schema keyword", () => {
  it.each([
    ["#/required", "assumed"],
    ["#/type", "documented"],
    ["#/properties/a/enum", "documented"],
    ["#/properties/b/type", "assumed"],
    ["#/properties/b/properties/c/const", "assumed"],
    ["#/allOf/0/properties/d/type", "documented"],
  ])("%s is %s", (path, basis) => {
    expect(basisAtSchemaPath(schema, path)).toBe(basis);
  });

  it("finds the schema of an instance pointer through allOf", () => {
    expect(schemaForPointer(schema, "/d")).toEqual({ schema: { type: "integer" }, path: "#/allOf/0/properties/d" });
    expect(schemaForPointer(schema, "/b/c")?.path).toBe("#/properties/b/properties/c");
    expect(schemaForPointer(schema, "/nope")).toBeUndefined();
  });
});

describe("exact basis on the providers' own specs", () => {
  const envelope = (errorType?: string) => ({ errorResponse: errorType === undefined ? { errorMessage: "x" } : { errorType, errorMessage: "x" }, response_code: 404 });
  const results = (body: unknown) => {
    const scenario = scenarioOf("enkash", { id: "delete an id that never existed" });
    return evaluate(exchange("enkash", scenario, 0, { status: 404, body }), { strict: false, curl: () => "" });
  };

  it("an EnKash 404 errorType outside the documented enum fails, although the 404 envelope is assumed", () => {
    const schemaResult = results(envelope("NOT_FOUND")).find((r) => r.check === "response_schema_conformance")!;
    expect(schemaResult).toMatchObject({ outcome: "failed", basis: "documented" });
    const code = results(envelope("NOT_FOUND")).find((r) => r.check === "error_code_conformance")!;
    expect(code).toMatchObject({ outcome: "failed", basis: "documented" });
  });

  it("an EnKash 404 without errorType is a warning: that part is assumed; another enum value is the target's choice, as the doc maps none to a status", () => {
    expect(results(envelope()).find((r) => r.check === "response_schema_conformance")).toMatchObject({ outcome: "warning", basis: "assumed" });
    expect(results(envelope("VALIDATION_ERROR")).find((r) => r.check === "error_code_conformance")).toMatchObject({ outcome: "passed" });
    expect(results(envelope("INVALID_ACCESS")).find((r) => r.check === "error_code_conformance")).toMatchObject({ outcome: "passed" });
    expect(results({ message: "gone" }).find((r) => r.check === "response_schema_conformance")).toMatchObject({ outcome: "warning", basis: "assumed" });
  });

  it("a Juspay 404 without a field its table lists is assumed; one with another error_code is documented", () => {
    const scenario = scenarioOf("juspay", { id: "delete an id that never existed" });
    const body = { error_message: "x", status: "invalid_request_error", error_code: "object_not_found", error_info: { User_message: "x", developer_message: "y", category: "USER_ERROR" } };
    const schemaFindings = responseSchemaConformance.run(exchange("juspay", scenario, 0, { status: 404, body }))!;
    // The missing user_message (its required keyword assumed), and User_message as its renamed form.
    expect(schemaFindings.map((f) => [f.basis, f.message.includes("User_message")])).toEqual([
      ["assumed", true],
      ["assumed", false],
    ]);
    const wrongCode = { ...body, error_code: "not_found", error_info: { user_message: "x", developer_message: "y", category: "USER_ERROR" } };
    expect(errorCodeConformance.run(exchange("juspay", scenario, 0, { status: 404, body: wrongCode }))!.map((f) => f.basis)).toEqual(["documented"]);
  });

  it("a Cashfree error code its examples give for another status fails; a code no example gives is a warning, as examples need not list every code", () => {
    const scenario = scenarioOf("cashfree", { id: "delete an id that never existed" });
    const body = (code: string) => ({ message: "x", code, type: "resource_error" });
    const crossed = errorCodeConformance.run(exchange("cashfree", scenario, 0, { status: 404, body: body("invalid_customer_id") }))!;
    expect(crossed).toMatchObject([{ basis: "documented", message: expect.stringContaining("the code the doc's examples give for 400, not for 404") }]);
    const unknown = errorCodeConformance.run(exchange("cashfree", scenario, 0, { status: 404, body: body("no_such_customer") }))!;
    expect(unknown).toMatchObject([{ basis: "assumed", message: expect.stringContaining("examples need not list every code") }]);
    expect(errorCodeConformance.run(exchange("cashfree", scenario, 0, { status: 404, body: body("customer_not_found") }))).toEqual([]);
    // The documented code spelt another way is that code, broken: clients compare codes exactly.
    for (const spelt of ["CUSTOMER_NOT_FOUND", "customer-not-found"]) {
      expect(errorCodeConformance.run(exchange("cashfree", scenario, 0, { status: 404, body: body(spelt) }))).toMatchObject([{ basis: "documented", message: expect.stringContaining('the documented code "customer_not_found" spelt another way') }]);
    }
  });

  it("a Cashfree code and type exchanged fail, each being the value the examples give at the other field", () => {
    const scenario = scenarioOf("cashfree", { id: "delete an id that never existed" });
    const swapped = errorCodeConformance.run(exchange("cashfree", scenario, 0, { status: 404, body: { message: "x", code: "resource_error", type: "customer_not_found" } }))!;
    expect(swapped).toMatchObject([
      { basis: "documented", message: '"resource_error" at /code is the value the doc gives at /type for 404: the fields are exchanged' },
      { basis: "documented", message: '"customer_not_found" at /type is the value the doc gives at /code for 404: the fields are exchanged' },
    ]);
    // The code copied into type as well is no exchange: an unknown type, a warning.
    const copied = errorCodeConformance.run(exchange("cashfree", scenario, 0, { status: 404, body: { message: "x", code: "customer_not_found", type: "customer_not_found" } }))!;
    expect(copied).toMatchObject([{ basis: "assumed", message: expect.stringContaining("examples need not list every code") }]);
  });
});
