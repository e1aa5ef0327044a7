/**
 * A valid credential goes into a URL (auth_enforcement's "in the query" cases) only for a target on
 * this machine: a URL is kept by proxies and access logs. Against any other host those cases are
 * skipped, and no request carries a credential in its URL.
 */
import { afterEach, describe, expect, it } from "vitest";
import { deriveScenarios } from "../../src/cases/derive.ts";
import { createHttpClient } from "../../src/http/client.ts";
import { wrongCredentials } from "../../src/runner/credentials.ts";
import { runScenario, type ProviderRun } from "../../src/runner/execute.ts";
import { resolveRunOptions } from "../../src/runner/options.ts";
import { operationContext } from "../../src/runner/run.ts";
import { isLoopbackHost } from "../../src/runner/target.ts";
import { forkRng } from "../../src/cases/random.ts";
import { startSandbox } from "../../src/sandboxes/index.ts";
import type { SandboxHandle } from "../../src/sandboxes/types.ts";

let handle: SandboxHandle | undefined;
afterEach(async () => {
  await handle?.close();
  handle = undefined;
});

async function inQueryResults(loopback: boolean) {
  handle = await startSandbox("cashfree");
  const operation = operationContext("cashfree");
  const wrong = wrongCredentials(handle.credentials, forkRng(1, "wrong"));
  const client = createHttpClient(resolveRunOptions({}));
  const run: ProviderRun = {
    operation,
    request: { op: operation.op, profile: operation.profile, baseUrl: handle.baseUrl, credentials: handle.credentials, wrongCredentials: wrong },
    target: { baseUrl: handle.baseUrl, embedded: false, loopback, credentials: handle.credentials, close: async () => {} },
    client,
    strict: false,
    secrets: [...Object.values(handle.credentials), ...Object.values(wrong)],
    tally: { sent: 0, rateLimited: 0 },
  };
  const scenarios = deriveScenarios(operation.op, 1).filter((s) => / in the query$/.test(s.id) && s.check === "auth_enforcement");
  expect(scenarios.length).toBeGreaterThan(0);
  try {
    return { results: (await Promise.all(scenarios.map((s) => runScenario(run, s)))).flat(), sent: run.tally.sent };
  } finally {
    client.close();
  }
}

describe("a valid credential in a URL", () => {
  it("is sent to a loopback target and judged", async () => {
    const { results, sent } = await inQueryResults(true);
    expect(sent).toBeGreaterThan(0);
    expect(results.filter((r) => r.check === "auth_enforcement").map((r) => r.outcome)).not.toContain("skipped");
  });

  it("is not sent to any other target: the case is skipped, saying why", async () => {
    const { results, sent } = await inQueryResults(false);
    expect(sent).toBe(0);
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r).toMatchObject({ outcome: "skipped", message: expect.stringMatching(/only to a target on this machine.*access logs/) });
  });

  it.each([
    ["127.0.0.1", true],
    ["127.1.2.3", true],
    ["[::1]", true],
    ["localhost", true],
    ["LOCALHOST.", true],
    ["api.localhost", true],
    ["sandbox.cashfree.com", false],
    ["127.0.0.1.example.com", false],
    ["10.0.0.1", false],
  ])("%s is loopback: %s", (host, want) => {
    expect(isLoopbackHost(host)).toBe(want);
  });
});
