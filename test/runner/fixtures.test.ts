/**
 * Fixtures: the provider-state protocol (setup, then teardown with the ids), state URLs that
 * misbehave, disposable id lists from the environment, and the rule that payconform deletes
 * only ids it was given as fixtures.
 */
import { afterEach, describe, expect, it } from "vitest";
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

describe("the provider-state protocol", () => {
  it.each([
    ["enkash", ["customerId"]],
    ["juspay", ["customer_id", "customer_account_id"]],
  ] as const)("%s: setup, then teardown with the ids keyed by %j", async (provider, names) => {
    const sandbox = await startRecordingSandbox(provider);
    const state = await startStateServer(forwardTo(sandbox.stateUrl));
    const run = await runCollecting(aimAt(sandbox, { stateUrl: state.url }));

    expect(run.error).toBeUndefined();
    const fixtureState = PROFILES[provider].fixtureState;
    expect(state.calls).toHaveLength(2);
    expect(state.calls[0]).toEqual({ state: fixtureState, params: {}, action: "setup" });
    const teardown = state.calls[1] as { state: string; params: Record<string, string>; action: string };
    expect(teardown.action).toBe("teardown");
    expect(teardown.state).toBe(fixtureState);
    expect(Object.keys(teardown.params).sort()).toEqual([...names].sort());
    // The ids torn down are the ones the fixture scenario deleted, twice.
    const op = operationOf(provider);
    const deletedFixture = sandbox.seen.map((r) => pathIdsOf(op, r)).filter((ids) => JSON.stringify(ids) === JSON.stringify(Object.fromEntries(names.map((n) => [n, teardown.params[n]]))));
    expect(deletedFixture).toHaveLength(2);
    expect(resultsOf(run.results, "delete_semantics").filter((r) => r.case.startsWith(FIXTURE_CASE)).map((r) => r.outcome)).toEqual(["passed", "passed"]);
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
  ])("PAYCONFORM_ENKASH_FIXTURES as %s: the first id is deleted, no other existing id is touched", async (_name, format) => {
    const sandbox = await startRecordingSandbox("enkash");
    const [first, second, bystander] = [await setupFixture(sandbox.stateUrl, "enkash"), await setupFixture(sandbox.stateUrl, "enkash"), await setupFixture(sandbox.stateUrl, "enkash")].map((f) => f.customerId);
    const run = await runCollecting(aimAt(sandbox, { stateUrl: undefined, env: { ...sandbox.credentials, PAYCONFORM_ENKASH_FIXTURES: format([first, second]) } }));

    expect(run.error).toBeUndefined();
    expect(resultsOf(run.results, "delete_semantics").map((r) => r.outcome)).toEqual(["passed", "passed", "passed"]);
    const requested = sandbox.seen.map((r) => pathIdsOf(operationOf("enkash"), r)?.customerId);
    expect(requested.filter((id) => id === first)).toHaveLength(2);
    // Every id the target saw is the fixture it was given, or one the target never had.
    const existed = new Set([first, second, bystander]);
    for (const id of requested) expect(id === first || !existed.has(id!), `request for ${id}`).toBe(true);
    // The unused fixture and the bystander are still there.
    for (const id of [second, bystander]) {
      const res = await fetch(`${sandbox.baseUrl}/api/v0/customer/${id}`, { method: "DELETE", headers: { authorization: `Bearer ${sandbox.credentials.ENKASH_ACCESS_TOKEN}` } });
      expect(res.status, `${id} still exists`).toBe(200);
    }
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

describe("no fixture source", () => {
  it("skips the fixture scenario and still runs the never-existed one", async () => {
    const sandbox = await startRecordingSandbox("enkash");
    const run = await runCollecting(aimAt(sandbox, { stateUrl: undefined }));

    expect(run.error).toBeUndefined();
    const semantics = resultsOf(run.results, "delete_semantics");
    expect(semantics.map((r) => [r.case, r.outcome])).toEqual([
      [FIXTURE_CASE, "skipped"],
      [NEVER_CASE, "passed"],
    ]);
    expect(semantics[0].message).toContain("PAYCONFORM_ENKASH_FIXTURES");
  });
});
