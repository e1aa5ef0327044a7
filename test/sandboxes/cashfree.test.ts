import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type SandboxHandle } from "../../src/sandboxes/index.ts";
import { CYRILLIC_C, LONG_ID, conformsTo, expectDocumented, fixture, send, state, type Answer } from "./helpers.ts";

let h: SandboxHandle;
beforeAll(async () => {
  h = await startSandbox("cashfree");
});
afterAll(async () => {
  await h.close();
});

/** Which credential headers to send: both right, one missing, or one wrong. */
type Auth = "both" | "no id" | "no secret" | "wrong secret" | "none";

async function del(rawId: string, auth: Auth = "both"): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (auth === "both" || auth === "no secret" || auth === "wrong secret") headers["x-client-id"] = h.credentials.CASHFREE_CLIENT_ID;
  if (auth === "both" || auth === "no id") headers["x-client-secret"] = h.credentials.CASHFREE_CLIENT_SECRET;
  if (auth === "wrong secret") headers["x-client-secret"] = "cfsk_ma_test_wrong";
  return send(`${h.baseUrl}/customer/${rawId}`, { method: "DELETE", headers });
}

const codeOf = (a: Answer) => a.json as { code: string; type: string };

describe("cashfree sandbox", () => {
  it("deletes an existing customer with 204, then answers 404 customer_not_found", async () => {
    const { customer_id } = await fixture(h);
    expect(conformsTo("cashfree", "customer_id", customer_id)).toBe(true);
    expectDocumented(h, await del(customer_id), 204);
    const again = await del(customer_id);
    expectDocumented(h, again, 404);
    expect(codeOf(again)).toMatchObject({ code: "customer_not_found", type: "resource_error" });
  });

  const unauthorized: Auth[] = ["none", "no id", "no secret", "wrong secret"];
  it.each(unauthorized)("answers %s with the documented 401 and keeps the customer", async (auth) => {
    const { customer_id } = await fixture(h);
    const answer = await del(customer_id, auth);
    expectDocumented(h, answer, 401);
    expect(codeOf(answer)).toMatchObject({ code: "unauthorized", type: "authentication_error" });
    expectDocumented(h, await del(customer_id), 204);
  });

  const badIds: [string, string][] = [
    ["too short", "ab"],
    ["too long", "c".repeat(51)],
    ["a dot", "cust.priya"],
    ["a look-alike letter", `${CYRILLIC_C}ust_priya`],
    ["an encoded slash", "cust%2Fpriya"],
    ["a malformed escape", "cust_%E0%A4%A"],
    ["several KB", LONG_ID],
  ];
  it.each(badIds)("answers an id with %s with the documented 400", async (_name, rawId) => {
    const answer = await del(rawId);
    expectDocumented(h, answer, 400);
    expect(codeOf(answer)).toMatchObject({ code: "invalid_customer_id", type: "validation_error" });
  });

  it("answers an unknown id in the assumed format with 404, not 400", async () => {
    expectDocumented(h, await del("cust_priya_sharma_2024"), 404);
  });

  it("checks credentials before the id format", async () => {
    expectDocumented(h, await del("ab", "none"), 401);
  });

  it("removes the customer on teardown, and a second teardown is harmless", async () => {
    const ids = await fixture(h);
    for (let i = 0; i < 2; i++) {
      const down = await state(h, { state: "a customer exists", action: "teardown", params: ids });
      expect([down.status, down.json]).toEqual([200, {}]);
    }
    expectDocumented(h, await del(ids.customer_id), 404);
  });
});
