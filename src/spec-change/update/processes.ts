/**
 * The child processes `spec update` starts: the code generator (`npm run generate`) and the
 * TypeScript compiler. Their output is kept for the impact report, never printed as is. Each is
 * bounded in time.
 */
import { spawn } from "node:child_process";

export interface ProcessResult {
  /** Exit code, or null when it was killed (timeout) or could not start. */
  code: number | null;
  output: string;
  timedOut: boolean;
  /** Why it could not start, if it could not. */
  startError?: string;
}

export function runProcess(command: string, args: readonly string[], cwd: string, timeoutMs: number): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let timedOut = false;
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" } });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => chunks.push(c));
    child.once("error", (error) => {
      clearTimeout(timer);
      resolve({ code: null, output: "", timedOut: false, startError: error.message });
    });
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output: Buffer.concat(chunks).toString("utf8"), timedOut });
    });
  });
}

/** The last `max` non-empty lines of a process's output, for a report. */
export function tail(output: string, max = 20): string[] {
  return output.split("\n").map((l) => l.trimEnd()).filter((l) => l !== "").slice(-max);
}
