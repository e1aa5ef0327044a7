/**
 * Drives both generated EnKash clients (openapi-fetch factory and typescript-fetch SDK) through
 * every documented status and example: the 200 envelope and the assumed error envelopes.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import { loadSpec } from "../../src/spec/load.ts";
import { cannedAnswers, withStatusServer, type CannedAnswer } from "../support/status-server.ts";
import { createEnkashClient, type components } from "../../generated/enkash/client.ts";
import * as sdk from "../../generated/enkash/sdk/index.ts";
import { rejectionOf, roundTrip } from "./sdk-helpers.ts";

const op = loadSpec("enkash").operations.find((o) => o.operationId === "deleteCustomerByCustomerId")!;
const answers = cannedAnswers(op);
const successes = answers.filter((a) => a.status < 300);
const failures = answers.filter((a) => a.status >= 300);
const example = (name: string) => String(op.parameters.find((p) => p.name === name)?.example);
const customerId = example("customerId");
const parentCompanyId = example("parentCompanyId");
const token = "token_test";
const expectedUrl = `${op.path.replace("{customerId}", customerId)}?parentCompanyId=${parentCompanyId}`;

type Envelope = components["schemas"]["ApiResponse"];
type ErrorType =
  | "CLIENT_REQUEST_ABORT"
  | "CLIENT_REQUEST_ERROR"
  | "INVALID_ACCESS"
  | "RECORD_NOT_FOUND"
  | "SYSTEM_ERROR"
  | "UNAUTHORIZED"
  | "UNKNOWN_ERROR"
  | "UNPROCESSABLE_REQUEST"
  | "VALIDATION_ERROR";

function callFetchClient(baseUrl: string) {
  const client = createEnkashClient({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
  return client.DELETE("/api/v0/customer/{customerId}", {
    params: { path: { customerId }, query: { parentCompanyId } },
  });
}

function callSdk(baseUrl: string): Promise<sdk.ModelApiResponse> {
  const api = new sdk.CustomerApisApi(new sdk.Configuration({ basePath: baseUrl, accessToken: token }));
  return api.deleteCustomerByCustomerId({ customerId, parentCompanyId });
}

const sdkErrors: Record<number, (json: unknown) => { body: sdk.ErrorApiResponse; json: unknown }> = Object.fromEntries(
  failures.map((a) => [a.status, roundTrip(sdk.ErrorApiResponseFromJSON, sdk.ErrorApiResponseToJSON)]),
);

/** What an integrator writes on an error: `e.errorResponse.errorType`, typed, in each client. */
async function errorTypeFromFetchClient(baseUrl: string): Promise<ErrorType | undefined> {
  const { error: e } = await callFetchClient(baseUrl);
  if (!e) throw new Error("expected an error");
  expectTypeOf(e.errorResponse.errorType).toEqualTypeOf<ErrorType>();
  return e.errorResponse.errorType;
}

async function errorTypeFromSdk(baseUrl: string): Promise<sdk.ErrorResponseErrorTypeEnum | undefined> {
  const thrown = await rejectionOf(callSdk(baseUrl));
  const e = sdk.ErrorApiResponseFromJSON(await (thrown as Response).json());
  expectTypeOf(e.errorResponse.errorType).toEqualTypeOf<sdk.ErrorResponseErrorTypeEnum | undefined>();
  return e.errorResponse.errorType;
}

describe("e.errorResponse.errorType on an error answer", () => {
  it.each(failures)("$label: compiles in both clients and is the answer's errorType", async (answer: CannedAnswer) => {
    const sent = (answer.body as Envelope).errorResponse?.errorType;
    expect(sent).toBeDefined();
    await withStatusServer(answer, async (server) => {
      expect(await errorTypeFromFetchClient(server.baseUrl)).toBe(sent);
    });
    await withStatusServer(answer, async (server) => {
      const errorType = await errorTypeFromSdk(server.baseUrl);
      expect(errorType).toBe(sent);
      expect(Object.values(sdk.ErrorResponseErrorTypeEnum)).toContain(errorType);
    });
  });
});

describe("enkash generated clients", () => {
  it("has documented successes and errors to drive", () => {
    expect(successes.length).toBeGreaterThan(0);
    expect(failures.length).toBeGreaterThan(0);
  });

  describe("openapi-fetch client", () => {
    it.each(successes)("$label gives typed data", async (answer: CannedAnswer) => {
      await withStatusServer(answer, async (server) => {
        const { data, error, response } = await callFetchClient(server.baseUrl);
        expectTypeOf(data?.errorResponse?.errorType).toEqualTypeOf<ErrorType | undefined>();
        const responseCode: number | undefined = data?.response_code;
        expect(response.status).toBe(answer.status);
        expect(error).toBeUndefined();
        expect(data).toEqual(answer.body);
        expect(responseCode).toBe((answer.body as Envelope).response_code);
        expect(server.requests[0]).toMatchObject({ method: op.method, url: expectedUrl });
        expect(server.requests[0].headers.authorization).toBe(`Bearer ${token}`);
      });
    });

    it.each(failures)("$label gives a typed error", async (answer: CannedAnswer) => {
      await withStatusServer(answer, async (server) => {
        const { data, error, response } = await callFetchClient(server.baseUrl);
        // errorResponse is required on an error status (ErrorApiResponse), so no `?.` before errorType.
        const errorType: ErrorType | undefined = error?.errorResponse.errorType;
        expectTypeOf(error?.errorResponse.errorType).toEqualTypeOf<ErrorType | undefined>();
        expect(response.status).toBe(answer.status);
        expect(data).toBeUndefined();
        expect(error).toEqual(answer.body);
        expect(errorType).toBe((answer.body as Envelope).errorResponse?.errorType);
      });
    });
  });

  describe("typescript-fetch SDK", () => {
    it.each(successes)("$label resolves to the typed model", async (answer: CannedAnswer) => {
      await withStatusServer(answer, async (server) => {
        const value = await callSdk(server.baseUrl);
        const errorType: sdk.ErrorResponseErrorTypeEnum | undefined = value.errorResponse?.errorType;
        const responseCode: number | undefined = value.responseCode;
        expect(errorType).toBe((answer.body as Envelope).errorResponse?.errorType);
        expect(responseCode).toBe((answer.body as Envelope).response_code);
        expect(sdk.ModelApiResponseToJSON(value)).toEqual(answer.body);
        expect(server.requests[0]).toMatchObject({ method: op.method, url: expectedUrl });
        expect(server.requests[0].headers.authorization).toBe(`Bearer ${token}`);
      });
    });

    it.each(failures)("$label rejects with the Response, whose body parses to the typed model", async (answer: CannedAnswer) => {
      await withStatusServer(answer, async (server) => {
        const thrown = await rejectionOf(callSdk(server.baseUrl));
        expect(thrown).toBeInstanceOf(Response);
        const response = thrown as Response;
        expect(response.status).toBe(answer.status);
        const { body, json } = sdkErrors[answer.status](await response.json());
        const errorResponse: sdk.ErrorResponseOnError = body.errorResponse;
        const responseCode: number | undefined = body.responseCode;
        expect(errorResponse).toEqual((answer.body as Envelope).errorResponse);
        expect(responseCode).toBe((answer.body as Envelope).response_code);
        expect(json).toEqual(answer.body);
      });
    });
  });
});
