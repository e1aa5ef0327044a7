/**
 * A documented 5xx to a delete of a fixture (Cashfree's 500 deletion_failed) is sent again, and
 * the warning that says so names what the retry got: the documented success (the first delete
 * failed and did nothing), or the not-found status, which says the first delete had taken effect
 * and its 5xx was answered for a delete that happened.
 */
import { afterEach, describe, expect, it } from "vitest";
import { startCatalogueSandbox } from "../../src/catalogue/types.ts";
import { runAgainst } from "../../src/catalogue/run-target.ts";
import { baseBehaviour } from "../../src/sandboxes/index.ts";
import { jsonReply } from "../../src/sandboxes/replies.ts";
import type { SandboxHandle } from "../../src/sandboxes/types.ts";

const cashfree = baseBehaviour("cashfree");
const handles: SandboxHandle[] = [];
afterEach(async () => {
  for (const h of handles.splice(0)) await h.close();
});

/** Cashfree answering each customer's first delete 500 deletion_failed (Retry-After: 0), having deleted it first when `commit`. */
async function failingFirst(commit: boolean): Promise<SandboxHandle> {
  const failed = new Set<string>();
  const handle = await startCatalogueSandbox("cashfree", {
    behaviour: {
      remove(req, ctx) {
        const id = ctx.path.customer_id;
        if (id === undefined || failed.has(id) || !ctx.store.hasCustomer(id)) return cashfree.remove(req, ctx);
        failed.add(id);
        if (commit) cashfree.remove(req, ctx);
        return { ...jsonReply(500, { message: "Customer deletion failed due to server error", code: "deletion_failed", type: "api_error" }), headers: { "retry-after": "0" } };
      },
    },
  });
  handles.push(handle);
  return handle;
}

const retriedWarnings = (results: Awaited<ReturnType<typeof runAgainst>>) => results.filter((r) => r.outcome === "warning" && /payconform sent it again/.test(r.message));

describe("a documented 5xx to a delete of a fixture, sent again", () => {
  it("names the success the retry got, where the first delete did nothing", async () => {
    const results = await runAgainst(await failingFirst(false));
    const warnings = retriedWarnings(results);
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) expect(w.message).toMatch(/; it got 204$/);
  });

  it("says the first delete had taken effect where the retry got the not-found status", async () => {
    const results = await runAgainst(await failingFirst(true));
    const warnings = retriedWarnings(results);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.some((w) => /it got 404, the not-found status: if the fixture is gone, the first delete had taken effect/.test(w.message))).toBe(true);
    expect(results.some((r) => r.outcome === "failed")).toBe(true);
  });
});
