/**
 * `npm run selftest` leaves nothing in the temp folder: each run's report goes under the report
 * folder's selftest-runs/, next to selftest.json.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/providers.ts";
import { removeTempDirs, tempDir } from "../runner/harness.ts";

afterAll(() => removeTempDirs());

function selftest(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["scripts/selftest.ts", ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const out: Buffer[] = [];
  child.stdout.on("data", (c: Buffer) => out.push(c));
  child.stderr.on("data", (c: Buffer) => out.push(c));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output: Buffer.concat(out).toString("utf8") }));
  });
}

describe("the self-test script", () => {
  it("keeps each run's report under the report folder and leaves the temp folder as it was", async () => {
    const tmp = tempDir("payconform-test-tmpdir-");
    const reports = tempDir();
    const adapter = "cashfree-200-instead-of-204";
    const { code, output } = await selftest(["--adapter", adapter, "--report-dir", reports], { TMPDIR: tmp });

    expect(code, output).toBe(0);
    expect(output).toMatch(/kill rate: 1\/1/);
    expect(readdirSync(tmp)).toEqual([]);
    expect(existsSync(join(reports, "selftest.json"))).toBe(true);
    expect(existsSync(join(reports, "selftest-runs", adapter, "conformance.json"))).toBe(true);
  });
});
