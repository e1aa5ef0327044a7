/**
 * no_internal_leak's other half: an answer that names a customer the request did not (another
 * fixture of the run) fails, in a header or the body; the request's own ids, an id inside a longer
 * one, and a crossed request's other scope (ownership_enforcement's) do not.
 */
import { describe, expect, it } from "vitest";
import { noInternalLeak } from "../../src/checks/no-internal-leak.ts";
import { exchange, response, scenarioOf } from "./exchange.ts";

const scenario = scenarioOf("yuno", { id: "delete an existing fixture, then delete it again" });
const mine = "3b1f0c2a-9d4e-4b7a-8c21-000000000001";
const other = "3b1f0c2a-9d4e-4b7a-8c21-000000000002";
const request = { method: "DELETE", url: `http://127.0.0.1/v1/customers/${mine}`, headers: {} };

function judge(headers: Record<string, string>, body: unknown, extra: { unnamedIds?: string[]; runIds?: Map<string, string> } = {}): string[] {
  const input = exchange("yuno", scenario, 0, { status: 202, body }, { request, runIds: extra.runIds ?? new Map([[mine, mine], [other, other]]), unnamedIds: extra.unnamedIds });
  return (noInternalLeak.run({ ...input, response: { ...response({ status: 202, body }), headers } }) ?? []).map((f) => f.message);
}

describe("no_internal_leak: other customers named", () => {
  it.each<[string, Record<string, string>, unknown, number]>([
    ["a Location naming another fixture", { location: `/v1/customers/${other}` }, undefined, 1],
    ["a Link naming it percent-encoded in a body", {}, { next: `/v1/customers/${encodeURIComponent(other)}` }, 1],
    ["the request's own id", { location: `/v1/customers/${mine}` }, { id: mine }, 0],
    ["no id at all", { "x-request-id": "r-1" }, undefined, 0],
  ])("%s", (_name, headers, body, findings) => {
    expect(judge(headers, body)).toHaveLength(findings);
  });

  it("says where the id was found", () => {
    expect(judge({ link: `</v1/customers/${other}>; rel="next"` }, undefined)).toEqual([`the 202 answer names another customer's id, of fixtures this run set up that the request did not name: ${other} (header link)`]);
  });

  it("takes an id inside a longer one for no id", () => {
    expect(judge({}, { ids: ["cust_100001"] }, { runIds: new Map([["cust_10000", "cust_10000"]]) })).toEqual([]);
  });

  it("takes another account of the customer the request names for that customer's own", () => {
    const account = "bank_00000000002";
    expect(judge({}, { remaining: [account] }, { runIds: new Map([[account, mine]]) })).toEqual([]);
    expect(judge({}, { remaining: [account] }, { runIds: new Map([[account, other]]) })).toHaveLength(1);
  });

  it("leaves a crossed request's other scope to ownership_enforcement", () => {
    expect(judge({ location: `/v1/customers/${other}` }, undefined, { unnamedIds: [other] })).toEqual([]);
  });
});
