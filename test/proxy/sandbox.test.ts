/**
 * The generated clients through the proxy against each reference sandbox: the traffic an
 * integrator's application makes (a delete of an existing customer, the same delete again, a
 * delete of a customer that never existed, a delete with credentials the target never issued)
 * passes through unchanged and gets no finding at all, of the client's or the target's, and
 * each exchange is read as the case it is.
 */
import { afterAll, describe, expect, it } from "vitest";
import { HTTP_PROVIDERS, type HttpProvider } from "../../src/providers.ts";
import { startSandbox } from "../../src/sandboxes/index.ts";
import { removeTempDirs } from "../runner/harness.ts";
import { fixture, send, UNKNOWN_IDS } from "./clients.ts";
import { findings, startProxy } from "./harness.ts";

afterAll(() => removeTempDirs());

const NOUN: Record<HttpProvider, string> = { juspay: "customer account", yuno: "customer", cashfree: "customer", enkash: "customer" };

describe("the proxy in front of a reference sandbox", () => {
  it.each(HTTP_PROVIDERS)("%s: valid traffic gets zero findings", async (provider) => {
    const sandbox = await startSandbox(provider);
    const proxy = await startProxy(sandbox);
    try {
      const ids = await fixture(sandbox);
      const statuses = [
        (await send(provider, proxy.url, sandbox.credentials, { ids })).status,
        (await send(provider, proxy.url, sandbox.credentials, { ids })).status,
        (await send(provider, proxy.url, sandbox.credentials, { ids: UNKNOWN_IDS[provider] })).status,
        (await send(provider, proxy.url, sandbox.credentials, { ids: await fixture(sandbox), auth: "wrong" })).status,
      ];
      const outcome = await proxy.stop();

      const success = { juspay: 200, yuno: 202, cashfree: 204, enkash: 200 }[provider];
      expect(statuses[0]).toBe(success);
      expect(statuses[1]).toBe(statuses[2]);
      expect(proxy.judged.map((j) => j.case?.description)).toEqual([
        `a delete of an existing ${NOUN[provider]}`,
        `a delete of a ${NOUN[provider]} that does not exist`,
        `a delete of a ${NOUN[provider]} that does not exist`,
        "a delete with wrong credentials",
      ]);
      const all = proxy.judged.flatMap((j) => j.results);
      expect(findings(all)).toEqual([]);
      expect(new Set(all.map((r) => r.party))).toEqual(new Set(["client", "target"]));
      expect(outcome.summary).toMatchObject({ failed: 0, errored: 0, warnings: 0 });
      expect(outcome.summary.passed).toBe(all.length);
      expect(proxy.report().results).toHaveLength(all.length);
      expect(proxy.output().match(/: ok$/gm)).toHaveLength(4);
    } finally {
      await sandbox.close();
    }
  });
});
