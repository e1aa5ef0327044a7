/**
 * `--record FILE`: the traffic of the generated client through the proxy, written as a Pact V4
 * file, passes `check-pacts` and verifies with `verify-pacts` against a fresh reference sandbox
 * (whose state endpoint creates the recorded ids). Credentials are placeholders, ids sit behind
 * the spec's path regex, and a rejection accepts every status `run` accepts.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { adapterByName } from "../../src/catalogue/index.ts";
import { checkPacts } from "../../src/pacts/check/index.ts";
import { pathPattern } from "../../src/pacts/patterns.ts";
import { credentialHeaders, deleteOperation } from "../../src/pacts/credential-headers.ts";
import { PLACEHOLDER_CREDENTIALS, WRONG_CREDENTIALS } from "../../src/pacts/placeholders.ts";
import { resolveVerifyOptions } from "../../src/pacts/verify-options.ts";
import { verifyPacts } from "../../src/pacts/verify.ts";
import type { HttpProvider } from "../../src/providers.ts";
import { startSandbox } from "../../src/sandboxes/index.ts";
import type { SandboxHandle } from "../../src/sandboxes/types.ts";
import { removeTempDirs, tempDir } from "../runner/harness.ts";
import { fixture, send, UNKNOWN_IDS, type Call } from "./clients.ts";
import { startProxy } from "./harness.ts";

process.env.PACT_DO_NOT_TRACK = "true";
afterAll(() => removeTempDirs());

/** A request each provider's sandbox must reject, with well-formed ids where the provider documents another rule. */
const MALFORMED: Record<HttpProvider, (t: SandboxHandle) => Promise<Call>> = {
  juspay: async (t) => ({ ids: await fixture(t), body: "command=remove" }),
  yuno: async (t) => ({ ids: await fixture(t), headers: { "x-account-code": "not-a-uuid" } }),
  cashfree: async () => ({ ids: { customer_id: "cust 1" } }),
  enkash: async () => ({ ids: { customerId: "kc1a2b3c4d5e6f7g" } }),
};

interface Interaction {
  description: string;
  providerStates?: Array<{ name: string }>;
  request: { path: string; headers: Record<string, string[]>; matchingRules?: { path?: unknown } };
  response: { status: number; matchingRules?: { status?: { $: { matchers: Array<{ status: number[] }> } } } };
}

const listed = (headers: Record<string, string>): Record<string, string[]> => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]]));

describe("a recorded pact", () => {
  it.each(["juspay", "yuno", "cashfree", "enkash"] as const)("%s: passes check-pacts and verify-pacts against a fresh sandbox", async (provider) => {
    const sandbox = await startSandbox(provider);
    const dir = tempDir("payconform-recorded-");
    mkdirSync(join(dir, "pacts"));
    const file = join(dir, "pacts", "recorded.json");
    const proxy = await startProxy(sandbox, { record: file });
    try {
      const calls: Call[] = [
        { ids: await fixture(sandbox) },
        { ids: UNKNOWN_IDS[provider] },
        { ids: await fixture(sandbox), auth: "wrong" },
        { ids: await fixture(sandbox), auth: "missing" },
        await MALFORMED[provider](sandbox),
        { ids: UNKNOWN_IDS[provider] },
      ];
      if (provider === "yuno") calls.push({ ids: await fixture(sandbox), headers: { "x-account-code": "0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f" } });
      for (const call of calls) await send(provider, proxy.url, sandbox.credentials, call);
      const outcome = await proxy.stop();
      expect(outcome.written.at(-1)).toBe(`${file} (${calls.length - 1} interactions)`);
    } finally {
      await sandbox.close();
    }

    const text = readFileSync(file, "utf8");
    for (const secret of Object.values(sandbox.credentials)) expect(text).not.toContain(secret);
    const pact = JSON.parse(text) as { provider: { name: string }; interactions: Interaction[] };
    expect(pact.provider.name).toBe(provider);
    const byDescription = new Map(pact.interactions.map((i) => [i.description, i]));
    const existing = byDescription.get(`a delete of an existing ${provider === "juspay" ? "customer account" : "customer"}`)!;
    expect(existing.providerStates?.[0].name).toMatch(/exists$/);
    expect(existing.request.matchingRules?.path).toEqual({ combine: "AND", matchers: [{ match: "regex", regex: pathPattern(deleteOperation(provider)) }] });
    expect(existing.request.headers).toMatchObject(listed(credentialHeaders(provider, PLACEHOLDER_CREDENTIALS[provider])));
    const wrong = credentialHeaders(provider, WRONG_CREDENTIALS[provider]);
    expect(byDescription.get("a delete with wrong credentials")!.request.headers).toMatchObject(listed(wrong));

    expect(checkPacts([file])).toEqual([]);
    const results = await verifyPacts(resolveVerifyOptions({ providers: [provider], pactDir: join(dir, "pacts") }));
    expect(results[0].interactions.filter((i) => !i.passed)).toEqual([]);
    expect(results[0].interactions).toHaveLength(pact.interactions.length);
    expect(results[0].passed).toBe(true);
  });
});

describe("a pact recorded from a target that departs from the documents", () => {
  it("fails check-pacts on the interaction that departs", async () => {
    const adapter = adapterByName("cashfree-200-instead-of-204")!;
    const target = await adapter.start();
    const file = join(tempDir("payconform-recorded-"), "recorded.json");
    const proxy = await startProxy(target, { record: file });
    try {
      await send("cashfree", proxy.url, target.credentials, { ids: await fixture(target) });
      await send("cashfree", proxy.url, target.credentials, { ids: UNKNOWN_IDS.cashfree });
      await proxy.stop();
    } finally {
      await target.close();
    }
    const found = checkPacts([file]);
    expect(found.map((f) => [f.check, f.interaction])).toEqual([["response_status_documented", "a delete of an existing customer"]]);
  });
});
