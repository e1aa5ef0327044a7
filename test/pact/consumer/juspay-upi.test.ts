/**
 * Juspay UPI in-app SDK consumer contract: upiDeleteAccount is not HTTP, so each request and
 * process_result pair is a Pact V4 synchronous message. The reified request and response are
 * validated with src/upi's validatePayloads, the same validator `payconform validate-payload` runs.
 */
import { MatchersV3 } from "@pact-foundation/pact";
import { describe, expect, it } from "vitest";
import { UPI_PROVIDER } from "../../../src/pacts/names.ts";
import { validatePayloads } from "../../../src/upi/index.ts";
import { newPact, oneOf, pactDir } from "../support/consumer.ts";

const { eachLike, regex, string, uuid } = MatchersV3;
const pact = newPact(UPI_PROVIDER, pactDir());

const REQUEST_ID = "8da4c755-0c82-4efb-a1b3-5ba8c84c659b";
const SECONDARY = "Ac3a09bcc26149b7bdd009e57911fbb";
const PRIMARY = "A0760cb548bb4dda9d32e3030863dd5";

const request = (accountReferenceId: string) => ({
  requestId: uuid(REQUEST_ID),
  service: "in.juspay.hyperapi",
  payload: { action: "upiDeleteAccount", accountReferenceId: string(accountReferenceId) },
});

const remainingAccount = {
  vpa: string("something@handle"),
  account: {
    bankCode: string("11111"),
    bankName: string("ABCD"),
    maskedAccountNumber: string("XXXX203891"),
    mpinLength: string("6"),
    mpinSet: oneOf("true", "false"),
    referenceId: string(PRIMARY),
    otpLength: string("6"),
    atmPinLength: string("6"),
  },
};

const rows = [
  {
    description: "an upiDeleteAccount request for a secondary account",
    state: { name: "a secondary UPI account is linked", params: { accountReferenceId: SECONDARY } },
    request: request(SECONDARY),
    response: {
      requestId: string(REQUEST_ID),
      service: "in.juspay.hyperapi",
      event: "process_result",
      error: false,
      payload: { action: "upiDeleteAccount", status: "SUCCESS", customerMobileNumber: string("911234567891"), vpaAccounts: eachLike(remainingAccount) },
    },
    status: "SUCCESS",
  },
  {
    description: "an upiDeleteAccount request for the primary account",
    state: { name: "the account is the customer's primary UPI account", params: { accountReferenceId: PRIMARY } },
    request: request(PRIMARY),
    response: {
      requestId: string(REQUEST_ID),
      service: "in.juspay.hyperapi",
      event: "process_result",
      error: true,
      errorCode: regex("^\\S+$", "PRIMARY_ACCOUNT"),
      errorMessage: string("Cannot delete the primary account"),
      payload: { action: "upiDeleteAccount", status: "FAILURE" },
    },
    status: "FAILURE",
  },
];

const json = (content: unknown): unknown => JSON.parse(Buffer.isBuffer(content) ? content.toString("utf8") : String(content));

describe("juspay-upi consumer contract (V4 synchronous messages)", () => {
  it.each(rows)("$description", async (row) => {
    const status = await pact
      .addSynchronousInteraction(row.description)
      .given(row.state.name, row.state.params)
      .withRequest((builder) => builder.withJSONContent(row.request))
      .withResponse((builder) => builder.withJSONContent(row.response))
      .executeTest(async (message) => {
        const sent = json(message.Request.content);
        const received = json(message.Response[0].content);
        expect(validatePayloads({ request: sent, response: received })).toEqual([]);
        return (received as { payload: { status: string } }).payload.status;
      });
    expect(status).toBe(row.status);
  });
});
