import { describe, expect, it } from "vitest";
import { findDuplicateNames } from "../../src/upi/duplicate-names.ts";

describe("findDuplicateNames", () => {
  it.each([
    ["no duplicates", '{"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]}', []],
    ["a repeated top-level name", '{"a":1,"a":2}', [{ pointer: "/a", name: "a", count: 2 }]],
    ["a name three times", '{"a":1,"a":2,"a":3}', [{ pointer: "/a", name: "a", count: 3 }]],
    [
      "the tester's request with two accountReferenceId",
      '{"payload":{"action":"upiDeleteAccount","accountReferenceId":"A1","accountReferenceId":"B2"}}',
      [{ pointer: "/payload/accountReferenceId", name: "accountReferenceId", count: 2 }],
    ],
    ["a name spelled once with an escape", '{"a":1,"\\u0061":2}', [{ pointer: "/a", name: "a", count: 2 }]],
    ["inside an array element", '{"x":[0,{"k":1,"k":2}]}', [{ pointer: "/x/1/k", name: "k", count: 2 }]],
    ["names that need pointer escapes", '{"a/b~":1,"a/b~":2}', [{ pointer: "/a~1b~0", name: "a/b~", count: 2 }]],
    ["name-like text inside string values", '{"s":"{\\"a\\":1,\\"a\\":2}","t":"\\\\"}', []],
    ["a value string equal to a name", '{"a":"a","b":"a"}', []],
    ["whitespace around the tokens", '{ "a" : 1 ,\n "a" : [ ] }', [{ pointer: "/a", name: "a", count: 2 }]],
    ["an empty object and array", '{"a":{},"b":[],"c":[{}]}', []],
  ])("%s", (_name, json, want) => {
    JSON.parse(json); // every case is valid JSON, as the scanner requires
    expect(findDuplicateNames(json, 20)).toEqual(want);
  });

  it("stops listing at the limit", () => {
    const json = `{${Array.from({ length: 30 }, (_, i) => `"k${i}":1,"k${i}":2`).join(",")}}`;
    expect(findDuplicateNames(json, 20)).toHaveLength(20);
  });

  it("walks nesting far deeper than the call stack allows", () => {
    const depth = 200_000;
    const json = `{"a":${"[".repeat(depth)}${"]".repeat(depth)},"a":1}`;
    expect(findDuplicateNames(json, 20)).toEqual([{ pointer: "/a", name: "a", count: 2 }]);
  });
});
