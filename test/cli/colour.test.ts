/**
 * Colour on a terminal: run's matrix and the Pact verifier's own report are coloured, and under
 * NO_COLOR they are not. The terminal is a real pseudo-terminal from util-linux `script`. (That
 * no command prints an escape code to a stdout that is not a terminal is checked with every
 * command's output in canary.test.ts.)
 */
import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/providers.ts";
import { removeTempDirs, tempDir } from "../runner/harness.ts";

afterAll(() => removeTempDirs());

const ESC = "\u001b[";

/** Runs the CLI on a pseudo-terminal; returns everything the terminal showed. */
function onTerminal(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, "bin/payconform.mjs", ...args].map(quote).join(" ");
  const child = spawn("script", ["-q", "-e", "-c", command, "/dev/null"], { cwd: PROJECT_ROOT, env: { ...process.env, ...env, PACT_DO_NOT_TRACK: "true" }, stdio: ["ignore", "pipe", "pipe"] });
  const out: Buffer[] = [];
  child.stdout.on("data", (c: Buffer) => out.push(c));
  child.stderr.on("data", (c: Buffer) => out.push(c));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output: Buffer.concat(out).toString("utf8") }));
  });
}

describe("on a terminal", () => {
  const rows: Array<[string, () => string[]]> = [
    ["run", () => ["run", "--provider", "enkash", "--report-dir", tempDir()]],
    ["verify-pacts --verbose", () => ["verify-pacts", "--provider", "enkash", "--verbose"]],
  ];

  it.each(rows)("%s is coloured", async (_name, args) => {
    const { code, output } = await onTerminal(args(), { NO_COLOR: "" });
    expect(code, output).toBe(0);
    expect(output).toContain(ESC);
  });

  it.each(rows)("%s has no colour under NO_COLOR", async (_name, args) => {
    const { code, output } = await onTerminal(args(), { NO_COLOR: "1" });
    expect(code, output).toBe(0);
    expect(output).not.toContain(ESC);
  });
});
