/**
 * The verifier's request filter: placeholder credentials become real ones, wrong placeholders
 * and missing headers stay as the pact says, and a form body parsed by the proxy is put back in
 * form encoding.
 */
import { describe, expect, it } from "vitest";
import { credentialHeaders } from "../../src/pacts/credential-headers.ts";
import { PLACEHOLDER_CREDENTIALS, WRONG_CREDENTIALS } from "../../src/pacts/placeholders.ts";
import { credentialSwap, type FilteredRequest } from "../../src/pacts/request-filter.ts";
import { HTTP_PROVIDERS, type HttpProvider } from "../../src/providers.ts";

const REAL: Record<HttpProvider, Record<string, string>> = {
  juspay: { JUSPAY_API_KEY: "real-key" },
  yuno: { YUNO_PUBLIC_API_KEY: "real-pub", YUNO_PRIVATE_SECRET_KEY: "real-secret", YUNO_ACCOUNT_CODE: "3f1c6a52-9d4e-4b8a-8f0e-2a7d5c9b1e43" },
  cashfree: { CASHFREE_CLIENT_ID: "real-id", CASHFREE_CLIENT_SECRET: "real-secret" },
  enkash: { ENKASH_ACCESS_TOKEN: "real-token" },
};

function filtered(provider: HttpProvider, req: FilteredRequest): FilteredRequest {
  let called = false;
  credentialSwap(provider, REAL[provider])(req, {}, () => {
    called = true;
  });
  expect(called).toBe(true);
  return req;
}

describe("credentialSwap", () => {
  it.each(HTTP_PROVIDERS)("%s: placeholders become the real credentials", (provider) => {
    const req = filtered(provider, { headers: { ...credentialHeaders(provider, PLACEHOLDER_CREDENTIALS[provider]) } });
    expect(req.headers).toEqual(credentialHeaders(provider, REAL[provider]));
  });

  const wrongStays: [HttpProvider, string][] = [
    ["juspay", "authorization"],
    ["yuno", "public-api-key"],
    ["yuno", "private-secret-key"],
    ["cashfree", "x-client-id"],
    ["cashfree", "x-client-secret"],
    ["enkash", "authorization"],
  ];

  it.each(wrongStays)("%s: a wrong %s stays wrong", (provider, name) => {
    const wrong = credentialHeaders(provider, WRONG_CREDENTIALS[provider]);
    const req = filtered(provider, { headers: { ...wrong } });
    expect(req.headers[name]).toBe(wrong[name]);
    expect(req.headers[name]).not.toBe(credentialHeaders(provider, REAL[provider])[name]);
  });

  it("gives Yuno's wrong-key requests the real x-account-code, so only the keys are wrong", () => {
    const req = filtered("yuno", { headers: { ...credentialHeaders("yuno", WRONG_CREDENTIALS.yuno) } });
    expect(req.headers["x-account-code"]).toBe(REAL.yuno.YUNO_ACCOUNT_CODE);
  });

  it("adds nothing to a request without credentials", () => {
    expect(filtered("cashfree", { headers: { accept: "*/*" } }).headers).toEqual({ accept: "*/*" });
  });

  it("puts a parsed form body back in form encoding", () => {
    const req = filtered("juspay", { headers: { "content-type": "application/x-www-form-urlencoded", "content-length": "19" }, body: { command: "delete" } });
    expect(Buffer.isBuffer(req.body) && req.body.toString("utf8")).toBe("command=delete");
    expect(req.headers["content-length"]).toBe("14");
  });

  it("leaves a JSON body alone", () => {
    const body = { a: 1 };
    expect(filtered("enkash", { headers: { "content-type": "application/json" }, body }).body).toBe(body);
  });
});

describe("ids the state URL made in place of the pact's", () => {
  it("replace the pact's in each path segment and in a header that is one, the query left alone", () => {
    const ids = new Map([["cst_pact", "cst_made 1"], ["bank_pact", "bank_made"]]);
    const req: FilteredRequest = { url: "/v1/customers/cst_pact/customer-accounts/bank_pact?x=cst_pact", headers: { "x-routing-id": "cst_pact", accept: "application/json" } };
    credentialSwap("juspay", REAL.juspay, ids)(req, {}, () => {});
    expect(req.url).toBe("/v1/customers/cst_made%201/customer-accounts/bank_made?x=cst_pact");
    expect(req.headers).toMatchObject({ "x-routing-id": "cst_made 1", accept: "application/json" });
  });
});
