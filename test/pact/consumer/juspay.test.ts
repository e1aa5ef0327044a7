/**
 * Juspay Express Checkout consumer contract: the generated openapi-fetch client against the Pact
 * mock server, with the per-request form Content-Type and a `command=delete` form body. Juspay
 * documents no id format, so the malformed-request interaction is a body without
 * command=delete (the assumed 400). Error envelopes: status and error_code by regex over the
 * documented values, error_info's required fields by type.
 */
import { MatchersV3 } from "@pact-foundation/pact";
import { describe, expect, it } from "vitest";
import { createJuspayClient } from "../../../generated/juspay/client.ts";
import { deleteOperation } from "../../../src/pacts/credential-headers.ts";
import { pathPattern } from "../../../src/pacts/patterns.ts";
import { rejectionStatuses } from "../../../src/pacts/rejection.ts";
import { fixtureState, notFoundState } from "../../../src/pacts/states.ts";
import { authHeaders, authMatchers, exampleStatus, interaction, newPact, oneOf, pactDir, rejectionCode, rejectionStatus, type AuthKind, type InteractionRow, type StatusMatcher } from "../support/consumer.ts";

const { regex, string } = MatchersV3;
const op = deleteOperation("juspay");
const pact = newPact("juspay", pactDir());
const FORM = "application/x-www-form-urlencoded";

const EXISTING = { customer_id: "cst_weoridsfdkl", customer_account_id: "bank_woeriusdfk" };
const UNKNOWN = { customer_id: "cst_pactunknown", customer_account_id: "bank_pactunknown" };
type Ids = typeof EXISTING;

type Result = Awaited<ReturnType<typeof deleteAccount>>;

interface Row extends InteractionRow {
  ids: Ids;
  auth: AuthKind;
  command: string;
  expect(result: Result): void;
}

function deleteAccount(baseUrl: string, row: Row) {
  const client = createJuspayClient({ baseUrl, headers: authHeaders("juspay", row.auth) });
  return client.POST("/customers/{customer_id}/customer-accounts/{customer_account_id}", {
    params: { path: row.ids, header: { "x-routing-id": row.ids.customer_id } },
    // The typed body only admits "delete"; the malformed-request row sends another command.
    body: { command: row.command as "delete" },
    headers: { "Content-Type": FORM },
  });
}

const errorInfo = (userMessage: string, developerMessage: string) => ({
  user_message: string(userMessage),
  developer_message: string(developerMessage),
  category: string("USER_ERROR"),
});

/** A body without command=delete may be rejected with any documented 4xx but the not-found 404. */
const REJECTED = rejectionStatuses("juspay");

function row(description: string, ids: Ids, auth: AuthKind, command: string, state: InteractionRow["state"], status: number | StatusMatcher, body: unknown, check: Row["expect"]): Row {
  const path = `/customers/${ids.customer_id}/customer-accounts/${ids.customer_account_id}`;
  const headers = { ...authMatchers("juspay", auth), "x-routing-id": regex("^\\S+$", ids.customer_id) };
  return {
    description, state, ids, auth, command,
    request: { method: "POST", path: regex(pathPattern(op), path), headers, body: { contentType: FORM, text: `command=${command}` } },
    response: { status, body },
    expect: check,
  };
}

const existing = { name: fixtureState("juspay"), params: EXISTING };
const unauthorized = {
  status: oneOf("error"),
  error_code: oneOf("access_denied"),
  error_info: errorInfo("Unauthorized.", "Invalid API Key. Please pass a valid and active api key."),
};

const rows: Row[] = [
  row("a delete of an existing customer account", EXISTING, "valid", "delete", existing, 200,
    { customer_account_status: oneOf("DELETED"), customer_account_id: string(EXISTING.customer_account_id) }, ({ data, error }) => {
      expect(error).toBeUndefined();
      expect(data?.customer_account_status).toBe("DELETED");
    }),
  row("a delete of a customer account that does not exist", UNKNOWN, "valid", "delete", { name: notFoundState("juspay"), params: UNKNOWN }, 404, {
    error_message: string("Cannot find what you are looking for"),
    status: oneOf("invalid_request_error"),
    error_code: oneOf("object_not_found"),
    error_info: errorInfo("Cannot process your request as customer account not found.", "Customer account not found."),
  }, ({ error }) => {
    expect(error?.error_code).toBe("object_not_found");
  }),
  row("a delete without credentials", EXISTING, "missing", "delete", existing, 401, unauthorized, ({ error }) => {
    expect(error?.error_code).toBe("access_denied");
  }),
  row("a delete with wrong credentials", EXISTING, "wrong", "delete", existing, 401, unauthorized, ({ error }) => {
    expect(error?.status).toBe("error");
  }),
  row("a delete whose form body lacks command=delete", EXISTING, "valid", "remove", existing, rejectionStatus(REJECTED, 400), {
    status: rejectionCode("juspay", REJECTED, "/status", "invalid_request_error"),
    error_code: string("invalid_request"),
    error_info: errorInfo("Cannot process your request.", "Mandatory parameter command must be delete."),
  }, ({ error }) => {
    expect(error?.status).toBe("invalid_request_error");
  }),
];

describe("juspay consumer contract (generated openapi-fetch client)", () => {
  it.each(rows)("$description", async (r) => {
    const status = await interaction(pact, r).executeTest(async (mock) => {
      const result = await deleteAccount(mock.url, r);
      r.expect(result);
      return result.response.status;
    });
    expect(status).toBe(exampleStatus(r.response.status));
  });
});
