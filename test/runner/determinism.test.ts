/**
 * Seeded runs: the same --seed gives the same results, curl commands included (ports and
 * durations aside);
 * another seed gives other generated values. The target accepts every request, so every
 * negative case fails and its curl shows the values generated for it.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Result } from "../../src/runner/events.ts";
import { removeTempDirs, runCollecting } from "./harness.ts";
import { answer, closeStateServers, startStateServer } from "./state-server.ts";
import { aimAt, closeTargets, startRecordingSandbox } from "./targets.ts";

afterEach(async () => {
  await closeTargets();
  await closeStateServers();
  removeTempDirs();
});

async function acceptingRun(seed: number): Promise<Result[]> {
  const sandbox = await startRecordingSandbox("enkash", { transformReply: () => ({ status: 200, body: { response_code: 200, response_message: "OK" } }) });
  const state = await startStateServer(answer(200, JSON.stringify({ customerId: "KCFIXTURE0000001" })));
  const run = await runCollecting(aimAt(sandbox, { stateUrl: state.url, seed }));
  expect(run.error).toBeUndefined();
  return run.json().results.map(({ durationMs: _timing, ...r }) => ({ ...r, curl: typeof r.curl === "string" ? r.curl.replace(/127\.0\.0\.1:\d+/g, "127.0.0.1:PORT") : r.curl })) as unknown as Result[];
}

const curls = (results: readonly Result[]): string[] => results.flatMap((r) => (r.curl ? [r.curl] : []));

describe("determinism", () => {
  it("the same seed gives identical results", async () => {
    const [a, b] = [await acceptingRun(7), await acceptingRun(7)];
    expect(curls(a).length).toBeGreaterThan(10);
    expect(b).toEqual(a);
  });

  it("another seed gives other generated values", async () => {
    const [a, b] = [await acceptingRun(7), await acceptingRun(8)];
    const never = (rs: readonly Result[]): string | undefined => rs.find((r) => r.case === "delete an id that never existed" && r.curl)?.curl;
    expect(never(a)).toBeDefined();
    expect(never(b)).not.toBe(never(a));
    expect(new Set(curls(b))).not.toEqual(new Set(curls(a)));
  });
});
