import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Credentials, type SandboxHandle } from "../../src/sandboxes/index.ts";
import { LONG_ID, expectDocumented, fixture, send, state, type Answer } from "./helpers.ts";

let h: SandboxHandle;
beforeAll(async () => {
  h = await startSandbox("yuno");
});
afterAll(async () => {
  await h.close();
});

/** A header's value: as given, null to leave it out, or built from the sandbox's credentials. */
type Value = string | null | ((c: Credentials) => string);
/** Header overrides by name, plus `id` to put another raw path segment in place of the customer id. */
type Change = { [header: string]: Value | undefined; id?: string };

async function del(customerId: string, change: Change = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  const defaults: Record<string, string> = {
    "public-api-key": h.credentials.YUNO_PUBLIC_API_KEY,
    "private-secret-key": h.credentials.YUNO_PRIVATE_SECRET_KEY,
    "x-account-code": h.credentials.YUNO_ACCOUNT_CODE,
  };
  const { id, ...overrides } = change;
  for (const [name, value] of Object.entries({ ...defaults, ...overrides })) {
    if (value === null || value === undefined) continue;
    headers[name] = typeof value === "function" ? value(h.credentials) : value;
  }
  return send(`${h.baseUrl}/customers/${id ?? customerId}`, { method: "DELETE", headers });
}

const codeOf = (a: Answer) => (a.json as { code: string }).code;

describe("yuno sandbox", () => {
  it("deletes an existing customer with 202 and an empty body, then answers 400 CUSTOMER_NOT_FOUND", async () => {
    const { customer_id } = await fixture(h);
    expectDocumented(h, await del(customer_id), 202);
    const again = await del(customer_id);
    expectDocumented(h, again, 400);
    expect(again.json).toEqual({ code: "CUSTOMER_NOT_FOUND", messages: ["Customer not found."] });
  });

  const rejected: [string, Change, string][] = [
    ["no public-api-key", { "public-api-key": null }, "INVALID_REQUEST"],
    ["no private-secret-key", { "private-secret-key": null }, "INVALID_REQUEST"],
    ["a wrong private-secret-key", { "private-secret-key": "sandbox_wrong" }, "INVALID_REQUEST"],
    [
      "the keys swapped",
      { "public-api-key": (c) => c.YUNO_PRIVATE_SECRET_KEY, "private-secret-key": (c) => c.YUNO_PUBLIC_API_KEY },
      "INVALID_REQUEST",
    ],
    ["no x-account-code", { "x-account-code": null }, "INVALID_REQUEST"],
    ["a short x-account-code", { "x-account-code": "abc" }, "INVALID_REQUEST"],
    ["a 36-char x-account-code that is no UUID", { "x-account-code": "x".repeat(36) }, "INVALID_REQUEST"],
    ["another account's code", { "x-account-code": randomUUID() }, "INVALID_REQUEST"],
    ["an encoded slash in the id", { id: "a%2Fb" }, "INVALID_REQUEST"],
    ["a malformed escape in the id", { id: "%zz" }, "INVALID_REQUEST"],
    ["a several-KB id", { id: LONG_ID }, "CUSTOMER_NOT_FOUND"],
    ["a look-alike id", { id: "\u0441ustomer" }, "CUSTOMER_NOT_FOUND"],
  ];
  it.each(rejected)("answers %s with the documented 400 %s and keeps the customer", async (_name, change, code) => {
    const { customer_id } = await fixture(h);
    const answer = await del(customer_id, change);
    expectDocumented(h, answer, 400);
    expect(codeOf(answer)).toBe(code);
    expectDocumented(h, await del(customer_id), 202);
  });

  it("accepts the account code in upper case", async () => {
    const { customer_id } = await fixture(h);
    expectDocumented(h, await del(customer_id, { "x-account-code": (c) => c.YUNO_ACCOUNT_CODE.toUpperCase() }), 202);
  });

  it("removes the customer on teardown", async () => {
    const ids = await fixture(h);
    const down = await state(h, { state: "a customer exists", action: "teardown", params: ids });
    expect([down.status, down.json]).toEqual([200, {}]);
    expect(codeOf(await del(ids.customer_id))).toBe("CUSTOMER_NOT_FOUND");
  });
});
