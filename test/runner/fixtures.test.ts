/**
 * Fixtures: the provider-state protocol (setup, then teardown with the ids), state URLs that
 * misbehave, disposable id lists from the environment, and the rule that payconform deletes
 * only ids it was given as fixtures.
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { deriveScenarios } from "../../src/cases/derive.ts";
import { FixtureError, UsageError } from "../../src/errors.ts";
import { listFixtures, parseFixtureList } from "../../src/fixtures/list.ts";
import { PROFILES } from "../../src/profiles/index.ts";
import type { HttpProvider } from "../../src/providers.ts";
import { removeTempDirs, resultsOf, runCollecting } from "./harness.ts";
import { answer, closedPort, closeStateServers, forwardTo, startStateServer } from "./state-server.ts";
import { aimAt, closeTargets, operationOf, pathIdsOf, startRecordingSandbox } from "./targets.ts";

const FIXTURE_CASE = "delete an existing fixture, then delete it again";
const NEVER_CASE = "delete an id that never existed";

afterEach(async () => {
  await closeTargets();
  await closeStateServers();
  removeTempDirs();
});

async function setupFixture(stateUrl: string, provider: HttpProvider): Promise<Record<string, string>> {
  const res = await fetch(stateUrl, { method: "POST", body: JSON.stringify({ state: PROFILES[provider].fixtureState, action: "setup" }) });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, string>;
}

/** How many fixtures one run of a provider obtains: the sum over its scenarios (from a list, those that need no values it cannot name). */
function fixturesNeeded(provider: HttpProvider, fromList = false): number {
  const scenarios = deriveScenarios(operationOf(provider), 1).filter((s) => !fromList || !s.steps.some((step) => step.plan.scopeQuery));
  return scenarios.reduce((sum, s) => sum + s.fixtures, 0);
}

describe("the README's count of the fixtures a run takes", () => {
  it("is what the derived scenarios take, for every provider", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8").replace(/\s+/g, " ");
    const sentence = /a full run takes (\d+) for Juspay .*?, (\d+) for Yuno, (\d+) for Cashfree and (\d+) for EnKash/.exec(readme);
    expect(sentence, "the README sentence naming the counts").not.toBeNull();
    const [juspay, yuno, cashfree, enkash] = sentence!.slice(1).map(Number);
    expect({ juspay, yuno, cashfree, enkash }).toEqual({ juspay: fixturesNeeded("juspay"), yuno: fixturesNeeded("yuno"), cashfree: fixturesNeeded("cashfree"), enkash: fixturesNeeded("enkash") });
  });
});

describe("the provider-state protocol", () => {
  it.each([
    ["enkash", ["customerId"]],
    ["juspay", ["customer_id", "customer_account_id"]],
  ] as const)("%s: a setup per fixture, then a teardown with the ids keyed by %j", async (provider, names) => {
    const sandbox = await startRecordingSandbox(provider);
    const state = await startStateServer(forwardTo(sandbox.stateUrl));
    const run = await runCollecting(aimAt(sandbox, { stateUrl: state.url }));

    expect(run.error).toBeUndefined();
    const fixtureState = PROFILES[provider].fixtureState;
    const calls = state.calls as Array<{ state: string; params: Record<string, string>; action: string }>;
    const setups = calls.filter((c) => c.action === "setup");
    const teardowns = calls.filter((c) => c.action === "teardown");
    expect(setups).toHaveLength(fixturesNeeded(provider));
    expect(teardowns).toHaveLength(setups.length);
    // A setup asks for a fresh fixture, or (the sibling case) for one under a customer an earlier setup made.
    const parents = deriveScenarios(operationOf(provider), 1).flatMap((s) => (s.fixtureParents ?? []).filter((p) => p !== undefined));
    expect(setups.filter((s) => Object.keys(s.params).length > 0)).toHaveLength(parents.length);
    for (const setup of setups) {
      expect(setup).toMatchObject({ state: fixtureState, action: "setup" });
      for (const name of Object.keys(setup.params)) expect(names as readonly string[]).toContain(name);
    }
    const op = operationOf(provider);
    const requested = sandbox.seen.map((r) => pathIdsOf(op, r) ?? {});
    for (const teardown of teardowns) {
      expect(teardown.state).toBe(fixtureState);
      expect(Object.keys(teardown.params).sort()).toEqual([...names].sort());
      // Each fixture torn down is one the run sent requests for (a crossed request takes only its parent id from one of two).
      const used = names.filter((n) => requested.some((ids) => ids[n] === teardown.params[n]));
      expect(used.length, JSON.stringify(teardown.params)).toBeGreaterThan(0);
    }
    expect(new Set(teardowns.map((t) => JSON.stringify(t.params))).size).toBe(teardowns.length);
    expect(resultsOf(run.results, "delete_semantics").filter((r) => r.case.startsWith(FIXTURE_CASE)).map((r) => r.outcome)).toEqual(["passed", "passed", "passed", "passed", "passed"]);
  });
});

