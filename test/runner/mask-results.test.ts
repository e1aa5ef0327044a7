/**
 * A provider's results masked as its part of a run ends: a result holding a credential (a query
 * credential in its path, a curl line) comes back masked, every other result is the very object
 * it was (nothing to parse back), and a masked line that no longer parses is masked field by field.
 */
import { describe, expect, it } from "vitest";
import { protectSecrets } from "../../src/output.ts";
import type { Result } from "../../src/runner/events.ts";
import { maskResults } from "../../src/runner/mask-results.ts";

const SECRET = "sk_test_mask_results_0123456789";

const result = (path: string, extra: Partial<Result> = {}): Result => ({ provider: "cashfree", operationId: "op", check: "auth_enforcement", case: "c", outcome: "passed", message: "", basis: "documented", method: "DELETE", path, ...extra });

describe("maskResults", () => {
  it("masks the results that hold a credential and hands back the others as they were", () => {
    const release = protectSecrets([SECRET]);
    try {
      const clean = result("/customer/cust_1");
      const leaky = result(`/customer/cust_2?x-client-secret=${SECRET}`, { outcome: "failed", curl: `curl -H 'x-client-secret: ${SECRET}'` });
      const [first, second] = maskResults([clean, leaky]);
      expect(first).toBe(clean);
      expect(second).toEqual({ ...leaky, path: "/customer/cust_2?x-client-secret=***", curl: "curl -H 'x-client-secret: ***'" });
    } finally {
      release();
    }
  });

  it("masks field by field where a secret spans the JSON syntax of its line", () => {
    const spanning = 'a","b":"c';
    const release = protectSecrets([spanning]);
    try {
      const tricky = result("/p", { message: `x${spanning}y` });
      expect(maskResults([tricky])[0].message).toBe("x***y");
    } finally {
      release();
    }
  });
});
