import { describe, expect, it } from "vitest";
import { nearMissId, nearMissSegment } from "../../src/cases/id-near-miss.ts";
import { ID_NEAR_MISSES, UUID_ID_NEAR_MISSES } from "../../src/cases/model.ts";
import { exactIdMatch } from "../../src/checks/exact-id-match.ts";
import { NOT_FOUND, SUCCESS, documentedAnswer } from "./answers.ts";
import { exchange, scenarioOf } from "./exchange.ts";

describe("near misses of an id", () => {
  it.each([
    ["cust_abc", "case-swapped", "CUST_ABC"],
    ["cust_abc", "double-encoded", "%63ust_abc"],
    ["cust_abc", "trailing-space", "cust_abc "],
    ["cust_abc", "truncated", "cust_ab"],
    ["cust_abc", "fullwidth", "\uff43ust_abc"],
    ["cust_abc", "zero-width", "cust_abc\u200b"],
    ["cust_abc", "like-percent", "cust_ab%"],
    ["cust_abc", "like-underscore", "cust_ab_"],
    ["cust_abc", "glob-star", "cust_ab*"],
    ["cust_ab_", "like-underscore", "cust_ab"],
    ["12345", "case-swapped", "1234"],
    ["3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b", "case-swapped", "3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5"],
  ] as const)("%s %s is %j", (id, kind, want) => {
    expect(nearMissId(id, kind)).toBe(want);
  });

  it("puts a path parameter into the path unencoded, everything else encoded", () => {
    expect(nearMissSegment("cust_abc", "path-parameter")).toBe("cust_abc;x");
    expect(nearMissSegment("cust abc", "trailing-space")).toBe("cust%20abc%20");
    expect(nearMissSegment("cust_abc", "double-encoded")).toBe("%2563ust_abc");
    expect(nearMissSegment("cust_abc", "extra-segment")).toBe("cust_abc/x");
    expect(nearMissSegment("cust_abc", "like-percent")).toBe("cust_ab%25");
    expect(nearMissSegment("cust_abc", "glob-star")).toBe("cust_ab*");
    expect(nearMissSegment("cust_abc", "dot-segment")).toBe("x%2F..%2Fcust_abc");
  });

  it("never gives the id back, and NFKC folds the fullwidth miss to the id", () => {
    for (const id of ["a", "9", "KC00000000000000", "cst_x", "-_-"]) {
      for (const kind of [...ID_NEAR_MISSES, ...UUID_ID_NEAR_MISSES]) expect(nearMissId(id, kind), `${id} ${kind}`).not.toBe(id);
    }
    // A UUID's GUID byte order, and the nil and max UUIDs, which code may read as wildcards.
    expect(nearMissId("c2bca399-7b81-48e5-8aa7-0722bc00f314", "uuid-byte-swapped")).toBe("99a3bcc2-817b-e548-8aa7-0722bc00f314");
    expect(nearMissId("c2bca399-7b81-48e5-8aa7-0722bc00f314", "uuid-max")).toBe("ffffffff-ffff-ffff-ffff-ffffffffffff");
    expect(nearMissId("KC1A", "other-script-digit")).toBe("KC\u0661A");
    expect(nearMissId("cust_abc", "fullwidth").normalize("NFKC")).toBe("cust_abc");
  });
});

describe("exact_id_match", () => {
  const scenario = scenarioOf("juspay", { check: "exact_id_match" });

  it("misses each path parameter in every way, then deletes by the exact ids", () => {
    const kinds = [...ID_NEAR_MISSES, ...UUID_ID_NEAR_MISSES];
    expect(scenario.steps.map((s) => s.label)).toEqual([...kinds.map((k) => `customer_id ${k}`), ...kinds.map((k) => `customer_account_id ${k}`), "customer_id and customer_account_id regrouped, a piece of customer_account_id moved onto customer_id", "customer_id and customer_account_id regrouped, a piece of customer_id moved onto customer_account_id", "customer_account_id given customer_id's value", "customer_id empty", "customer_id, customer_account_id of the fixture in the query, others in the path", "ids that never existed, the fixture's path in a query value", "ids that never existed, the fixture's customer_id, customer_account_id in headers of their names", "ids that never existed, the fixture's customer_id, customer_account_id in form fields of their names", "the slash before customer_account_id percent-encoded", "exact ids afterwards"]);
    expect(scenario.steps.at(-1)!.expect).toBe("survives");
  });

  it("warns where a near miss is carried out, as another customer may hold it; fails where the fixture is gone afterwards, naming the near misses carried out", () => {
    const [carried] = exactIdMatch.run(exchange("juspay", scenario, 0, SUCCESS.juspay()))!;
    expect([carried.severity, carried.basis]).toEqual(["warning", "assumed"]);
    const before = scenario.steps.map((_, i) => [i === 0 ? { status: 200, headers: {}, text: "" } : { status: 404, headers: {}, text: "" }]);
    const [gone] = exactIdMatch.run(exchange("juspay", scenario, scenario.steps.length - 1, NOT_FOUND.juspay(), { before }))!;
    expect(gone.severity).toBeUndefined();
    expect(gone.message).toMatch(/the fixture was gone; carried out before it: customer_id case-swapped \(200\)$/);
    const pathInQuery = scenario.steps.findIndex((s) => s.pathInQueryFrom !== undefined);
    expect(exactIdMatch.run(exchange("juspay", scenario, pathInQuery, SUCCESS.juspay()))![0].severity).toBeUndefined();
  });

  it.each([
    ["a near miss deletes", 0, SUCCESS.juspay(), 1],
    ["a near miss is not found", 0, NOT_FOUND.juspay(), 0],
    ["a near miss is a bad request", 3, documentedAnswer("juspay", 400), 0],
    ["the fixture is still there", scenario.steps.length - 1, SUCCESS.juspay(), 0],
    ["the fixture was deleted by a near miss", scenario.steps.length - 1, NOT_FOUND.juspay(), 1],
  ])("%s", (_name, step, answer, failures) => {
    expect(exactIdMatch.run(exchange("juspay", scenario, step, answer))!.length).toBe(failures);
  });
});