describe("a state URL that fails", () => {
  const rows: Array<[string, () => Promise<string>, RegExp]> = [
    ["answers 500", async () => (await startStateServer(answer(500, '{"message":"boom"}'))).url, /answered 500 to setup/],
    ["answers a body that is not JSON", async () => (await startStateServer(answer(200, "<html>ok</html>", "text/html"))).url, /fixture setup failed: .*JSON/],
    ["answers JSON without the ids", async () => (await startStateServer(answer(200, '{"id":"x"}'))).url, /gave no string value for customerId/],
    ["is a closed port", async () => `http://127.0.0.1:${await closedPort()}/state`, /unreachable/],
    ["answers JSON with the ids, over the 1 MiB cap", async () => (await startStateServer(answer(200, JSON.stringify({ customerId: "KC1A2B3C4D5E6F7G", padding: "x".repeat(2 * 1024 * 1024) })))).url, /its answer to setup of "a customer exists" exceeds 1048576 bytes/],
  ];
  it.each(rows)("%s: an errored delete_semantics result, and the run goes on", async (_name, stateUrl, message) => {
    const sandbox = await startRecordingSandbox("enkash");
    const run = await runCollecting(aimAt(sandbox, { stateUrl: await stateUrl() }));

    expect(run.error).toBeUndefined();
    const semantics = resultsOf(run.results, "delete_semantics");
    const fixture = semantics.filter((r) => r.case.startsWith(FIXTURE_CASE));
    expect(fixture).toHaveLength(1);
    expect(fixture[0].outcome).toBe("errored");
    expect(fixture[0].message).toMatch(/^fixture setup failed: /);
    expect(fixture[0].message).toMatch(message);
    expect(semantics.find((r) => r.case === NEVER_CASE)?.outcome).toBe("passed");
    expect(run.summary?.passed).toBeGreaterThan(20);
  });
});

