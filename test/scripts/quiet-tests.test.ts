/**
 * `npm test`'s test step (scripts/vitest.ts) is quiet where it should be: what a passing test
 * prints, here the output of a CLI run that fails on purpose, is left out; a failing test shows
 * everything it printed and why it failed; and into a pipe, as here, no colour code is written.
 * The probe tests live in a folder of their own under the project (so they resolve vitest) that
 * the project's own test run never includes.
 */
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/providers.ts";

const probeDir = join(PROJECT_ROOT, `.quiet-probe-${process.pid}`);
afterAll(() => rmSync(probeDir, { recursive: true, force: true }));

const PROBE = `
import { spawnSync } from "node:child_process";
import { expect, it } from "vitest";

/** A CLI run that fails on purpose (exit 2), and what it printed. */
function cli(): string {
  const run = spawnSync(process.execPath, ["bin/payconform.mjs", "verify-pacts", "--provider", "stripe"], { cwd: ${JSON.stringify(PROJECT_ROOT)}, encoding: "utf8" });
  return run.stdout + run.stderr;
}

it("passes, printing the CLI's output", () => {
  console.log("FAILED enkash delete_semantics \\u001b[31mnoise\\u001b[39m", cli());
  expect(1).toBe(1);
});

it("fails, printing", () => {
  console.log("OUTPUT OF THE FAILING TEST", cli());
  expect("the answer").toBe("another answer");
});
`;

function runProbe(): Promise<{ code: number | null; output: string }> {
  mkdirSync(probeDir, { recursive: true });
  writeFileSync(join(probeDir, "probe.test.ts"), PROBE);
  const env = { ...process.env };
  delete env.NO_COLOR;
  const child = spawn(process.execPath, ["scripts/vitest.ts", "--root", probeDir], { cwd: PROJECT_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const out: Buffer[] = [];
  child.stdout.on("data", (c: Buffer) => out.push(c));
  child.stderr.on("data", (c: Buffer) => out.push(c));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output: Buffer.concat(out).toString("utf8") }));
  });
}

describe("the test step's output", () => {
  it("hides what passing tests print, shows a failing test whole, and writes no colour into a pipe", async () => {
    const { code, output } = await runProbe();
    expect(code, output).toBe(1);
    expect(output).not.toContain("FAILED enkash");
    expect(output).toContain("OUTPUT OF THE FAILING TEST");
    expect(output).toContain('payconform: unknown provider "stripe"');
    expect(output).toMatch(/expected 'the answer' to be 'another answer'/);
    expect(output).toMatch(/1 failed \| 1 passed/);
    expect(output).not.toContain("\u001b[");
  });
});
