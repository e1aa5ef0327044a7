/**
 * The requests of the fifteenth independent round's fault classes, as derived and built: a
 * parent's and a resource's ids regrouped at a separator and the resource named by the parent's
 * id, a form value followed by `;x=1`, a credential percent-encoded or followed by another word,
 * credentials as cookies, an id spelled in bytes that are not its UTF-8, two fixtures deleted at
 * once; and a 400 to a malformed bearer token judged on RFC 6750's reading.
 */
import { describe, expect, it } from "vitest";
import { nearMissSegment } from "../../src/cases/id-near-miss.ts";
import { plan } from "../../src/cases/model.ts";
import { authEnforcement } from "../../src/checks/enforcement.ts";
import { nearMiss } from "../../src/runner/credentials.ts";
import { reshapedIds } from "../../src/runner/reshape-ids.ts";
import { documentedAnswer } from "../checks/answers.ts";
import { exchange, scenarioOf } from "../checks/exchange.ts";
import { built, credentials, scenario } from "./probe-requests.ts";

const names = ["customer_id", "customer_account_id"];
const ids = { customer_id: "cst_abc", customer_account_id: "bank_def" };

describe("a parent's and a resource's ids reshaped", () => {
  it("regroups them at a separator, their joined text unchanged, and names the resource by the parent's id", () => {
    expect(reshapedIds(plan({ regroup: "into-parent" }), names, ids)).toEqual({ customer_id: "cst_abc_bank", customer_account_id: "def" });
    expect(reshapedIds(plan({ regroup: "into-resource" }), names, ids)).toEqual({ customer_id: "cst", customer_account_id: "abc_bank_def" });
    expect(reshapedIds(plan({ idFrom: { customer_account_id: "customer_id" } }), names, ids)).toEqual({ customer_id: "cst_abc", customer_account_id: "cst_abc" });
  });

  it("gives nothing to send where the ids hold no separator", () => {
    expect(reshapedIds(plan({ regroup: "into-parent" }), names, { customer_id: "cstabc", customer_account_id: "bankdef" })).toBeUndefined();
    expect(reshapedIds(plan(), names, ids)).toBe(ids);
  });

  it("sends these among the near misses of Juspay's ids, refused", () => {
    const labels = scenario("juspay", "near misses of a fixture's id").steps.map((step) => step.label);
    expect(labels).toEqual(expect.arrayContaining(["customer_id and customer_account_id regrouped, a piece of customer_account_id moved onto customer_id", "customer_account_id given customer_id's value"]));
    expect(scenario("cashfree", "near misses of a fixture's id").steps.some((step) => step.plan.regroup !== undefined)).toBe(false);
  });
});

describe("bytes that are not the id's UTF-8", () => {
  it("spells a Latin-1 character as its one byte, and an ASCII id's first letter as an overlong form", () => {
    expect(nearMissSegment("cust_josé_1", "byte-escaped")).toBe("cust_jos%E9_1");
    expect(nearMissSegment("cust_1", "byte-escaped")).toBe("%C1%A3ust_1");
  });
});

describe("a form value followed by ;x=1", () => {
  it("keeps the ; raw, the rest of the body as documented", () => {
    const request = built("juspay", "body command with ;x=1");
    expect(request.body).toBe("command=delete;x=1");
    expect(scenario("juspay", "body command with ;x=1").steps[0].expect).toBe("rejected");
  });
});

describe("credentials spelled another way or carried in cookies", () => {
  it("percent-encodes a credential's first letter or digit, or puts another word after it", () => {
    expect(nearMiss("sk_test_1", "percent-encoded")).toBe("%73k_test_1");
    expect(nearMiss("_-_1", "percent-encoded")).toBe("_-_%31");
    expect(nearMiss("01pM", "percent-encoded")).toBe("01%70M");
    expect(built("enkash", "credential bearerAuth trailing-word").headers.authorization).toBe(`Bearer ${credentials.ENKASH_ACCESS_TOKEN} x`);
  });

  it("sends an API key as a cookie of its header's name, and a bearer token as the cookie access_token", () => {
    expect(built("cashfree", "credential ApiSecret in another carrier").headers.cookie).toBe(`x-client-secret=${credentials.CASHFREE_CLIENT_SECRET}`);
    expect(built("enkash", "credential bearerAuth in another carrier").headers.cookie).toBe(`access_token=${credentials.ENKASH_ACCESS_TOKEN}`);
    expect(built("juspay", "credential basicAuth in another carrier").headers.cookie).toBeUndefined();
  });

  it("judges a 400 to a bearer token outside b64token syntax on an assumption, and a 400 to a well-formed near miss as a failure", () => {
    for (const kind of ["quoted", "inner-space", "trailing-word", "percent-encoded"]) {
      const malformed = exchange("enkash", scenarioOf("enkash", { id: `credential bearerAuth ${kind}` }), 0, documentedAnswer("enkash", 400));
      expect(authEnforcement.run(malformed)).toMatchObject([{ basis: "assumed", message: expect.stringMatching(/b64token/) }]);
    }
    const truncated = exchange("enkash", scenarioOf("enkash", { id: "credential bearerAuth truncated" }), 0, documentedAnswer("enkash", 400));
    expect(authEnforcement.run(truncated)![0].basis).not.toBe("assumed");
  });
});

describe("two fixtures deleted at once", () => {
  it("sends fixture 2's delete alongside fixture 1's, both expected to succeed, then each again", () => {
    const s = scenario("yuno", "concurrent deletes of two fixtures");
    expect(s.steps.map((step) => [step.fixture, step.alongside, step.expect])).toEqual([[0, 1, "success"], [0, undefined, "not-found"], [1, undefined, "not-found"]]);
  });
});

describe("every content coding accepted", () => {
  it("deletes a fixture, then again, asking for gzip, deflate and br", () => {
    const s = scenario("enkash", "accept-encoding of every coding");
    expect(s.check).toBe("content_type_conformance");
    expect(built("enkash", "accept-encoding of every coding").headers["accept-encoding"]).toBe("gzip, deflate, br");
    expect(s.steps.map((step) => step.fixture)).toEqual([0, 0]);
  });
});
