/**
 * Drives both generated Cashfree clients (openapi-fetch factory and typescript-fetch SDK) through
 * every documented status: the empty 204 and the 400/401/404/500 error bodies.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import { loadSpec } from "../../src/spec/load.ts";
import { cannedAnswers, withStatusServer, type CannedAnswer } from "../support/status-server.ts";
import { createCashfreeClient, type components } from "../../generated/cashfree/client.ts";
import * as sdk from "../../generated/cashfree/sdk/index.ts";
import { rejectionOf, roundTrip } from "./sdk-helpers.ts";

const op = loadSpec("cashfree").operations.find((o) => o.method === "DELETE" && o.path === "/customer/{customer_id}")!;
const answers = cannedAnswers(op);
const successes = answers.filter((a) => a.status < 300);
const failures = answers.filter((a) => a.status >= 300);
const customerId = String(op.parameters.find((p) => p.name === "customer_id")?.example);
const keys: Record<string, string> = { "x-client-id": "app_test", "x-client-secret": "secret_test" };
const expectedUrl = op.path.replace("{customer_id}", encodeURIComponent(customerId));

type ErrorBody = components["schemas"]["ErrorResponse"];

function callFetchClient(baseUrl: string) {
  const client = createCashfreeClient({ baseUrl, headers: keys });
  return client.DELETE("/customer/{customer_id}", { params: { path: { customer_id: customerId } } });
}

function callSdk(baseUrl: string): Promise<void> {
  const api = new sdk.DefaultApi(new sdk.Configuration({ basePath: baseUrl, apiKey: (name) => keys[name] }));
  return api.customerCustomerIdDelete({ customerId });
}

const sdkErrors: Record<number, (json: unknown) => { body: sdk.ErrorResponse; json: unknown }> = Object.fromEntries(
  failures.map((a) => [a.status, roundTrip(sdk.ErrorResponseFromJSON, sdk.ErrorResponseToJSON)]),
);

describe("cashfree generated clients", () => {
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
        expect(server.requests[0].headers).toMatchObject(keys);
      });
    });

    it.each(failures)("$label gives a typed error", async (answer: CannedAnswer) => {
      await withStatusServer(answer, async (server) => {
        const { data, error, response } = await callFetchClient(server.baseUrl);
        expectTypeOf(error).toEqualTypeOf<{ message: string; code: string; type: string } | undefined>();
        const code: string | undefined = error?.code;
        expect(response.status).toBe(answer.status);
        expect(data).toBeUndefined();
        expect(error).toEqual(answer.body);
        expect(code).toBe((answer.body as ErrorBody).code);
      });
    });
  });

  describe("typescript-fetch SDK", () => {
    it.each(successes)("$label resolves with nothing", async (answer: CannedAnswer) => {
      await withStatusServer(answer, async (server) => {
        const value: void = await callSdk(server.baseUrl);
        expect(value).toBeUndefined();
        expect(server.requests[0]).toMatchObject({ method: op.method, url: expectedUrl });
        expect(server.requests[0].headers).toMatchObject(keys);
      });
    });

    it.each(failures)("$label rejects with the Response, whose body parses to the typed model", async (answer: CannedAnswer) => {
      await withStatusServer(answer, async (server) => {
        const thrown = await rejectionOf(callSdk(server.baseUrl));
        expect(thrown).toBeInstanceOf(Response);
        const response = thrown as Response;
        expect(response.status).toBe(answer.status);
        const { body, json } = sdkErrors[answer.status](await response.json());
        const code: string = body.code;
        const type: string = body.type;
        expect(code).toBe((answer.body as ErrorBody).code);
        expect(type).toBe((answer.body as ErrorBody).type);
        expect(json).toEqual(answer.body);
      });
    });
  });
});
