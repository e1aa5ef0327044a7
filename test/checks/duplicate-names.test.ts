/** Names given twice in one JSON object, found in the text (JSON.parse keeps only the last). */
import { describe, expect, it } from "vitest";
import { duplicateNames } from "../../src/checks/duplicate-names.ts";
import { responseSchemaConformance } from "../../src/checks/response-schema-conformance.ts";
import { exchange, scenarioOf } from "./exchange.ts";

describe("duplicateNames", () => {
  it.each([
    ['{"a":1,"b":2}', []],
    ['{"a":1,"a":2}', ["a"]],
    ['{"a":{"b":1},"c":{"b":2}}', []],
    ['{"a":{"b":1,"b":2}}', ["b"]],
    ['[{"a":1},{"a":1}]', []],
    ['{"x":"a,\\"a\\":","a":1}', []],
    ['{"k\\u0061":1,"ka":2}', ["ka"]],
    ['{"list":["a","a"],"list2":[{"n":1,"n":2}]}', ["n"]],
  ])("%s → %j", (text, names) => {
    expect(JSON.parse(text)).toBeDefined();
    expect(duplicateNames(text)).toEqual(names);
  });

  it("makes response_schema_conformance warn on a success body that says the status twice", () => {
    const scenario = scenarioOf("juspay", { id: "delete an existing fixture, then delete it again" });
    const text = '{"customer_account_status":"ACTIVE","customer_account_id":"bank_1","customer_account_status":"DELETED"}';
    const input = exchange("juspay", scenario, 0, { status: 200, body: text });
    const findings = responseSchemaConformance.run({ ...input, response: { ...input.response, mediaType: "application/json" }, json: { ok: true, value: JSON.parse(text) } });
    expect(findings).toMatchObject([{ basis: "assumed", actual: '"customer_account_status" more than once' }]);
  });
});
