/**
 * Drives both generated Juspay clients (openapi-fetch factory and typescript-fetch SDK) through
 * every documented status, answered by a loopback server with the spec's example bodies.
 */
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { emptyMissingBasicCredentials } from "../../scripts/generate/sdk-postprocess.ts";
import { startSandbox, type SandboxHandle } from "../../src/sandboxes/index.ts";
import { loadSpec } from "../../src/spec/load.ts";
import { fixture } from "../sandboxes/helpers.ts";
import { cannedAnswers, withStatusServer, type CannedAnswer } from "../support/status-server.ts";
import { createJuspayClient, type components } from "../../generated/juspay/client.ts";
import * as sdk from "../../generated/juspay/sdk/index.ts";
import { rejectionOf, roundTrip } from "./sdk-helpers.ts";

const op = loadSpec("juspay").operations.find((o) => o.operationId === "deleteCustomerAccount")!;
const answers = cannedAnswers(op);
const successes = answers.filter((a) => a.status < 300);
const failures = answers.filter((a) => a.status >= 300);
const example = (name: string) => String(op.parameters.find((p) => p.name === name)?.example);
const ids = { customer_id: example("customer_id"), customer_account_id: example("customer_account_id") };
const routingId = example("x-routing-id");
const expectedUrl = op.path.replace(/\{(\w+)\}/g, (_, n: keyof typeof ids) => encodeURIComponent(ids[n]));

type Schemas = components["schemas"];
type ErrorBody = Schemas["BadRequestError"] | Schemas["UnauthorizedError"] | Schemas["NotFoundError"];

