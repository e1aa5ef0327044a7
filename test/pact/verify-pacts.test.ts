/**
 * verify-pacts: the committed contracts verify against every embedded sandbox (also when it is
 * given as --target with credentials from the environment), and fail against faulty adapters
 * from the catalogue, on the interaction that describes their departure.
 */
import { describe, expect, it } from "vitest";
import { adapterByName } from "../../src/catalogue/index.ts";
import { UsageError } from "../../src/errors.ts";
import { resolveVerifyOptions } from "../../src/pacts/verify-options.ts";
import { verifyPacts } from "../../src/pacts/verify.ts";
import { HTTP_PROVIDERS, type HttpProvider } from "../../src/providers.ts";
import { startSandbox } from "../../src/sandboxes/index.ts";

const failing = (results: Awaited<ReturnType<typeof verifyPacts>>): string[] =>
  results.flatMap((r) => r.interactions.filter((i) => !i.passed).map((i) => i.description));

describe("verify-pacts against the embedded sandboxes", () => {
  it.each(HTTP_PROVIDERS)("%s verifies every interaction", async (provider: HttpProvider) => {
    const [result] = await verifyPacts(resolveVerifyOptions({ providers: [provider] }));
    expect(result.interactions.length).toBeGreaterThanOrEqual(5);
    expect(failing([result])).toEqual([]);
    expect(result.passed).toBe(true);
  });

  it("verifies a --target with credentials from the environment and states through --state-url", async () => {
    const sandbox = await startSandbox("yuno");
    try {
      const options = resolveVerifyOptions({ providers: ["yuno"], target: sandbox.baseUrl, stateUrl: sandbox.stateUrl, env: sandbox.credentials });
      const [result] = await verifyPacts(options);
      expect(result.passed).toBe(true);
    } finally {
      await sandbox.close();
    }
  });
});

const faulty = [
  { adapter: "cashfree-200-instead-of-204", fails: ["a delete of an existing customer"] },
  { adapter: "yuno-404-for-unknown-customer", fails: ["a delete of a customer that does not exist"] },
  { adapter: "cashfree-auth-not-enforced", fails: ["a delete with wrong credentials", "a delete without credentials"] },
  { adapter: "enkash-never-existing-delete-succeeds", fails: ["a delete of a customer that does not exist"] },
  { adapter: "cashfree-error-without-type", fails: ["a delete of a customer that does not exist", "a delete with a customer_id holding a space", "a delete with wrong credentials", "a delete without credentials"] },
];

describe("verify-pacts against faulty adapters", () => {
  it.each(faulty)("$adapter fails exactly the interactions it breaks", async ({ adapter, fails }) => {
    const found = adapterByName(adapter);
    expect(found).toBeDefined();
    const results = await verifyPacts(resolveVerifyOptions({ providers: [found!.provider], startTarget: () => found!.start() }));
    expect(results[0].passed).toBe(false);
    expect(failing(results).sort()).toEqual([...fails].sort());
  });
});

describe("verify-pacts options", () => {
  const refused = [
    { name: "a production target", partial: { providers: ["juspay"] as HttpProvider[], target: "https://api.juspay.in", stateUrl: "http://127.0.0.1:9/state" }, message: /production server/ },
    { name: "a target without --state-url", partial: { providers: ["juspay"] as HttpProvider[], target: "http://127.0.0.1:9" }, message: /--state-url/ },
    { name: "a target for several providers", partial: { target: "http://127.0.0.1:9", stateUrl: "http://127.0.0.1:9/state" }, message: /exactly one --provider/ },
    { name: "a target without credentials", partial: { providers: ["enkash"] as HttpProvider[], target: "http://127.0.0.1:9", stateUrl: "http://127.0.0.1:9/state", env: {} }, message: /ENKASH_ACCESS_TOKEN/ },
    { name: "a folder without pacts", partial: { pactDir: "specs" }, message: /no pact file for juspay/ },
  ];

  it.each(refused)("refuses $name before any connection", async ({ partial, message }) => {
    const error = await verifyPacts(resolveVerifyOptions(partial)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
  });
});
