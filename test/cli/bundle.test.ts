/**
 * The CLI as `npm ci` leaves it: bin/payconform.mjs runs the bundle in dist/ (`npm run build`,
 * run by `npm test` before the tests), and src/ without it or with PAYCONFORM_FROM_SOURCE. Both
 * give the same answers; and the bundle, which takes each spec from generated/ while the spec
 * files are unchanged, reads a spec edited since from its YAML.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/providers.ts";
import { copyProject, type ProjectCopy } from "../spec-change/project-copy.ts";
import { runCli } from "./spawn-cli.ts";

const copies: ProjectCopy[] = [];
afterAll(() => copies.forEach((c) => c.remove()));

describe("the bundled CLI", () => {
  it("is built (npm ci runs `npm run build` as prepare, npm test runs it first)", () => {
    expect(existsSync(join(PROJECT_ROOT, "dist", "payconform.mjs")), "run `npm run build`").toBe(true);
  });

  it.each([["--version"], ["inventory"], ["run", "--provider", "enkash,cashfree", "--report-dir"]])("answers %s as the source does", async (...args) => {
    const withDir = (dir: string): string[] => (args[0] === "run" ? [...args, join(".tmp", dir)] : args);
    const [bundled, source] = await Promise.all([runCli(withDir("bundle-test-bundled")), runCli(withDir("bundle-test-source"), { env: { PAYCONFORM_FROM_SOURCE: "1" } })]);
    expect(bundled.code).toBe(0);
    expect(bundled.code).toBe(source.code);
    const totals = (text: string): string | undefined => text.split("\n").find((line) => /^\d+ passed, /.test(line));
    expect(totals(bundled.stdout)).toBe(totals(source.stdout));
    if (args[0] === "run") expect(totals(bundled.stdout)).toMatch(/^\d+ passed, 0 failed/);
    else expect(bundled.stdout).toBe(source.stdout);
  });

  it("reads a spec edited since `npm run generate` from the YAML", async () => {
    const copy = copyProject({ bundle: true });
    copies.push(copy);
    const file = join(copy.root, "specs", "enkash", "openapi.yaml");
    const spec = readFileSync(file, "utf8");
    expect(spec).toContain("title: EnKash Accounts Receivable - deleteCustomerByCustomerId");
    writeFileSync(file, spec.replace("title: EnKash Accounts Receivable - deleteCustomerByCustomerId", "title: EnKash edited"));
    const edited = await copy.cli(["inventory"]);
    expect(edited.code).toBe(0);
    expect(edited.stdout).toContain("enkash (EnKash edited, OpenAPI 3.1.0)");
    const run = await copy.cli(["run", "--provider", "enkash", "--report-dir", "reports"]);
    expect(run.code, run.stderr).toBe(0);
  });
});