function callFetchClient(baseUrl: string) {
  const client = createJuspayClient({ baseUrl, headers: { Authorization: `Basic ${btoa("key:")}` } });
  return client.POST("/customers/{customer_id}/customer-accounts/{customer_account_id}", {
    params: { path: ids, header: { "x-routing-id": routingId } },
    body: { command: "delete" },
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
}

function callSdk(baseUrl: string): Promise<sdk.DeletedCustomerAccount> {
  const api = new sdk.DefaultApi(new sdk.Configuration({ basePath: baseUrl, username: "key", password: "" }));
  return api.deleteCustomerAccount({
    customerId: ids.customer_id,
    customerAccountId: ids.customer_account_id,
    xRoutingId: routingId,
    command: sdk.DeleteCustomerAccountCommandEnum.Delete,
  });
}

type SdkError = sdk.BadRequestError | sdk.UnauthorizedError | sdk.NotFoundError;

/** The generated model of each documented error body, by status. */
const sdkErrors: Record<number, (json: unknown) => { body: SdkError; json: unknown }> = {
  400: roundTrip(sdk.BadRequestErrorFromJSON, sdk.BadRequestErrorToJSON),
  401: roundTrip(sdk.UnauthorizedErrorFromJSON, sdk.UnauthorizedErrorToJSON),
  404: roundTrip(sdk.NotFoundErrorFromJSON, sdk.NotFoundErrorToJSON),
};

describe("juspay generated clients", () => {
  it("has documented successes and errors to drive", () => {
    expect(successes.length).toBeGreaterThan(0);
    expect(failures.length).toBeGreaterThan(0);
  });

  describe("openapi-fetch client", () => {
    it.each(successes)("$label gives typed data", async (answer: CannedAnswer) => {
      await withStatusServer(answer, async (server) => {
        const { data, error, response } = await callFetchClient(server.baseUrl);
        const status: "DELETED" | undefined = data?.customer_account_status;
        const accountId: string | undefined = data?.customer_account_id;
        expect(response.status).toBe(answer.status);
        expect(error).toBeUndefined();
        expect(data).toEqual(answer.body);
        expect(status).toBe("DELETED");
        expect(accountId).toBe((answer.body as { customer_account_id: string }).customer_account_id);
        expect(server.requests[0]).toMatchObject({ method: op.method, url: expectedUrl, body: "command=delete" });
        expect(server.requests[0].headers["x-routing-id"]).toBe(routingId);
      });
    });

    it.each(failures)("$label gives a typed error", async (answer: CannedAnswer) => {
      await withStatusServer(answer, async (server) => {
        const { data, error, response } = await callFetchClient(server.baseUrl);
        expectTypeOf(error).toEqualTypeOf<ErrorBody | undefined>();
        const status: "error" | "invalid_request_error" | undefined = error?.status;
        const developerMessage: string | undefined = error?.error_info.developer_message;
        expect(response.status).toBe(answer.status);
        expect(data).toBeUndefined();
        expect(error).toEqual(answer.body);
        expect(status).toBe((answer.body as ErrorBody).status);
        expect(developerMessage).toBe((answer.body as ErrorBody).error_info.developer_message);
      });
    });
  });

  describe("typescript-fetch SDK", () => {
    it.each(successes)("$label resolves to the typed model", async (answer: CannedAnswer) => {
      await withStatusServer(answer, async (server) => {
        const value = await callSdk(server.baseUrl);
        const status: sdk.DeletedCustomerAccountCustomerAccountStatusEnum = value.customerAccountStatus;
        expect(status).toBe(sdk.DeletedCustomerAccountCustomerAccountStatusEnum.DELETED);
        expect(sdk.DeletedCustomerAccountToJSON(value)).toEqual(answer.body);
        expect(server.requests[0]).toMatchObject({ method: op.method, url: expectedUrl, body: "command=delete" });
        expect(server.requests[0].headers.authorization).toBe(`Basic ${btoa("key:")}`);
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
        const info: sdk.ErrorInfo = body.errorInfo;
        const errorCode: string = body.errorCode;
        expect(errorCode).toBe((answer.body as ErrorBody).error_code);
        expect(info.userMessage).toBe((answer.body as ErrorBody).error_info.user_message);
        expect(json).toEqual(answer.body);
      });
    });
  });

  describe("typescript-fetch SDK against the reference sandbox", () => {
    let h: SandboxHandle;
    beforeAll(async () => {
      h = await startSandbox("juspay");
    });
    afterAll(async () => {
      await h.close();
    });

    /** Deletes a fresh fixture account with a client built from `credentials`. */
    async function deleteWith(credentials: { username?: string; password?: string }): Promise<sdk.DeletedCustomerAccount> {
      const account = await fixture(h);
      const api = new sdk.DefaultApi(new sdk.Configuration({ basePath: h.baseUrl, ...credentials }));
      return api.deleteCustomerAccount({
        customerId: account.customer_id,
        customerAccountId: account.customer_account_id,
        xRoutingId: account.customer_id,
        command: sdk.DeleteCustomerAccountCommandEnum.Delete,
      });
    }

    it("authenticates a client configured with the API key as username only", async () => {
      const value = await deleteWith({ username: h.credentials.JUSPAY_API_KEY });
      expect(value.customerAccountStatus).toBe(sdk.DeletedCustomerAccountCustomerAccountStatusEnum.DELETED);
    });

    it("is refused with the credentials the unprocessed SDK sent (KEY:undefined)", async () => {
      const thrown = await rejectionOf(deleteWith({ username: h.credentials.JUSPAY_API_KEY, password: "undefined" }));
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(401);
    });
  });

  describe("Basic credentials post-processing", () => {
    const generated = 'x = "Basic " + btoa(this.configuration.username + ":" + this.configuration.password);';

    it("treats a missing username or password as empty, once", () => {
      const fixed = emptyMissingBasicCredentials("apis/DefaultApi.ts", generated);
      expect(fixed).toBe('x = "Basic " + btoa((this.configuration.username ?? "") + ":" + (this.configuration.password ?? ""));');
      expect(emptyMissingBasicCredentials("apis/DefaultApi.ts", fixed)).toBe(fixed);
    });

    it("fails on a Basic credentials line it does not recognise", () => {
      const other = 'x = "Basic " + btoa(this.configuration.username + ":"  + this.configuration.password);';
      expect(() => emptyMissingBasicCredentials("apis/DefaultApi.ts", other)).toThrow("apis/DefaultApi.ts");
    });
  });
});
