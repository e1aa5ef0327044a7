/**
 * Which case an exchange is, and what is flagged on whose side, read from the request and the
 * answer alone: one exchange per row, judged without a network (the same exchange judged twice
 * gets the same case: nothing depends on earlier exchanges).
 */
import { describe, expect, it } from "vitest";
import type { HttpResponse } from "../../src/http/types.ts";
import type { Forwarded } from "../../src/proxy/exchange.ts";
import { judge, type JudgeContext } from "../../src/proxy/judge.ts";
import type { HttpProvider } from "../../src/providers.ts";
import { operationContext } from "../../src/runner/run.ts";

const TOKEN = "configuredToken-0123456789";
const CONFIGURED: Record<HttpProvider, Record<string, string>> = {
  enkash: { ENKASH_ACCESS_TOKEN: TOKEN },
  juspay: { JUSPAY_API_KEY: "configuredJuspayKey01" },
  yuno: { YUNO_PUBLIC_API_KEY: "configuredPublic01", YUNO_PRIVATE_SECRET_KEY: "configuredSecret01", YUNO_ACCOUNT_CODE: "0a0a0a0a-0a0a-4a0a-8a0a-0a0a0a0a0a0a" },
  cashfree: { CASHFREE_CLIENT_ID: "configuredClientId01", CASHFREE_CLIENT_SECRET: "configuredSecret0101" },
};

const envelope = (status: number, errorType: string) => ({ errorResponse: { errorType, errorMessage: "m" }, response_code: status, response_message: "r" });

function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: { "content-type": "application/json", ...headers }, text: JSON.stringify(body), mediaType: "application/json" };
}

interface Row {
  name: string;
  provider?: HttpProvider;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  response: HttpResponse;
  description?: string;
  unchecked?: RegExp;
  /** "party check outcome" of every result that did not pass. */
  flagged: string[];
}

const ID = "KC1A2B3C4D5E6F7G";
const bearer = { authorization: `Bearer ${TOKEN}` };

