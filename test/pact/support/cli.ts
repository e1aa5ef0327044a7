/** Runs the real `payconform` command line (Node 24, bin/payconform.mjs, cwd the repository root). */
import { spawn } from "node:child_process";
import { PROJECT_ROOT } from "../../../src/providers.ts";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function payconform(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const child = spawn(process.execPath, ["bin/payconform.mjs", ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PACT_DO_NOT_TRACK: "true", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on("data", (c: Buffer) => out.push(c));
  child.stderr.on("data", (c: Buffer) => err.push(c));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
  });
}
