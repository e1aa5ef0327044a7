import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type SandboxHandle } from "../../src/sandboxes/index.ts";
import { LONG_ID, expectDocumented, fixture, send, state, type Answer } from "./helpers.ts";

let h: SandboxHandle;
beforeAll(async () => {
  h = await startSandbox("juspay");
});
afterAll(async () => {
  await h.close();
});

interface Change {
  /** A header value, null for none, or a value built from the sandbox's API key. */
  authorization?: string | null | ((key: string) => string);
  routing?: string | null;
  contentType?: string;
  body?: string;
  customer?: string;
  account?: string;
}

function basic(user: string, password = ""): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
}

async function del(ids: Record<string, string>, change: Change = {}): Promise<Answer> {
  const headers: Record<string, string> = { "content-type": change.contentType ?? "application/x-www-form-urlencoded" };
  const auth = change.authorization === undefined ? basic : change.authorization;
  if (auth !== null) headers.authorization = typeof auth === "function" ? auth(h.credentials.JUSPAY_API_KEY) : auth;
  const routing = change.routing === undefined ? ids.customer_id : change.routing;
  if (routing !== null) headers["x-routing-id"] = routing;
  const customer = change.customer ?? ids.customer_id;
  const account = change.account ?? ids.customer_account_id;
  const url = `${h.baseUrl}/customers/${customer}/customer-accounts/${account}`;
  return send(url, { method: "POST", headers, body: change.body ?? "command=delete" });
}

describe("juspay sandbox", () => {
  it("deletes an existing account once, then answers the documented 404", async () => {
    const ids = await fixture(h);
    const first = await del(ids);
    expectDocumented(h, first, 200);
    expect(first.json).toEqual({ customer_account_status: "DELETED", customer_account_id: ids.customer_account_id });
    const again = await del(ids);
    expectDocumented(h, again, 404);
    expect(again.json).toMatchObject({ status: "invalid_request_error", error_code: "object_not_found" });
  });

  const rejected: [string, Change, number, string][] = [
    ["no Authorization", { authorization: null }, 401, "access_denied"],
    ["a wrong API key", { authorization: basic("not-the-key") }, 401, "access_denied"],
    ["a non-empty password", { authorization: (key) => basic(key, "secret") }, 401, "access_denied"],
    ["a bearer token", { authorization: "Bearer abc" }, 401, "access_denied"],
    ["no x-routing-id", { routing: null }, 400, "invalid_request"],
    ["an empty x-routing-id", { routing: "" }, 400, "invalid_request"],
    ["command=remove", { body: "command=remove" }, 400, "invalid_request"],
    ["an empty body", { body: "" }, 400, "invalid_request"],
    ["a repeated command", { body: "command=delete&command=delete" }, 400, "invalid_request"],
    ["a JSON body", { contentType: "application/json", body: '{"command":"delete"}' }, 400, "invalid_request"],
    ["an encoded slash in the account id", { account: "bank_a%2Fb" }, 404, "object_not_found"],
    ["a malformed escape in the customer id", { customer: "cst_%E0%A4%A" }, 404, "object_not_found"],
    ["a several-KB account id", { account: LONG_ID }, 404, "object_not_found"],
    ["a look-alike customer id", { customer: "\u0441st_abc" }, 404, "object_not_found"],
    ["the account under another customer", { customer: "cst_someoneelse" }, 404, "object_not_found"],
  ];
  it.each(rejected)("answers %s with the documented %i and keeps the account", async (_name, change, status, code) => {
    const ids = await fixture(h);
    const answer = await del(ids, change);
    expectDocumented(h, answer, status);
    expect((answer.json as { error_code: string }).error_code).toBe(code);
    expectDocumented(h, await del(ids), 200);
  });

  it("accepts a form content type with a charset, and extra form fields", async () => {
    const ids = await fixture(h);
    const answer = await del(ids, { contentType: "application/x-www-form-urlencoded; charset=utf-8", body: "command=delete&note=x" });
    expectDocumented(h, answer, 200);
  });

  it("checks credentials before the request and the lookup", async () => {
    const answer = await del({ customer_id: "cst_x", customer_account_id: "bank_y" }, { authorization: null, routing: null, body: "" });
    expectDocumented(h, answer, 401);
  });

  it("puts a fresh request id into each error", async () => {
    const ids = { customer_id: "cst_none", customer_account_id: "bank_none" };
    const [a, b] = [await del(ids), await del(ids)];
    const idOf = (x: Answer) => (x.json as { error_info: { request_id: string } }).error_info.request_id;
    expect(idOf(a)).toMatch(/^[0-9a-f-]{36}$/);
    expect(idOf(a)).not.toBe(idOf(b));
  });

  it("removes the account on teardown", async () => {
    const ids = await fixture(h);
    const down = await state(h, { state: "a customer account exists", action: "teardown", params: ids });
    expect([down.status, down.json]).toEqual([200, {}]);
    expectDocumented(h, await del(ids), 404);
  });
});
