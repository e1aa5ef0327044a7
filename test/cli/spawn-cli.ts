/**
 * Runs the real `payconform` command line as a child process (Node 24, bin/payconform.mjs, cwd
 * the repository root) and collects its exit code and output. The child's environment is the
 * test's minus every credential and fixture variable, plus what the test passes.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { PROJECT_ROOT } from "../../src/providers.ts";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Preloaded with `denyNetwork`: any outgoing connection or DNS lookup in the child throws. */
export const DENY_NETWORK = fileURLToPath(new URL("./deny-network.mjs", import.meta.url));

const SCRUBBED = /^(PAYCONFORM_|JUSPAY_|YUNO_|CASHFREE_|ENKASH_)/;

export interface CliOptions {
  env?: Record<string, string>;
  /** Load the network guard before the CLI. */
  denyNetwork?: boolean;
}

export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return startCli(args, options).result;
}

export interface RunningCli {
  child: ChildProcess;
  result: Promise<CliResult>;
}

/** Starts the CLI and hands back the child process (to signal it) with its eventual result. */
export function startCli(args: string[], options: CliOptions = {}): RunningCli {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined && !SCRUBBED.test(name)) env[name] = value;
  Object.assign(env, options.env);
  const preload = options.denyNetwork ? ["--import", DENY_NETWORK] : [];
  const child = spawn(process.execPath, [...preload, "bin/payconform.mjs", ...args], { cwd: PROJECT_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on("data", (c: Buffer) => out.push(c));
  child.stderr.on("data", (c: Buffer) => err.push(c));
  const result = new Promise<CliResult>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
  });
  return { child, result };
}
