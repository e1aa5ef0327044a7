/**
 * Near misses of a credential (one character short, one more, the other case) are secrets too:
 * a target that accepts them fails auth_enforcement, and no report shows any of them, nor a tail
 * of the real value left over from masking a shorter form first.
 */
import { afterEach, describe, expect, it } from "vitest";
import { NEAR_MISSES } from "../../src/cases/model.ts";
import { nearMiss } from "../../src/runner/credentials.ts";
import { removeTempDirs, resultsOf, runCollecting } from "./harness.ts";
import { aimAt, closeTargets, startRecordingSandbox } from "./targets.ts";

afterEach(async () => {
  await closeTargets();
  removeTempDirs();
});

describe("near-miss credentials", () => {
  it("a Cashfree target that compares the secret by prefix fails, and nothing leaks", async () => {
    const sandbox = await startRecordingSandbox("cashfree", {
      behaviour: {
        authenticate: (req, ctx) => {
          const { CASHFREE_CLIENT_ID: id, CASHFREE_CLIENT_SECRET: secret } = ctx.credentials;
          const sent = String(req.headers["x-client-secret"] ?? "");
          return req.headers["x-client-id"] === id && sent !== "" && secret.startsWith(sent) ? undefined : ctx.behaviour.errorReply("unauthorized", "Invalid API credentials provided");
        },
      },
    });
    const run = await runCollecting(aimAt(sandbox));
    const failed = resultsOf(run.results, "auth_enforcement", "failed").map((r) => r.case);
    expect(failed).toEqual(["credential ApiSecret truncated"]);
    const written = JSON.stringify(run.json()) + run.junit();
    for (const value of Object.values(sandbox.credentials)) {
      for (const kind of NEAR_MISSES) {
        const miss = nearMiss(value, kind);
        if (miss.length > 3) expect(written.includes(miss), `${kind} of a credential`).toBe(false);
      }
      expect(written.includes(value.slice(4))).toBe(false);
    }
    expect(written).toContain("x-client-secret: ***");
  });
});
