import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type SandboxHandle } from "../../src/sandboxes/index.ts";
import { CYRILLIC_K, LONG_ID, conformsTo, expectDocumented, fixture, send, state, type Answer } from "./helpers.ts";

let h: SandboxHandle;
beforeAll(async () => {
  h = await startSandbox("enkash");
});
afterAll(async () => {
  await h.close();
});

async function del(rawId: string, authorization: string | null = `Bearer ${h.credentials.ENKASH_ACCESS_TOKEN}`, query = ""): Promise<Answer> {
  const headers: Record<string, string> = authorization === null ? {} : { authorization };
  return send(`${h.baseUrl}/api/v0/customer/${rawId}${query}`, { method: "DELETE", headers });
}

interface Envelope {
  response_code: number;
  errorResponse: { errorType: string; errorMessage: string; requestId: string; timestamp: string };
}
const envelope = (a: Answer) => a.json as Envelope;

describe("enkash sandbox", () => {
  it("deletes an existing customer with the 200 envelope, then answers 404 RECORD_NOT_FOUND", async () => {
    const { customerId } = await fixture(h);
    expect(conformsTo("enkash", "customerId", customerId)).toBe(true);
    const first = await del(customerId);
    expectDocumented(h, first, 200);
    expect(envelope(first).response_code).toBe(200);
    const again = await del(customerId);
    expectDocumented(h, again, 404);
    expect(envelope(again).errorResponse.errorType).toBe("RECORD_NOT_FOUND");
  });

  it("fills every errorResponse field, with the documented timestamp shape", async () => {
    const { errorResponse } = envelope(await del("KC0000000000000Z"));
    expect(errorResponse.errorMessage).not.toBe("");
    expect(errorResponse.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(errorResponse.timestamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  const unauthorized: [string, (token: string) => string | null][] = [
    ["no Authorization", () => null],
    ["a wrong token", () => "Bearer not-the-token"],
    ["the token without a scheme", (token) => token],
    ["the token as Basic", (token) => `Basic ${token}`],
    ["the token with trailing text", (token) => `Bearer ${token} extra`],
  ];
  it.each(unauthorized)("answers %s with the 401 envelope and keeps the customer", async (_name, auth) => {
    const { customerId } = await fixture(h);
    const answer = await del(customerId, auth(h.credentials.ENKASH_ACCESS_TOKEN));
    expectDocumented(h, answer, 401);
    expect(envelope(answer).errorResponse.errorType).toBe("UNAUTHORIZED");
    expectDocumented(h, await del(customerId), 200);
  });

  const badRequests: [string, string, string][] = [
    ["a lower-case id", "kc1a2b3c4d5e6f7g", ""],
    ["a 15-character suffix", "KC1A2B3C4D5E6F7G8", ""],
    ["a look-alike K", `${CYRILLIC_K}C1A2B3C4D5E6F7G`, ""],
    ["an encoded slash", "KC1A2B3C4D5E6%2F7", ""],
    ["a malformed escape", "KC1A2B3C4D5E6F%G", ""],
    ["a several-KB id", LONG_ID, ""],
    ["a short parentCompanyId", "KC1A2B3C4D5E6F7G", "?parentCompanyId=CEK123"],
    ["an empty parentCompanyId", "KC1A2B3C4D5E6F7G", "?parentCompanyId="],
    ["a repeated parentCompanyId", "KC1A2B3C4D5E6F7G", "?parentCompanyId=CEK1A2B3C4&parentCompanyId=CEK1A2B3C4"],
  ];
  it.each(badRequests)("answers %s with the 400 VALIDATION_ERROR envelope", async (_name, rawId, query) => {
    const answer = await del(rawId, undefined, query);
    expectDocumented(h, answer, 400);
    expect(envelope(answer).errorResponse.errorType).toBe("VALIDATION_ERROR");
  });

  it("accepts a parentCompanyId in the documented format", async () => {
    const { customerId } = await fixture(h);
    expectDocumented(h, await del(customerId, undefined, "?parentCompanyId=CEK1A2B3C4"), 200);
  });

  it("checks the token before the id format", async () => {
    expectDocumented(h, await del("bad", null), 401);
  });

  it("removes the customer on teardown", async () => {
    const ids = await fixture(h);
    const down = await state(h, { state: "a customer exists", action: "teardown", params: ids });
    expect([down.status, down.json]).toEqual([200, {}]);
    expectDocumented(h, await del(ids.customerId), 404);
  });
});
