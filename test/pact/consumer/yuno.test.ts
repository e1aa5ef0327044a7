/**
 * Yuno consumer contract: the generated openapi-fetch client against the Pact mock server. Yuno
 * documents no 401 and no customer_id format: missing and wrong keys get the documented 400
 * INVALID_REQUEST, an unknown customer the documented 400 CUSTOMER_NOT_FOUND, and the
 * malformed-request interaction breaks the documented x-account-code format (a UUID).
 */
import { MatchersV3 } from "@pact-foundation/pact";
import { describe, expect, it } from "vitest";
import { createYunoClient } from "../../../generated/yuno/client.ts";
import { deleteOperation } from "../../../src/pacts/credential-headers.ts";
import { pathPattern } from "../../../src/pacts/patterns.ts";
import { PLACEHOLDER_CREDENTIALS } from "../../../src/pacts/placeholders.ts";
import { rejectionStatuses } from "../../../src/pacts/rejection.ts";
import { fixtureState, notFoundState } from "../../../src/pacts/states.ts";
import { authHeaders, authMatchers, exampleStatus, interaction, newPact, oneOf, pactDir, rejectionCode, rejectionStatus, type AuthKind, type InteractionRow } from "../support/consumer.ts";

const { eachLike, regex } = MatchersV3;
const op = deleteOperation("yuno");
const pact = newPact("yuno", pactDir());

const EXISTING = "9b2f6c1e-4d3a-4e8b-a7c5-2f1d0e9b8a76";
const UNKNOWN = "ffffffff-ffff-4fff-bfff-ffffffffffff";
const ACCOUNT_CODE = PLACEHOLDER_CREDENTIALS.yuno.YUNO_ACCOUNT_CODE;
const MALFORMED_ACCOUNT_CODE = "not-a-uuid";

type Result = Awaited<ReturnType<typeof deleteCustomer>>;

interface Row extends InteractionRow {
  customerId: string;
  auth: AuthKind;
  accountCode: string;
  expect(result: Result): void;
}

function deleteCustomer(baseUrl: string, row: Row) {
  const { "x-account-code": _sentPerRequest, ...keys } = authHeaders("yuno", row.auth);
  const client = createYunoClient({ baseUrl, headers: keys });
  return client.DELETE("/customers/{customer_id}", {
    params: { path: { customer_id: row.customerId }, header: { "x-account-code": row.accountCode } },
  });
}

const errorBody = (code: string | ReturnType<typeof oneOf>, message: string) => ({ code: typeof code === "string" ? oneOf(code) : code, messages: eachLike(message) });
/**
 * Yuno documents no 401: a malformed request and missing or wrong credentials may be rejected
 * with any documented 4xx (the 400), with any documented code but the not-found one.
 */
const REJECTED = rejectionStatuses("yuno");

function row(description: string, customerId: string, auth: AuthKind, state: InteractionRow["state"], body: unknown, check: Row["expect"], accountCode = ACCOUNT_CODE): Row {
  const headers = { ...authMatchers("yuno", auth), ...(accountCode === ACCOUNT_CODE ? {} : { "x-account-code": accountCode }) };
  return {
    description, state, customerId, auth, accountCode,
    request: { method: "DELETE", path: regex(pathPattern(op), `/customers/${customerId}`), headers },
    response: { status: body === undefined ? 202 : state?.name === notFoundState("yuno") ? 400 : rejectionStatus(REJECTED, 400), body },
    expect: check,
  };
}

const existing = { name: fixtureState("yuno"), params: { customer_id: EXISTING } };
const invalidRequest = errorBody(rejectionCode("yuno", REJECTED, "/code", "INVALID_REQUEST"), "Invalid request");

const rows: Row[] = [
  row("a delete of an existing customer", EXISTING, "valid", existing, undefined, ({ response, error }) => {
    expect(error).toBeUndefined();
    expect(response.status).toBe(202);
  }),
  row("a delete of a customer that does not exist", UNKNOWN, "valid", { name: notFoundState("yuno"), params: { customer_id: UNKNOWN } },
    errorBody("CUSTOMER_NOT_FOUND", "Customer not found."), ({ error }) => {
      expect(error?.code).toBe("CUSTOMER_NOT_FOUND");
    }),
  row("a delete without credentials", EXISTING, "missing", existing, invalidRequest, ({ error }) => {
    expect(error?.code).toBe("INVALID_REQUEST");
  }),
  row("a delete with wrong credentials", EXISTING, "wrong", existing, invalidRequest, ({ error }) => {
    expect(error?.code).toBe("INVALID_REQUEST");
  }),
  row("a delete with an x-account-code that is not a UUID", EXISTING, "valid", existing, invalidRequest, ({ error }) => {
    expect(error?.messages?.length).toBeGreaterThan(0);
  }, MALFORMED_ACCOUNT_CODE),
];

describe("yuno consumer contract (generated openapi-fetch client)", () => {
  it.each(rows)("$description", async (r) => {
    const status = await interaction(pact, r).executeTest(async (mock) => {
      const result = await deleteCustomer(mock.url, r);
      r.expect(result);
      return result.response.status;
    });
    expect(status).toBe(exampleStatus(r.response.status));
  });
});
