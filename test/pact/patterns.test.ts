/** The documented rules the consumer tests put into pact matchers. */
import { describe, expect, it } from "vitest";
import { deleteOperation } from "../../src/pacts/credential-headers.ts";
import { credentialHeaderPatterns, pathPattern } from "../../src/pacts/patterns.ts";
import type { HttpProvider } from "../../src/providers.ts";

const paths: [HttpProvider, string, string, string][] = [
  ["enkash", "^/api/v0/customer/KC[A-Z0-9]{14}$", "/api/v0/customer/KC1A2B3C4D5E6F7G", "/api/v0/customer/kc1a2b3c4d5e6f7g"],
  ["cashfree", "^/customer/[A-Za-z0-9_-]{3,50}$", "/customer/cust_priya_sharma_2024", "/customer/cust%20priya"],
  ["juspay", "^/customers/[^/]+/customer-accounts/[^/]+$", "/customers/cst_1/customer-accounts/bank_1", "/customers/cst_1/customer-accounts/"],
  ["yuno", "^/customers/[^/]+$", "/customers/abc", "/customers/a/b"],
];

describe("pathPattern", () => {
  it.each(paths)("%s: %s", (provider, pattern, good, bad) => {
    const source = pathPattern(deleteOperation(provider));
    expect(source).toBe(pattern);
    const re = new RegExp(source, "u");
    expect(re.test(good)).toBe(true);
    expect(re.test(bad)).toBe(false);
  });
});

describe("credentialHeaderPatterns", () => {
  const cases: [HttpProvider, Record<string, string>, string][] = [
    ["juspay", { authorization: "Basic cGFjdC1leGFtcGxlLWtleTo=" }, "Bearer x"],
    ["enkash", { authorization: "Bearer pact-example-token" }, "Basic x"],
    ["cashfree", { "x-client-id": "id", "x-client-secret": "secret" }, ""],
    ["yuno", { "public-api-key": "k", "private-secret-key": "s", "x-account-code": "00000000-0000-4000-8000-000000000000" }, "not-a-uuid"],
  ];

  it.each(cases)("%s: every credential header has a pattern its placeholder fits", (provider, example, bad) => {
    const patterns = credentialHeaderPatterns(provider);
    expect(Object.keys(patterns).sort()).toEqual(Object.keys(example).sort());
    for (const [name, value] of Object.entries(example)) expect(new RegExp(patterns[name], "u").test(value)).toBe(true);
    const last = Object.keys(example).at(-1)!;
    expect(new RegExp(patterns[last], "u").test(bad)).toBe(false);
  });
});