const rows: Row[] = [
  { name: "the documented not-found answer", response: json(404, envelope(404, "RECORD_NOT_FOUND")), description: "a delete of a customer that does not exist", flagged: [] },
  { name: "a documented 401 to the configured token (the account's state)", response: json(401, envelope(401, "UNAUTHORIZED")), description: "a valid delete answered 401", flagged: [] },
  { name: "a 400 to a valid request", response: json(400, envelope(400, "VALIDATION_ERROR")), description: "a valid delete answered 400", flagged: ["target positive_data_acceptance failed"] },
  { name: "a documented 500 to a valid request", response: json(500, envelope(500, "SYSTEM_ERROR")), description: "a delete of an existing customer answered with a server error", flagged: [] },
  { name: "an undocumented 503", response: json(503, envelope(500, "SYSTEM_ERROR")), description: "a delete of an existing customer answered with a server error", flagged: ["target status_code_conformance failed", "target not_a_server_error failed"] },
  { name: "a 200 to a token that is not the configured one", headers: { authorization: "Bearer someOtherToken-987654321" }, response: json(200, { response_code: 200, response_message: "OK" }), description: "a delete with wrong credentials", flagged: ["target auth_enforcement failed"] },
  { name: "the not-found answer to a lowercase id", path: `/api/v0/customer/${ID.toLowerCase()}`, response: json(404, envelope(404, "RECORD_NOT_FOUND")), description: "a delete with a customerId that breaks its documented schema", flagged: ["client path_parameter_pattern failed", "target path_pattern_enforcement warning"] },
  { name: "the configured token in the query string", path: `/api/v0/customer/${ID}?token=${TOKEN}`, response: json(404, envelope(404, "RECORD_NOT_FOUND")), description: "a delete of a customer that does not exist", flagged: ["client query_parameter_pattern warning", "client credentials_present failed"] },
  { name: "a valid parentCompanyId sent twice", path: `/api/v0/customer/${ID}?parentCompanyId=CEK1A2B3C4&parentCompanyId=CEK1A2B3C4`, response: json(404, envelope(404, "RECORD_NOT_FOUND")), description: "a delete of a customer that does not exist", flagged: ["client query_parameter_pattern warning"] },
  { name: "a GET on the delete path", method: "GET", response: json(405, {}), description: "a GET on the delete path", flagged: ["client operation_exists failed"] },
  { name: "Juspay's GET, documented elsewhere", provider: "juspay", method: "GET", path: "/customers/cst_1/customer-accounts/bank_1", response: json(200, {}), unchecked: /GET on this path is .*not the operation payconform checks/, flagged: [] },
  { name: "another API of the provider", path: "/api/v0/invoices", response: json(200, {}), unchecked: /no documented path of enkash's document/, flagged: [] },
  { name: "a Yuno 400 with another code than CUSTOMER_NOT_FOUND to a valid request (maybe the not-found answer in other words)", provider: "yuno", path: "/customers/c1", headers: { "public-api-key": "configuredPublic01", "private-secret-key": "configuredSecret01", "x-account-code": "0a0a0a0a-0a0a-4a0a-8a0a-0a0a0a0a0a0a" }, response: json(400, { code: "NOT_FOUND", messages: ["Not found"] }), description: "a valid delete answered 400", flagged: ["target error_code_conformance warning", "target positive_data_acceptance warning"] },
  { name: "the configured token shown in a 401 to a request without credentials", headers: {}, response: json(401, { ...envelope(401, "UNAUTHORIZED"), detail: `expected ${TOKEN}` }, { "www-authenticate": 'Bearer realm="enkash"' }), description: "a delete without credentials", flagged: ["client credentials_present failed", "target no_secret_echo failed"] },
  { name: "a 401 without a challenge to a request without credentials (the scheme is Bearer)", headers: {}, response: json(401, envelope(401, "UNAUTHORIZED")), description: "a delete without credentials", flagged: ["client credentials_present failed", "target auth_enforcement warning"] },
  { name: "Yuno's public key and account code named back, its secret key not", provider: "yuno", path: "/customers/c1", headers: { "public-api-key": "configuredPublic01", "private-secret-key": "configuredSecret01", "x-account-code": "0a0a0a0a-0a0a-4a0a-8a0a-0a0a0a0a0a0a" }, response: json(400, { code: "CUSTOMER_NOT_FOUND", messages: ["Customer not found"], public_api_key: "configuredPublic01", account_id: "0a0a0a0a-0a0a-4a0a-8a0a-0a0a0a0a0a0a" }), description: "a delete of a customer that does not exist", flagged: [] },
  { name: "Yuno's secret key named back", provider: "yuno", path: "/customers/c1", headers: { "public-api-key": "configuredPublic01", "private-secret-key": "configuredSecret01", "x-account-code": "0a0a0a0a-0a0a-4a0a-8a0a-0a0a0a0a0a0a" }, response: json(400, { code: "CUSTOMER_NOT_FOUND", messages: ["Customer not found for configuredSecret01"] }), description: "a delete of a customer that does not exist", flagged: ["target no_secret_echo failed"] },
  { name: "a Yuno account code of another account, carried out", provider: "yuno", path: "/customers/c1", headers: { "public-api-key": "configuredPublic01", "private-secret-key": "configuredSecret01", "x-account-code": "0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b" }, response: { status: 202, headers: {}, text: "" }, description: "a delete with an x-account-code of another account", flagged: ["target ownership_enforcement failed"] },
];

function forwarded(row: Row): Forwarded {
  const request = { method: row.method ?? (row.provider === "juspay" ? "POST" : "DELETE"), path: row.path ?? `/api/v0/customer/${ID}`, headers: row.headers ?? bearer, bodyTooLarge: false };
  return { request, status: row.response.status, response: row.response, clientGone: false, ms: 1 };
}

describe("the case of an exchange and its findings", () => {
  it.each(rows)("$name", (row) => {
    const provider = row.provider ?? "enkash";
    const ctx: JudgeContext = { operation: operationContext(provider), configured: CONFIGURED[provider], target: "http://127.0.0.1:9", strict: false, protect: () => {} };
    const first = judge(ctx, 1, forwarded(row));
    const again = judge(ctx, 2, forwarded(row));

    if (row.unchecked) {
      expect(first.unchecked).toMatch(row.unchecked);
      expect(first.results).toEqual([]);
      return;
    }
    expect(first.case?.description).toBe(row.description);
    expect(again.case?.description).toBe(first.case?.description);
    expect(first.results.filter((r) => r.outcome !== "passed").map((r) => `${r.party} ${r.check} ${r.outcome}`)).toEqual(row.flagged);
    expect(first.results.every((r) => r.case.startsWith("#1 "))).toBe(true);
  });
});
