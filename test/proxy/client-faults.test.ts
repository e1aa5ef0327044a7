/**
 * Faulty requests from the integrator's client, through the proxy to each reference sandbox:
 * each is flagged as the client's, by the request check for the rule it breaks, while the
 * sandbox, which rejects them as the documents say, gets no finding. A departure that rests on
 * an assumed fact (Cashfree's id pattern) is a warning, as in `run`.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { RequestCheckId } from "../../src/checks/ids.ts";
import type { HttpProvider } from "../../src/providers.ts";
import { startSandbox } from "../../src/sandboxes/index.ts";
import type { SandboxHandle } from "../../src/sandboxes/types.ts";
import { maskedValueCount } from "../../src/output.ts";
import { removeTempDirs } from "../runner/harness.ts";
import { fixture, send, type Call } from "./clients.ts";
import { exchange, findings, startProxy } from "./harness.ts";

afterAll(() => removeTempDirs());

interface Row {
  name: string;
  provider: HttpProvider;
  call: (target: SandboxHandle) => Promise<Call>;
  check: RequestCheckId;
  outcome?: "failed" | "warning";
  /** The case the exchange is read as. */
  description: string;
}

const withFixture = (extra: Omit<Call, "ids">) => async (target: SandboxHandle): Promise<Call> => ({ ids: await fixture(target), ...extra });

const rows: Row[] = [
  { name: "a lowercase EnKash customerId", provider: "enkash", call: async () => ({ ids: { customerId: "kc1a2b3c4d5e6f7g" } }), check: "path_parameter_pattern", description: "a delete with a customerId that breaks its documented schema" },
  { name: "a 15-character EnKash customerId", provider: "enkash", call: async () => ({ ids: { customerId: "KC1A2B3C4D5E6F7" } }), check: "path_parameter_pattern", description: "a delete with a customerId that breaks its documented schema" },
  { name: "an EnKash parentCompanyId that breaks its pattern", provider: "enkash", call: withFixture({ query: { parentCompanyId: "CEK12" } }), check: "query_parameter_pattern", description: "a delete with a parentCompanyId query value that breaks its documented schema" },
  { name: "a Juspay delete without x-routing-id", provider: "juspay", call: withFixture({ omit: ["x-routing-id"] }), check: "header_parameter_pattern", description: "a delete with no x-routing-id header" },
  { name: "a Yuno x-account-code that is not a UUID", provider: "yuno", call: withFixture({ headers: { "x-account-code": "not-a-uuid" } }), check: "header_parameter_pattern", description: "a delete with an x-account-code header that breaks its documented schema" },
  { name: "a Juspay body with command=remove", provider: "juspay", call: withFixture({ body: "command=remove" }), check: "request_body_schema", description: "a delete with a body that breaks its documented schema" },
  { name: "a Juspay delete without a body", provider: "juspay", call: withFixture({ body: null }), check: "request_body_schema", description: "a delete with no body" },
  { name: "a Cashfree delete without credentials", provider: "cashfree", call: withFixture({ auth: "missing" }), check: "credentials_present", description: "a delete without credentials" },
  { name: "a Cashfree delete without x-client-secret", provider: "cashfree", call: withFixture({ omit: ["x-client-secret"] }), check: "credentials_present", description: "a delete with the ApiSecret credential left out" },
  { name: "Juspay's API key sent as a Bearer token", provider: "juspay", call: async (t) => ({ ids: await fixture(t), headers: { authorization: `Bearer ${t.credentials.JUSPAY_API_KEY}` } }), check: "credentials_present", description: "a delete with wrong credentials" },
  { name: "a Cashfree customer_id with a space (assumed pattern)", provider: "cashfree", call: async () => ({ ids: { customer_id: "cust 1" } }), check: "path_parameter_pattern", outcome: "warning", description: "a delete with a customer_id that breaks its documented schema" },
];

describe("faulty client requests through the proxy", () => {
  it.each(rows)("$name: the client's $check", async (row) => {
    const sandbox = await startSandbox(row.provider);
    const proxy = await startProxy(sandbox);
    try {
      const sent = await send(row.provider, proxy.url, sandbox.credentials, await row.call(sandbox));
      const judged = await exchange(proxy, 1);
      await proxy.stop();

      expect(sent.status).toBeGreaterThanOrEqual(400);
      expect(judged.case?.description).toBe(row.description);
      const flagged = findings(judged.results);
      expect(flagged.filter((r) => r.party === "client").map((r) => [r.check, r.outcome])).toEqual([[row.check, row.outcome ?? "failed"]]);
      expect(flagged.filter((r) => r.party === "target"), flagged.map((r) => r.message).join("; ")).toEqual([]);
      expect(proxy.output()).toMatch(new RegExp(`client ${row.outcome === "warning" ? "warn" : "FAILED"} ${row.check}`));
    } finally {
      await sandbox.close();
    }
  });
});

describe("the credentials a client sends through the proxy", () => {
  it("are masked while the proxy runs and given back once its reports are written", async () => {
    const before = maskedValueCount();
    const sandbox = await startSandbox("cashfree");
    const proxy = await startProxy(sandbox);
    try {
      await send("cashfree", proxy.url, { ...sandbox.credentials, CASHFREE_CLIENT_SECRET: "a-wrong-client-secret-0042" }, await withFixture({})(sandbox));
      await exchange(proxy, 1);
      expect(maskedValueCount()).toBeGreaterThan(before);
      await proxy.stop();
      expect(maskedValueCount()).toBe(before);
    } finally {
      await sandbox.close();
    }
  });
});
