/**
 * Faulty adapters from the catalogue (src/catalogue/) behind the proxy: the generated client
 * makes the ordinary request that meets each adapter's departure, and the proxy flags it on the
 * target's side with the check the catalogue names, and flags nothing of the client's.
 */
import { afterAll, describe, expect, it } from "vitest";
import { adapterByName } from "../../src/catalogue/index.ts";
import type { CheckId } from "../../src/checks/ids.ts";
import type { SandboxHandle } from "../../src/sandboxes/types.ts";
import { removeTempDirs } from "../runner/harness.ts";
import { fixture, send, UNKNOWN_IDS, type Call } from "./clients.ts";
import { exchange, findings, startProxy } from "./harness.ts";

afterAll(() => removeTempDirs());

interface Row {
  adapter: string;
  /** What the client does: the call, given the adapter (for a fixture). */
  call: (target: SandboxHandle) => Promise<Call>;
  check: CheckId;
  /** Requests that are the client's departure too (a malformed one the adapter accepts). */
  clientCheck?: string;
}

const existing = async (target: SandboxHandle): Promise<Call> => ({ ids: await fixture(target) });
const unknown = async (target: SandboxHandle): Promise<Call> => ({ ids: UNKNOWN_IDS[target.provider] });
const wrongKeys = async (target: SandboxHandle): Promise<Call> => ({ ids: await fixture(target), auth: "wrong" });

const rows: Row[] = [
  { adapter: "cashfree-200-instead-of-204", call: existing, check: "status_code_conformance" },
  { adapter: "yuno-404-for-unknown-customer", call: unknown, check: "status_code_conformance" },
  { adapter: "yuno-202-with-json-body", call: existing, check: "content_type_conformance" },
  { adapter: "juspay-html-404-page", call: unknown, check: "response_schema_conformance" },
  { adapter: "juspay-status-removed", call: existing, check: "response_schema_conformance" },
  { adapter: "cashfree-error-without-type", call: unknown, check: "response_schema_conformance" },
  { adapter: "cashfree-404-code-invalid-customer-id", call: unknown, check: "error_code_conformance" },
  { adapter: "juspay-401-error-code-invalid-api-key", call: wrongKeys, check: "error_code_conformance" },
  { adapter: "cashfree-echoes-client-id", call: wrongKeys, check: "no_secret_echo" },
  { adapter: "enkash-echoes-token-in-header", call: wrongKeys, check: "no_secret_echo" },
  { adapter: "cashfree-auth-not-enforced", call: wrongKeys, check: "auth_enforcement" },
  { adapter: "yuno-account-code-not-checked", call: async (t) => ({ ids: await fixture(t), headers: { "x-account-code": "0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f" } }), check: "ownership_enforcement" },
  { adapter: "enkash-rejects-all-digit-customer-id", call: unknown, check: "positive_data_acceptance" },
  { adapter: "enkash-accepts-customer-id-lowercase", call: async (t) => ({ ids: { customerId: (await fixture(t)).customerId.toLowerCase() } }), check: "path_pattern_enforcement", clientCheck: "path_parameter_pattern" },
  { adapter: "enkash-accepts-bad-parent-company-id", call: async (t) => ({ ids: await fixture(t), query: { parentCompanyId: "cek1a2b3c4" } }), check: "query_pattern_enforcement", clientCheck: "query_parameter_pattern" },
  { adapter: "yuno-missing-account-code-ignored", call: async (t) => ({ ids: await fixture(t), omit: ["x-account-code"] }), check: "required_header_enforcement", clientCheck: "header_parameter_pattern" },
  { adapter: "juspay-missing-command-ignored", call: async (t) => ({ ids: await fixture(t), body: null }), check: "required_body_enforcement", clientCheck: "request_body_schema" },
  { adapter: "cashfree-500-for-malformed-id", call: async () => ({ ids: { customer_id: "cust 1" } }), check: "not_a_server_error", clientCheck: "path_parameter_pattern" },
];

describe("faulty adapters behind the proxy", () => {
  it.each(rows)("$adapter: the target's $check", async (row) => {
    const adapter = adapterByName(row.adapter);
    expect(adapter, row.adapter).toBeDefined();
    const target = await adapter!.start();
    // An adapter whose departure payconform judges on an assumption is judged under --strict, as in the self-test.
    const proxy = await startProxy(target, { strict: adapter!.runOptions?.strict === true });
    try {
      await send(target.provider, proxy.url, target.credentials, await row.call(target));
      const judged = await exchange(proxy, 1);
      await proxy.stop();

      const failed = findings(judged.results).filter((r) => r.outcome === "failed" || r.outcome === "errored");
      expect(failed.filter((r) => r.party === "target").map((r) => r.check), judged.results.map((r) => `${r.party} ${r.check} ${r.outcome} ${r.message}`).join("\n")).toContain(row.check);
      const clientChecks = findings(judged.results).filter((r) => r.party === "client").map((r) => r.check);
      expect(clientChecks).toEqual(row.clientCheck ? [row.clientCheck] : []);
      expect(proxy.report().results.some((r) => r.check === row.check && r.party === "target" && r.outcome === "failed")).toBe(true);
    } finally {
      await target.close();
    }
  });
});
