/**
 * Spawned processes, bounded: each has a timeout after which it is killed, every one still
 * running is killed when the bench exits, and output is kept for parsing.
 */
import { spawn, type ChildProcess } from "node:child_process";

const live = new Set<ChildProcess>();

/** Kills every process the bench started that is still running. */
export function killAll(): void {
  for (const child of live) child.kill("SIGKILL");
  live.clear();
}

process.on("exit", killAll);

export interface SpawnOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
}

export interface Finished {
  code: number | null;
  timedOut: boolean;
  /** Spawn to exit. */
  ms: number;
  /** Spawn to the first line on stdout and on stderr, when any. */
  firstStdoutMs?: number;
  firstStderrMs?: number;
  stdout: string;
  stderr: string;
}

export interface Running {
  child: ChildProcess;
  /** Output so far, stdout and stderr together. */
  output(): string;
  done: Promise<Finished>;
  kill(): void;
}

export function start(command: string, args: readonly string[], options: SpawnOptions): Running {
  const began = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
  live.add(child);
  let stdout = "";
  let stderr = "";
  let firstStdoutMs: number | undefined;
  let firstStderrMs: number | undefined;
  let timedOut = false;
  child.stdout!.on("data", (chunk: Buffer) => {
    if (stdout.length < 4_000_000) stdout += chunk.toString("utf8");
    if (firstStdoutMs === undefined && stdout.includes("\n")) firstStdoutMs = performance.now() - began;
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    if (stderr.length < 4_000_000) stderr += chunk.toString("utf8");
    if (firstStderrMs === undefined && stderr.includes("\n")) firstStderrMs = performance.now() - began;
  });
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill("SIGKILL");
  }, options.timeoutMs);
  const done = new Promise<Finished>((resolve) => {
    child.on("error", (error) => {
      stderr += `\n${error.message}`;
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      live.delete(child);
      resolve({ code, timedOut, ms: performance.now() - began, firstStdoutMs, firstStderrMs, stdout, stderr });
    });
  });
  return { child, output: () => stdout + stderr, done, kill: () => child.kill("SIGKILL") };
}

export function run(command: string, args: readonly string[], options: SpawnOptions): Promise<Finished> {
  return start(command, args, options).done;
}

/** Strips ANSI colour codes from tool output. */
export function plain(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, "");
}
