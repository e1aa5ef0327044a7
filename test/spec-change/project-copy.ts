/**
 * A throwaway copy of the project in a temp folder, for commands that rewrite specs/ and
 * generated/ (`spec update`): the files it reads and writes are copied, node_modules is linked.
 * The CLI started in the copy (cwd = the copy) treats it as the project root.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../src/providers.ts";
import type { CliResult } from "../cli/spawn-cli.ts";

const COPIED = ["bin", "src", "scripts", "specs", "generated", "contracts", "test", "package.json", "tsconfig.json", "tsconfig.runtime.json", "openapitools.json"];

export interface ProjectCopy {
  root: string;
  /** Runs `payconform ...` in the copy. */
  cli(args: string[]): Promise<CliResult>;
  remove(): void;
}

/** A copy of the project; with `bundle`, dist/ too (the bundle `npm run build` made), so the copy's CLI runs from it. */
export function copyProject(options: { bundle?: boolean } = {}): ProjectCopy {
  const root = mkdtempSync(join(tmpdir(), "payconform-project-"));
  for (const entry of options.bundle ? [...COPIED, "dist"] : COPIED) cpSync(join(PROJECT_ROOT, entry), join(root, entry), { recursive: true });
  symlinkSync(join(PROJECT_ROOT, "node_modules"), join(root, "node_modules"), "dir");
  return {
    root,
    cli: (args) => runIn(root, args),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

function runIn(root: string, args: string[]): Promise<CliResult> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined && !/^(PAYCONFORM_|JUSPAY_|YUNO_|CASHFREE_|ENKASH_)/.test(name)) env[name] = value;
  const child = spawn(process.execPath, ["bin/payconform.mjs", ...args], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on("data", (c: Buffer) => out.push(c));
  child.stderr.on("data", (c: Buffer) => err.push(c));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
  });
}
