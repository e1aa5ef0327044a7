/**
 * Cashfree consumer contract: the generated openapi-fetch client (Cashfree's document has no
 * operationId) against the Pact mock server. Valid-shaped ids sit behind a regex on the path
 * built from the assumed `^[A-Za-z0-9_-]{3,50}$`; ErrorResponse code and type are matched by regex
 * over the documented values, message by type.
 */
import { MatchersV3 } from "@pact-foundation/pact";
import { describe, expect, it } from "vitest";
import { createCashfreeClient } from "../../../generated/cashfree/client.ts";
import { deleteOperation } from "../../../src/pacts/credential-headers.ts";
import { pathPattern } from "../../../src/pacts/patterns.ts";
import { rejectionStatuses } from "../../../src/pacts/rejection.ts";
import { fixtureState, notFoundState } from "../../../src/pacts/states.ts";
import { authHeaders, authMatchers, exampleStatus, interaction, newPact, oneOf, pactDir, rejectionCode, rejectionStatus, type AuthKind, type InteractionRow, type StatusMatcher } from "../support/consumer.ts";

const { regex, string } = MatchersV3;
const op = deleteOperation("cashfree");
const pact = newPact("cashfree", pactDir());

const EXISTING = "cust_priya_sharma_2024";
const UNKNOWN = "cust_pact_never_created";
/** Breaks the assumed pattern with a character integrators do send: a space. */
const MALFORMED = "cust priya";

type Result = Awaited<ReturnType<typeof deleteCustomer>>;

interface Row extends InteractionRow {
  customerId: string;
  auth: AuthKind;
  expect(result: Result): void;
}

function deleteCustomer(baseUrl: string, row: Row) {
  const client = createCashfreeClient({ baseUrl, headers: authHeaders("cashfree", row.auth) });
  return client.DELETE("/customer/{customer_id}", { params: { path: { customer_id: row.customerId } } });
}

type Code = string | ReturnType<typeof oneOf>;
const errorBody = (code: Code, type: Code, message: string) => ({
  message: string(message),
  code: typeof code === "string" ? oneOf(code) : code,
  type: typeof type === "string" ? oneOf(type) : type,
});
/** A malformed id may be rejected with any documented 4xx but the not-found 404. */
const REJECTED = rejectionStatuses("cashfree");

function row(description: string, customerId: string, auth: AuthKind, state: InteractionRow["state"], status: number | StatusMatcher, body: unknown, check: Row["expect"]): Row {
  const path = customerId === MALFORMED ? `/customer/${encodeURIComponent(customerId)}` : regex(pathPattern(op), `/customer/${customerId}`);
  return { description, state, customerId, auth, request: { method: "DELETE", path, headers: authMatchers("cashfree", auth) }, response: { status, body }, expect: check };
}

const existing = { name: fixtureState("cashfree"), params: { customer_id: EXISTING } };
const unauthorized = errorBody("unauthorized", "authentication_error", "Invalid API credentials provided");

const rows: Row[] = [
  row("a delete of an existing customer", EXISTING, "valid", existing, 204, undefined, ({ data, error }) => {
    expect(error).toBeUndefined();
    expect(data).toBeUndefined();
  }),
  row("a delete of a customer that does not exist", UNKNOWN, "valid", { name: notFoundState("cashfree"), params: { customer_id: UNKNOWN } }, 404,
    errorBody("customer_not_found", "resource_error", "Customer not found with the provided customer ID"), ({ error }) => {
      expect(error?.code).toBe("customer_not_found");
    }),
  row("a delete without credentials", EXISTING, "missing", existing, 401, unauthorized, ({ error }) => {
    expect(error?.type).toBe("authentication_error");
  }),
  row("a delete with wrong credentials", EXISTING, "wrong", existing, 401, unauthorized, ({ error }) => {
    expect(error?.code).toBe("unauthorized");
  }),
  row("a delete with a customer_id holding a space", MALFORMED, "valid", undefined, rejectionStatus(REJECTED, 400),
    errorBody(rejectionCode("cashfree", REJECTED, "/code", "invalid_customer_id"), rejectionCode("cashfree", REJECTED, "/type", "validation_error"), "Invalid customer ID format provided"), ({ error }) => {
      expect(error?.code).toBe("invalid_customer_id");
    }),
];

describe("cashfree consumer contract (generated openapi-fetch client)", () => {
  it.each(rows)("$description", async (r) => {
    const status = await interaction(pact, r).executeTest(async (mock) => {
      const result = await deleteCustomer(mock.url, r);
      r.expect(result);
      return result.response.status;
    });
    expect(status).toBe(exampleStatus(r.response.status));
  });
});
