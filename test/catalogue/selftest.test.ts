import { describe, expect, it } from "vitest";
import { ALTERNATIVES, adapterByName, type AllowedVariant } from "../../src/catalogue/index.ts";
import { CHECK_IDS, type CheckId } from "../../src/checks/ids.ts";
import { renderSelftest, runSelftest, selftestJson } from "../../src/catalogue/selftest.ts";
import type { FaultyAdapter } from "../../src/catalogue/types.ts";
import { startSandbox } from "../../src/sandboxes/index.ts";

const byCheckOrder = (a: CheckId, b: CheckId): number => CHECK_IDS.indexOf(a) - CHECK_IDS.indexOf(b);

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
    const result = await runSelftest({ adapters: [adapterByName("cashfree-200-instead-of-204")!], providers: ["cashfree"], alternatives: [ALTERNATIVES[0]] });
    expect(result.ok).toBe(true);
    expect(selftestJson(result)).toEqual({
      sandboxClean: true,
      adapters: [
        {
          name: "cashfree-200-instead-of-204",
          provider: "cashfree",
          expectedCheck: "status_code_conformance",
          caught: true,
          firedChecks: ["status_code_conformance", "auth_enforcement", "exact_id_match", "unsupported_method", "delete_semantics"],
        },
      ],
      killRate: 1,
      alternatives: [{ name: ALTERNATIVES[0].name, provider: ALTERNATIVES[0].provider, quiet: true, firedChecks: ALTERNATIVES[0].mayWarn.slice().sort(byCheckOrder), problems: [] }],
    });
    expect(renderSelftest(result)).toMatch(/cashfree-200-instead-of-204\s+status_code_conformance\s+yes\s+status_code_conformance, auth_enforcement, exact_id_match, unsupported_method, delete_semantics/);
  });

  it("fails when an adapter escapes its declared check", async () => {
    const result = await runSelftest({ adapters: [noDeparture, adapterByName("yuno-202-with-json-body")!], providers: [], alternatives: [] });
    expect(result.ok).toBe(false);
    expect(result.killRate).toBe(0.5);
    expect(result.adapters[0]).toMatchObject({ name: "cashfree-no-departure", caught: false, firedChecks: [] });
    expect(renderSelftest(result)).toMatch(/cashfree-no-departure\s+status_code_conformance\s+NO\s+-/);
  });

  it("fails when an allowed variant raises a false alarm", async () => {
    const alarmed: AllowedVariant = { ...ALTERNATIVES[0], name: "cashfree-posing-as-allowed", provider: "cashfree", mayWarn: [], start: adapterByName("cashfree-200-instead-of-204")!.start };
    const result = await runSelftest({ adapters: [adapterByName("cashfree-200-instead-of-204")!], providers: [], alternatives: [alarmed] });
    expect(result).toMatchObject({ ok: false, killRate: 1, alternativesQuiet: false });
    expect(result.alternatives[0].problems.join("\n")).toMatch(/^status_code_conformance .*: failed/m);
    expect(renderSelftest(result)).toMatch(/cashfree-posing-as-allowed\s+NO/);
  });

  it("fails with no adapter at all", async () => {
    const result = await runSelftest({ adapters: [], providers: [], alternatives: [] });
    expect(result).toMatchObject({ ok: false, killRate: 0, sandboxClean: true });
  });
});
