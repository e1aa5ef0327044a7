/**
 * An undocumented name that is an absent documented one in another case or spelling is a renamed
 * field: response_schema_conformance warns on it, and stays quiet on extra names and on both names
 * given together.
 */
import { describe, expect, it } from "vitest";
import { lookalikeNames } from "../../src/checks/lookalike-names.ts";
import { responseSchemaConformance } from "../../src/checks/response-schema-conformance.ts";
import { exchange, scenarioOf } from "./exchange.ts";

const SCHEMA = {
  allOf: [{ type: "object", properties: { response_code: { type: "integer" }, errorResponse: { type: "object", properties: { errorType: { type: "string" } } } } }],
  properties: { items: { type: "array", items: { type: "object", properties: { customer_id: { type: "string" } } } } },
};

describe("names that are a documented one in another spelling", () => {
  it.each([
    ["camelCase for snake_case", { responseCode: 0 }, [{ at: "/", sent: "responseCode", documented: "response_code" }]],
    ["another case, nested", { errorResponse: { ErrorType: "X" } }, [{ at: "/errorResponse", sent: "ErrorType", documented: "errorType" }]],
    ["in array items", { items: [{ customerId: "a" }] }, [{ at: "/items/0", sent: "customerId", documented: "customer_id" }]],
    ["none for an extra name unlike any documented one", { trace_id: "t" }, []],
    ["none when the documented name is there too", { response_code: 0, responseCode: 0 }, []],
  ])("%s", (_name, body, want) => {
    expect(lookalikeNames(body, SCHEMA)).toEqual(want);
  });

  it("is a warning of response_schema_conformance on EnKash's envelope with camelCase keys", () => {
    const input = exchange("enkash", scenarioOf("enkash", { id: "delete an existing fixture, then delete it again" }), 0, { status: 200, body: { payload: "Customer deleted", responseCode: 0, responseMessage: "SUCCESS" } });
    const findings = responseSchemaConformance.run(input) ?? [];
    expect(findings.map((f) => [f.basis, f.actual])).toEqual([
      ["assumed", '"responseCode" at /'],
      ["assumed", '"responseMessage" at /'],
    ]);
  });
});
