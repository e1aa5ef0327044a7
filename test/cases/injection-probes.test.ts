/**
 * The requests of the fourteenth independent round's fault classes, as derived and built: ids
 * that a regular expression, a concatenated SQL query or a list reading would match, ids that
 * name Object.prototype's members, a required form field only in the query string, JSONP callback
 * parameters, and a bearer or Basic credential without its scheme word; and how delete_semantics
 * judges the member names.
 */
import { describe, expect, it } from "vitest";
import { nearMissSegment } from "../../src/cases/id-near-miss.ts";
import { OBJECT_MEMBER_IDS } from "../../src/cases/delete-cases.ts";
import { deleteSemantics } from "../../src/checks/delete-semantics.ts";
import { NOT_FOUND, SUCCESS } from "../checks/answers.ts";
import { exchange, scenarioOf } from "../checks/exchange.ts";
import { built, credentials, scenario } from "./probe-requests.ts";

describe("ids a loose reading matches", () => {
  it("spells a regular expression's dot, an SQL comment and comma lists, the commas raw", () => {
    expect(nearMissSegment("cust_abc", "regex-dot")).toBe("cust_ab.");
    expect(nearMissSegment("cust_abc", "sql-comment")).toBe("cust_abc'--");
    expect(nearMissSegment("cust_a b", "comma-suffix")).toBe("cust_a%20b,x");
    expect(nearMissSegment("cust_abc", "comma-prefix")).toBe("x,cust_abc");
  });

  it("sends every path id as each of Object.prototype's members, and expects a refusal", () => {
    const s = scenario("juspay", "ids every JavaScript object has");
    expect(s.steps.map((step) => step.expect)).toEqual(OBJECT_MEMBER_IDS.map(() => "refused"));
    const request = built("juspay", "ids every JavaScript object has", 1);
    expect(new URL(request.url).pathname).toBe("/base/customers/__proto__/customer-accounts/__proto__");
  });

  it("passes the not-found answer and a documented 4xx for a member name, and fails a success", () => {
    const s = scenarioOf("cashfree", { id: "ids every JavaScript object has" });
    expect(deleteSemantics.run(exchange("cashfree", s, 0, NOT_FOUND.cashfree()))).toEqual([]);
    expect(deleteSemantics.run(exchange("cashfree", s, 0, { status: 400, body: { message: "Invalid customer ID format", code: "invalid_customer_id", type: "invalid_request_error" } }))).toEqual([]);
    const findings = deleteSemantics.run(exchange("cashfree", s, 0, SUCCESS.cashfree()));
    expect(findings).toHaveLength(1);
    expect(findings![0].message).toBe("a delete of constructor, an id never issued, was carried out with 204");
  });
});

describe("the form body's field only in the query string", () => {
  it("leaves command out of the body and puts it in the query", () => {
    const request = built("juspay", "body command in the query");
    expect(new URL(request.url).searchParams.get("command")).toBe("delete");
    expect(new URLSearchParams(request.body ?? "").has("command")).toBe(false);
    expect(scenario("juspay", "body command in the query").steps[0].expect).toBe("rejected");
  });
});

describe("JSONP callback parameters", () => {
  it("sends callback and jsonp against a fixture and an id that never existed", () => {
    const s = scenario("enkash", "jsonp callback parameters");
    expect(s.check).toBe("content_type_conformance");
    expect(s.steps.map((step) => [step.fixture, step.expect])).toEqual([[0, "carried"], [undefined, "refused"]]);
    const query = new URL(built("enkash", "jsonp callback parameters").url).searchParams;
    expect([query.get("callback"), query.get("jsonp")]).toEqual(["payconform", "payconform"]);
  });
});

describe("a credential without its scheme word", () => {
  it("sends a bearer token bare, and a Basic pair's encoding bare", () => {
    expect(built("enkash", "credential bearerAuth without its scheme").headers.authorization).toBe(credentials.ENKASH_ACCESS_TOKEN);
    const basic = built("juspay", "credential basicAuth without its scheme").headers.authorization;
    expect(Buffer.from(String(basic), "base64").toString("utf8")).toBe(`${credentials.JUSPAY_API_KEY}:`);
  });
});
