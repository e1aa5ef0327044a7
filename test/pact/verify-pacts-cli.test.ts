/** `payconform verify-pacts` exit codes: 0 verified, 1 a failed interaction, 2 usage (one line, no stack). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adapterByName } from "../../src/catalogue/index.ts";
import type { SandboxHandle } from "../../src/sandboxes/types.ts";
import { payconform } from "./support/cli.ts";

describe("payconform verify-pacts", () => {
  let faulty: SandboxHandle;
  beforeAll(async () => {
    faulty = await adapterByName("cashfree-auth-not-enforced")!.start();
  });
  afterAll(() => faulty.close());

  it("exits 0 when the embedded sandbox verifies", async () => {
    const result = await payconform(["verify-pacts", "--provider", "enkash"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("enkash: 5 interactions verified");
  });

  it("exits 1 naming the failed interactions of a target that breaks the contract", async () => {
    const result = await payconform(["verify-pacts", "--provider", "cashfree", "--target", faulty.baseUrl, "--state-url", faulty.stateUrl], faulty.credentials);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("cashfree: FAILED 2 of 5 interactions");
    expect(result.stdout).toContain("a delete without credentials");
  });

  const usage = [
    { name: "an unknown provider", args: ["--provider", "stripe"] },
    { name: "a production target", args: ["--provider", "juspay", "--target", "https://api.juspay.in", "--state-url", "http://127.0.0.1:9/state"] },
    { name: "an unknown flag", args: ["--fixtures", "x.json"] },
  ];

  it.each(usage)("exits 2 with one line on $name", async ({ args }) => {
    const result = await payconform(["verify-pacts", ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^payconform: /);
  });
});
