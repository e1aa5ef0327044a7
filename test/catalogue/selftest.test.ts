import { describe, expect, it } from "vitest";
import { adapterByName } from "../../src/catalogue/index.ts";
import { renderSelftest, runSelftest, selftestJson } from "../../src/catalogue/selftest.ts";
import type { FaultyAdapter } from "../../src/catalogue/types.ts";
import { startSandbox } from "../../src/sandboxes/index.ts";

/** The plain Cashfree sandbox posing as a faulty adapter: nothing can catch it. */
const noDeparture: FaultyAdapter = {
  name: "cashfree-no-departure",
  provider: "cashfree",
  departure: "none",
  expectedCheck: "status_code_conformance",
  start: () => startSandbox("cashfree"),
};

describe("runSelftest", () => {
  it("passes when every sandbox is clean and every adapter is caught", async () => {
    const result = await runSelftest({ adapters: [adapterByName("cashfree-200-instead-of-204")!], providers: ["cashfree"] });
    expect(result.ok).toBe(true);
    expect(selftestJson(result)).toEqual({
      sandboxClean: true,
      adapters: [
        {
          name: "cashfree-200-instead-of-204",
          provider: "cashfree",
          expectedCheck: "status_code_conformance",
          caught: true,
          firedChecks: ["status_code_conformance", "delete_semantics"],
        },
      ],
      killRate: 1,
    });
    expect(renderSelftest(result)).toMatch(/cashfree-200-instead-of-204\s+status_code_conformance\s+yes\s+status_code_conformance, delete_semantics/);
  });

  it("fails when an adapter escapes its declared check", async () => {
    const result = await runSelftest({ adapters: [noDeparture, adapterByName("yuno-202-with-json-body")!], providers: [] });
    expect(result.ok).toBe(false);
    expect(result.killRate).toBe(0.5);
    expect(result.adapters[0]).toMatchObject({ name: "cashfree-no-departure", caught: false, firedChecks: [] });
    expect(renderSelftest(result)).toMatch(/cashfree-no-departure\s+status_code_conformance\s+NO\s+-/);
  });

  it("fails with no adapter at all", async () => {
    const result = await runSelftest({ adapters: [], providers: [] });
    expect(result).toMatchObject({ ok: false, killRate: 0, sandboxClean: true });
  });
});
