/**
 * EnKash consumer contract: the generated openapi-fetch client against the Pact mock server.
 * Valid-shaped ids sit behind a regex matcher on the path built from the documented
 * `^KC[A-Z0-9]{14}$`; error envelopes are matched by type, with errorType by regex over the
 * documented values.
 */
import { MatchersV3 } from "@pact-foundation/pact";
import { describe, expect, it } from "vitest";
import { createEnkashClient } from "../../../generated/enkash/client.ts";
import { deleteOperation } from "../../../src/pacts/credential-headers.ts";
import { pathPattern } from "../../../src/pacts/patterns.ts";
import { rejectionStatuses } from "../../../src/pacts/rejection.ts";
import { fixtureState, notFoundState } from "../../../src/pacts/states.ts";
import { authHeaders, authMatchers, exampleStatus, interaction, newPact, oneOf, pactDir, rejectionCode, rejectionStatus, type AuthKind, type InteractionRow, type StatusMatcher } from "../support/consumer.ts";

const { integer, regex, string } = MatchersV3;
const op = deleteOperation("enkash");
const pact = newPact("enkash", pactDir());

const EXISTING = "KC1A2B3C4D5E6F7G";
const UNKNOWN = "KC00000000000000";
const MALFORMED = "kc1a2b3c4d5e6f7g";

type Result = Awaited<ReturnType<typeof deleteCustomer>>;

interface Row extends InteractionRow {
  customerId: string;
  auth: AuthKind;
  expect(result: Result): void;
}

function deleteCustomer(baseUrl: string, row: Row) {
  const client = createEnkashClient({ baseUrl, headers: authHeaders("enkash", row.auth) });
  return client.DELETE("/api/v0/customer/{customerId}", { params: { path: { customerId: row.customerId } } });
}

const path = (id: string, shaped: boolean) => (shaped ? regex(pathPattern(op), `/api/v0/customer/${id}`) : `/api/v0/customer/${id}`);

/** The assumed error envelope: errorType by regex over the documented values, the rest by type. */
const errorEnvelope = (status: number, errorType: ReturnType<typeof oneOf>, errorMessage: string, responseMessage: string) => ({
  errorResponse: { errorType, errorMessage: string(errorMessage) },
  response_code: integer(status),
  response_message: string(responseMessage),
});
const unauthorized = errorEnvelope(401, oneOf("UNAUTHORIZED"), "Full authentication is required to access this resource", "Unauthorized");
/** A malformed id may be rejected with any documented 4xx but the not-found 404. */
const REJECTED = rejectionStatuses("enkash");

function row(description: string, customerId: string, auth: AuthKind, state: InteractionRow["state"], status: number | StatusMatcher, body: unknown, check: Row["expect"]): Row {
  return {
    description,
    state,
    customerId,
    auth,
    request: { method: "DELETE", path: path(customerId, customerId !== MALFORMED), headers: authMatchers("enkash", auth) },
    response: { status, body },
    expect: check,
  };
}

const existing = { name: fixtureState("enkash"), params: { customerId: EXISTING } };

const rows: Row[] = [
  row("a delete of an existing customer", EXISTING, "valid", existing, 200, { response_code: integer(200), response_message: string("OK") }, ({ data, error }) => {
    expect(error).toBeUndefined();
    expect(data?.response_code).toBe(200);
  }),
  row("a delete of a customer that does not exist", UNKNOWN, "valid", { name: notFoundState("enkash"), params: { customerId: UNKNOWN } }, 404, errorEnvelope(404, oneOf("RECORD_NOT_FOUND"), "Customer not found", "Not Found"), ({ error }) => {
    expect(error?.errorResponse?.errorType).toBe("RECORD_NOT_FOUND");
  }),
  row("a delete without credentials", EXISTING, "missing", existing, 401, unauthorized, ({ error }) => {
    expect(error?.errorResponse?.errorType).toBe("UNAUTHORIZED");
  }),
  row("a delete with wrong credentials", EXISTING, "wrong", existing, 401, unauthorized, ({ error }) => {
    expect(error?.errorResponse?.errorType).toBe("UNAUTHORIZED");
  }),
  row("a delete with a customerId that breaks ^KC[A-Z0-9]{14}$", MALFORMED, "valid", undefined, rejectionStatus(REJECTED, 400), errorEnvelope(400, rejectionCode("enkash", REJECTED, "/errorResponse/errorType", "VALIDATION_ERROR"), "customerId must match ^KC[A-Z0-9]{14}$", "Bad Request"), ({ error }) => {
    expect(error?.errorResponse?.errorType).toBe("VALIDATION_ERROR");
  }),
];

describe("enkash consumer contract (generated openapi-fetch client)", () => {
  it.each(rows)("$description", async (r) => {
    const status = await interaction(pact, r).executeTest(async (mock) => {
      const result = await deleteCustomer(mock.url, r);
      r.expect(result);
      return result.response.status;
    });
    expect(status).toBe(exampleStatus(r.response.status));
  });
});
