import { describe, expect, it } from "vitest";
import { PROFILES } from "../../src/profiles/index.ts";
import { credentialEnvNames } from "../../src/profiles/profile.ts";
import { HTTP_PROVIDERS, type HttpProvider } from "../../src/providers.ts";
import { startSandbox, type SandboxHandle } from "../../src/sandboxes/index.ts";
import { loadSpec } from "../../src/spec/load.ts";
import { conformsTo, operationOf, send, state } from "./helpers.ts";

async function withSandbox(provider: HttpProvider, use: (h: SandboxHandle) => Promise<void>): Promise<void> {
  const h = await startSandbox(provider);
  try {
    await use(h);
  } finally {
    await h.close();
  }
}

/** The id shapes each provider's documents show, beyond what the spec's schemas require. */
const ID_SHAPES: Record<HttpProvider, Record<string, RegExp>> = {
  juspay: { customer_id: /^cst_[a-z0-9]+$/, customer_account_id: /^(bank|banh)_[A-Za-z0-9]+$/ },
  yuno: { customer_id: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/ },
  cashfree: { customer_id: /^cust_[a-z0-9]+$/ },
  enkash: { customerId: /^KC[A-Z0-9]{14}$/ },
};

/** Ids a caller may ask the state endpoint for: the documents' examples where they give one. */
const WANTED: Record<HttpProvider, Record<string, string>> = {
  juspay: { customer_id: "cst_weoridsfdkl", customer_account_id: "bank_woeriusdfk" },
  yuno: { customer_id: "9b2e6a55-3c1f-4f0e-9d7a-2b8c4e6f1a3d" },
  cashfree: { customer_id: "cust_priya_sharma_2024" },
  enkash: { customerId: "KC1A2B3C4D5E6F7G" },
};

describe.each(HTTP_PROVIDERS.map((p) => [p]))("%s sandbox", (provider) => {
  const pathNames = operationOf(provider).parameters.filter((p) => p.in === "path").map((p) => p.name);
  const queryNames = operationOf(provider).parameters.filter((p) => p.in === "query").map((p) => p.name);

  it("serves under the spec's sandbox base path on 127.0.0.1", async () => {
    const server = loadSpec(provider).servers.find((s) => s.environment === "sandbox");
    const basePath = new URL(server?.url ?? "").pathname.replace(/\/$/, "");
    await withSandbox(provider, async (h) => {
      expect(h.baseUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+${basePath}$`));
      expect(h.stateUrl).toBe(`${new URL(h.baseUrl).origin}/_payconform/state`);
    });
  });

  it("makes up fresh credentials under the profile's variable names", async () => {
    const names = credentialEnvNames(PROFILES[provider]).sort();
    const [a, b] = [await startSandbox(provider), await startSandbox(provider)];
    try {
      expect(Object.keys(a.credentials).sort()).toEqual(names);
      for (const name of names) expect(a.credentials[name]).not.toBe(b.credentials[name]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("sets up fixtures keyed by the operation's path parameters, in the documented shapes", async () => {
    await withSandbox(provider, async (h) => {
      const answer = await state(h, { state: PROFILES[provider].fixtureState, params: {}, action: "setup" });
      expect(answer.status).toBe(200);
      const ids = answer.json as Record<string, string>;
      // Beside the ids, the fixture's own values of the query parameters (EnKash's parentCompanyId), each in its documented shape.
      expect(Object.keys(ids).sort()).toEqual([...pathNames, ...queryNames].sort());
      for (const name of [...pathNames, ...queryNames]) expect(conformsTo(provider, name, ids[name]), name).toBe(true);
      for (const name of pathNames) {
        expect(conformsTo(provider, name, ids[name])).toBe(true);
        expect(ids[name]).toMatch(ID_SHAPES[provider][name]);
      }
      const other = (await state(h, { state: PROFILES[provider].fixtureState })).json as Record<string, string>;
      expect(other[pathNames[pathNames.length - 1]]).not.toBe(ids[pathNames[pathNames.length - 1]]);
    });
  });

  it("creates the ids a setup asks for when they fit the spec", async () => {
    await withSandbox(provider, async (h) => {
      const wanted = WANTED[provider];
      const made = await state(h, { state: PROFILES[provider].fixtureState, params: wanted });
      expect(made.status).toBe(200);
      expect(Object.fromEntries(pathNames.map((name) => [name, (made.json as Record<string, string>)[name]]))).toEqual(wanted);
      const refused = await state(h, { state: PROFILES[provider].fixtureState, params: { [pathNames[0]]: "a/b" } });
      expect(refused.status).toBe(400);
    });
  });

  const badStates: [string, string | object, number][] = [
    ["an unknown state", { state: "the moon is full" }, 400],
    ["an unknown action", { state: PROFILES[provider].fixtureState, action: "reset" }, 400],
    ["params that are not an object", { state: PROFILES[provider].fixtureState, params: [1] }, 400],
    ["a body that is not JSON", "{state:", 400],
    ["a JSON array", "[]", 400],
  ];
  it.each(badStates)("answers %s with a JSON 400", async (_name, body, status) => {
    await withSandbox(provider, async (h) => {
      const text = typeof body === "string" ? body : JSON.stringify(body);
      const answer = await send(h.stateUrl, { method: "POST", headers: { "content-type": "application/json" }, body: text });
      expect(answer.status).toBe(status);
      expect(answer.headers.get("content-type")).toBe("application/json");
      expect(typeof (answer.json as { message: string }).message).toBe("string");
    });
  });

  it("answers a GET on the state endpoint with 405", async () => {
    await withSandbox(provider, async (h) => {
      expect((await send(h.stateUrl)).status).toBe(405);
    });
  });
});
