/**
 * Drives both generated Yuno clients (openapi-fetch factory and typescript-fetch SDK) through
 * every documented status: the empty 202 and each documented 400 example.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import { loadSpec } from "../../src/spec/load.ts";
import { cannedAnswers, withStatusServer, type CannedAnswer } from "../support/status-server.ts";
import { createYunoClient } from "../../generated/yuno/client.ts";
import * as sdk from "../../generated/yuno/sdk/index.ts";
import { rejectionOf, roundTrip } from "./sdk-helpers.ts";

const op = loadSpec("yuno").operations.find((o) => o.operationId === "delete-customer")!;
const answers = cannedAnswers(op);
const successes = answers.filter((a) => a.status < 300);
const failures = answers.filter((a) => a.status >= 300);
const customerId = "cus_7f3c2b1a";
const accountCode = "3f1c6a52-9d4e-4b8a-8f0e-2a7d5c9b1e43";
const keys: Record<string, string> = { "public-api-key": "pub_test", "private-secret-key": "sec_test" };
const expectedUrl = op.path.replace("{customer_id}", customerId);

type ErrorBody = { code?: string; messages?: string[] };

function callFetchClient(baseUrl: string) {
  const client = createYunoClient({ baseUrl, headers: keys });
  return client.DELETE("/customers/{customer_id}", {
    params: { path: { customer_id: customerId }, header: { "x-account-code": accountCode } },
  });
}

function callSdk(baseUrl: string): Promise<void> {
  const api = new sdk.DefaultApi(new sdk.Configuration({ basePath: baseUrl, apiKey: (name) => keys[name] }));
  return api.deleteCustomer({ customerId, xAccountCode: accountCode });
}

const sdkErrors: Record<number, (json: unknown) => { body: sdk.InlineResponse400; json: unknown }> = {
  400: roundTrip(sdk.InlineResponse400FromJSON, sdk.InlineResponse400ToJSON),
};

describe("yuno generated clients", () => {
  it("has documented successes and errors to drive", () => {
    expect(successes.length).toBeGreaterThan(0);
    expect(failures.length).toBeGreaterThan(0);
  });

  describe("openapi-fetch client", () => {
    it.each(successes)("$label gives no data and no error", async (answer: CannedAnswer) => {
      await withStatusServer(answer, async (server) => {
        const { data, error, response } = await callFetchClient(server.baseUrl);
        expectTypeOf(data).toEqualTypeOf<undefined>();
        expect(response.status).toBe(answer.status);
        expect(data).toBeUndefined();
        expect(error).toBeUndefined();
        expect(server.requests[0]).toMatchObject({ method: op.method, url: expectedUrl });
        expect(server.requests[0].headers).toMatchObject({ "x-account-code": accountCode, ...keys });
      });
    });

    it.each(failures)("$label gives a typed error", async (answer: CannedAnswer) => {
      await withStatusServer(answer, async (server) => {
        const { data, error, response } = await callFetchClient(server.baseUrl);
        expectTypeOf(error).toEqualTypeOf<ErrorBody | undefined>();
        const code: string | undefined = error?.code;
        const messages: string[] | undefined = error?.messages;
        expect(response.status).toBe(answer.status);
        expect(data).toBeUndefined();
        expect(error).toEqual(answer.body);
        expect(code).toBe((answer.body as ErrorBody).code);
        expect(messages).toEqual((answer.body as ErrorBody).messages);
      });
    });
  });

  describe("typescript-fetch SDK", () => {
    it.each(successes)("$label resolves with nothing", async (answer: CannedAnswer) => {
      await withStatusServer(answer, async (server) => {
        const value: void = await callSdk(server.baseUrl);
        expect(value).toBeUndefined();
        expect(server.requests[0]).toMatchObject({ method: op.method, url: expectedUrl });
        expect(server.requests[0].headers).toMatchObject({ "x-account-code": accountCode, ...keys });
      });
    });

    it.each(failures)("$label rejects with the Response, whose body parses to the typed model", async (answer: CannedAnswer) => {
      await withStatusServer(answer, async (server) => {
        const thrown = await rejectionOf(callSdk(server.baseUrl));
        expect(thrown).toBeInstanceOf(Response);
        const response = thrown as Response;
        expect(response.status).toBe(answer.status);
        const parse = sdkErrors[answer.status];
        expect(parse, `no generated model listed for ${answer.status}`).toBeDefined();
        const { body, json } = parse(await response.json());
        const code: string | undefined = body.code;
        const messages: string[] | undefined = body.messages;
        expect(code).toBe((answer.body as ErrorBody).code);
        expect(messages).toEqual((answer.body as ErrorBody).messages);
        expect(json).toEqual(answer.body);
      });
    });
  });
});
