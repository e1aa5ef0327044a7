/**
 * The command line of `npm run generate` / `generate:check`: bad input gives one line on stderr
 * and exit code 2, never a stack trace. These cases stop before any code is generated.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { main, parseArgs } from "../../scripts/generate/cli.ts";
import { GENERATED_DIR } from "../../scripts/generate/options.ts";

const emptySpecs = mkdtempSync(join(tmpdir(), "payconform-cli-test-"));

afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(() => {
  rmSync(emptySpecs, { recursive: true, force: true });
});

describe("generate command line", () => {
  it.each([
    ["an unknown provider", ["--check", "--provider", "paypal"], /^generate: unknown provider "paypal"/],
    ["an empty provider list", ["--provider="], /^generate: --provider needs a value/],
    ["an unknown flag", ["--frobnicate"], /^generate: unknown argument "--frobnicate"/],
    ["an unreadable spec", ["--check", "--provider", "yuno", "--specs", emptySpecs], /^generate: cannot read spec .*yuno.openapi\.yaml: ENOENT$/],
  ])("exits 2 with one line for %s", async (_name, argv, message) => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const logs = vi.spyOn(console, "log").mockImplementation(() => {});
    expect(await main(argv)).toBe(2);
    expect(errors).toHaveBeenCalledTimes(1);
    const line = String(errors.mock.calls[0][0]);
    expect(line).toMatch(message);
    expect(line).not.toContain("\n");
    expect(logs).not.toHaveBeenCalled();
  });

  it.each([
    [[], { check: false, providers: ["juspay", "yuno", "cashfree", "enkash"], outDir: GENERATED_DIR }],
    [["--check", "--provider=yuno,cashfree"], { check: true, providers: ["yuno", "cashfree"], outDir: GENERATED_DIR }],
    [["--out", "/tmp/x", "--provider", "enkash"], { check: false, providers: ["enkash"], outDir: "/tmp/x" }],
  ])("parses %j", (argv, want) => {
    const { check, options } = parseArgs(argv);
    expect({ check, providers: options.providers, outDir: options.outDir }).toEqual(want);
  });
});
