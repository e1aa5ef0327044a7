import { describe, expect, it } from "vitest";
import { ALTERNATIVES, CATALOGUE, runAdapter, runAlternative, runSandbox } from "../../src/catalogue/index.ts";
import { CHECK_IDS } from "../../src/checks/ids.ts";
import { HTTP_PROVIDERS } from "../../src/providers.ts";

describe("the catalogue of faulty adapters", () => {
  it.each(CATALOGUE.map((a) => [a.name, a] as const))("%s is caught by its declared check", async (_name, adapter) => {
    const outcome = await runAdapter(adapter);
    expect(outcome.firedChecks).toContain(adapter.expectedCheck);
    expect(outcome.caught, `fired: ${outcome.firedChecks.join(", ")}`).toBe(true);
  });

  it.each(HTTP_PROVIDERS)("the %s reference sandbox is clean: nothing failed, errored or warned", async (provider) => {
    const outcome = await runSandbox(provider);
    expect(outcome.problems).toEqual([]);
    expect(outcome.clean).toBe(true);
  });

  it.each(ALTERNATIVES.map((a) => [a.name, a] as const))("%s, another choice the documents allow, raises no false alarm", async (_name, alternative) => {
    const outcome = await runAlternative(alternative);
    expect(outcome.problems).toEqual([]);
    expect(outcome.quiet).toBe(true);
  });

  it("holds at least 50 adapters with unique names, covering every check id", () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(50);
    const names = [...CATALOGUE, ...ALTERNATIVES].map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    const declared = new Set(CATALOGUE.map((a) => a.expectedCheck));
    expect(CHECK_IDS.filter((id) => !declared.has(id))).toEqual([]);
  });

  it("covers every HTTP provider and names each adapter after its provider", () => {
    expect(new Set(CATALOGUE.map((a) => a.provider))).toEqual(new Set(HTTP_PROVIDERS));
    for (const a of CATALOGUE) {
      expect(a.name.startsWith(`${a.provider}-`), a.name).toBe(true);
      expect(a.departure, a.name).not.toMatch(/\n/);
    }
    for (const a of ALTERNATIVES) expect(a.name.startsWith(`${a.provider}-`), a.name).toBe(true);
  });
});

describe("the targets of one self-test process", () => {
  it("share one credential set per provider, so the masking list does not grow with every run", async () => {
    for (const provider of HTTP_PROVIDERS) {
      const targets = [...CATALOGUE, ...ALTERNATIVES].filter((a) => a.provider === provider).slice(0, 3);
      const handles = await Promise.all(targets.map((t) => t.start()));
      try {
        expect(new Set(handles.map((h) => JSON.stringify(h.credentials))).size, provider).toBe(1);
      } finally {
        await Promise.all(handles.map((h) => h.close()));
      }
    }
  });
});