describe("disposable fixture lists", () => {
  it.each([
    ["a comma list", (ids: string[]) => ` ${ids.join(" , ")} `],
    ["a JSON array of strings", (ids: string[]) => JSON.stringify(ids)],
    ["a JSON array of objects", (ids: string[]) => JSON.stringify(ids.map((customerId) => ({ customerId })))],
  ])("PAYCONFORM_ENKASH_FIXTURES as %s: the listed ids are deleted, no other existing id is touched", async (_name, format) => {
    const sandbox = await startRecordingSandbox("enkash");
    const make = async (): Promise<string> => (await setupFixture(sandbox.stateUrl, "enkash")).customerId;
    const listed: string[] = [];
    for (let i = 0; i < fixturesNeeded("enkash", true); i++) listed.push(await make());
    const bystander = await make();
    const run = await runCollecting(aimAt(sandbox, { stateUrl: undefined, env: { ...sandbox.credentials, PAYCONFORM_ENKASH_FIXTURES: format(listed) } }));

    expect(run.error).toBeUndefined();
    // A list names no parentCompanyId of a fixture: the cases that need one are skipped, before they take a fixture.
    const notPassed = run.results.filter((r) => r.outcome !== "passed");
    expect(notPassed.map((r) => [r.case, r.outcome])).toEqual([
      ["the parentCompanyId pattern, the fixture's own value broken, against a fixture", "skipped"],
      ["valid query parameters naming the fixture's own", "skipped"],
      ["valid query parameters naming the fixture's own, a letter percent-encoded", "skipped"],
    ]);
    for (const r of notPassed) expect(r.message).toMatch(/^needs the fixture's own parentCompanyId, which .* from PAYCONFORM_ENKASH_FIXTURES cannot name: pass --state-url/);
    const requested = sandbox.seen.map((r) => pathIdsOf(operationOf("enkash"), r)?.customerId);
    // Every id the target saw is a listed fixture, or one the target never had.
    for (const id of requested) expect(listed.includes(id!) || id !== bystander, `request for ${id}`).toBe(true);
    for (const id of listed) expect(requested, id).toContain(id);
    // The bystander is still there.
    const res = await fetch(`${sandbox.baseUrl}/api/v0/customer/${bystander}`, { method: "DELETE", headers: { authorization: `Bearer ${sandbox.credentials.ENKASH_ACCESS_TOKEN}` } });
    expect(res.status, `${bystander} still exists`).toBe(200);
  });

  it("a list shorter than the run needs: the scenarios left without a fixture error, the others pass", async () => {
    const sandbox = await startRecordingSandbox("enkash");
    const first = (await setupFixture(sandbox.stateUrl, "enkash")).customerId;
    const run = await runCollecting(aimAt(sandbox, { stateUrl: undefined, env: { ...sandbox.credentials, PAYCONFORM_ENKASH_FIXTURES: first } }));

    expect(run.error).toBeUndefined();
    const errored = run.results.filter((r) => r.outcome === "errored");
    // Each scenario that needs fixtures errors once: for want of its first, or (the scenario that got
    // the one listed) of a fixture it sets up later; one that got all it needs would not.
    // (The one that needs a fixture's own parentCompanyId, which a list cannot name, is skipped first.)
    const needing = deriveScenarios(operationOf("enkash"), 1).filter((s) => s.fixtures > 0 && !s.steps.some((step) => step.plan.scopeQuery));
    expect(errored.length).toBeGreaterThanOrEqual(needing.length - 1);
    expect(errored.length).toBeLessThanOrEqual(needing.length);
    for (const r of errored) expect(r.message).toMatch(/^fixture setup failed: no disposable fixture left in PAYCONFORM_ENKASH_FIXTURES/);
    expect(run.results.filter((r) => r.outcome === "passed").length).toBeGreaterThan(0);
    expect(run.results.filter((r) => r.outcome === "failed")).toEqual([]);
  });

  it("each entry of a list is given out once, then a FixtureError", async () => {
    const source = listFixtures(parseFixtureList("KC1,KC2", ["customerId"], "TEST"), "TEST");
    expect(await source.acquire()).toEqual({ customerId: "KC1" });
    expect(await source.acquire()).toEqual({ customerId: "KC2" });
    await expect(source.acquire()).rejects.toThrow(FixtureError);
  });

  it.each([
    ["invalid JSON", "[1,", ["customerId"]],
    ["a JSON object", '{"customerId":"KC1"}', ["customerId"]],
    ["plain strings for two path parameters", "cst_1,bank_1", ["customer_id", "customer_account_id"]],
    ["an object missing a parameter", '[{"customer_id":"cst_1"}]', ["customer_id", "customer_account_id"]],
  ])("a list that is %s is a UsageError", (_name, text, names) => {
    expect(() => parseFixtureList(text, names, "TEST")).toThrow(UsageError);
  });
});

describe("fixtures under a given parent (two accounts of one customer)", () => {
  const SIBLING_CASE = "delete one customer_account_id of a customer_id, then its siblings";

  it("a disposable list cannot make them: the case is skipped and says why", async () => {
    const sandbox = await startRecordingSandbox("juspay");
    const listed: Array<Record<string, string>> = [];
    for (let i = 0; i < fixturesNeeded("juspay", true); i++) listed.push(await setupFixture(sandbox.stateUrl, "juspay"));
    const run = await runCollecting(aimAt(sandbox, { stateUrl: undefined, env: { ...sandbox.credentials, PAYCONFORM_JUSPAY_FIXTURES: JSON.stringify(listed) } }));

    const sibling = run.results.filter((r) => r.case.startsWith(SIBLING_CASE));
    expect(sibling.map((r) => r.outcome)).toEqual(["skipped"]);
    expect(sibling[0].message).toMatch(/needs fixtures created under a given customer_id, which .* cannot make: pass --state-url/);
    expect(run.results.filter((r) => r.outcome === "failed" || r.outcome === "errored")).toEqual([]);
  });

  it("a state URL that ignores the params: the case is skipped, the fixtures torn down", async () => {
    const sandbox = await startRecordingSandbox("juspay");
    const state = await startStateServer(async (body) => {
      const { params: _ignored, ...rest } = body as { params?: Record<string, string>; action: string };
      return (rest.action === "setup" ? forwardTo(sandbox.stateUrl)({ ...rest, params: {} }) : forwardTo(sandbox.stateUrl)(body));
    });
    const run = await runCollecting(aimAt(sandbox, { stateUrl: state.url }));

    const sibling = run.results.filter((r) => r.case.startsWith(SIBLING_CASE));
    expect(sibling.map((r) => r.outcome)).toEqual(["skipped"]);
    expect(sibling[0].message).toMatch(/did not create the fixture under the customer_id asked for/);
    const calls = state.calls as Array<{ action: string }>;
    expect(calls.filter((c) => c.action === "teardown")).toHaveLength(calls.filter((c) => c.action === "setup").length);
  });
});

describe("no fixture source", () => {
  it("skips every fixture scenario and still runs the others", async () => {
    const sandbox = await startRecordingSandbox("enkash");
    const run = await runCollecting(aimAt(sandbox, { stateUrl: undefined }));

    expect(run.error).toBeUndefined();
    const skipped = run.results.filter((r) => r.outcome === "skipped");
    expect(skipped.map((r) => r.case).sort()).toEqual(deriveScenarios(operationOf("enkash"), 1).filter((s) => s.fixtures > 0).map((s) => s.id).sort());
    for (const r of skipped) expect(r.message).toContain("PAYCONFORM_ENKASH_FIXTURES");
    expect(resultsOf(run.results, "delete_semantics").find((r) => r.case === NEVER_CASE)?.outcome).toBe("passed");
    expect(run.results.filter((r) => r.outcome === "failed" || r.outcome === "errored")).toEqual([]);
  });
});
