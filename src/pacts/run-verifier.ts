/**
 * Starts the verifier's child process (verifier-child.ts) for one job and waits for its reply.
 * Everything the child prints, the Pact verifier's native output included, is captured here a
 * whole line at a time, masked (src/output.ts), and handed to `onOutput`; nothing the child
 * prints reaches the terminal any other way. The abort signal stops the child.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { PayconformError } from "../errors.ts";
import { interruption } from "../http/client.ts";
import { capturedOutput } from "../output.ts";
import { PROJECT_ROOT } from "../providers.ts";
import type { VerifierJob, VerifierReply } from "./verifier-worker.ts";

/** The child runs from src/ whether or not this module runs from the bundle in dist/ (scripts/build.ts). */
const CHILD = join(PROJECT_ROOT, "src", "pacts", "verifier-child.ts");

export interface RunVerifierOptions {
  /** Receives the child's output, masked, line by line. Default: dropped. */
  onOutput?: (text: string) => void;
  signal?: AbortSignal;
}

export function runVerifier(job: VerifierJob, options: RunVerifierOptions = {}): Promise<VerifierReply> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(interruption(signal));
  // Node strips the types of src/ itself where it can (22.18+); older Nodes load it through tsx.
  const loader = process.features.typescript ? [] : ["--import", "tsx"];
  const child = spawn(process.execPath, [...loader, CHILD], {
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    env: { ...process.env, PACT_DO_NOT_TRACK: "true" },
  });
  let lastLine = "";
  const output = capturedOutput((text) => {
    lastLine = text.trim().split("\n").at(-1) ?? lastLine;
    options.onOutput?.(text);
  });
  child.stdout?.on("data", (chunk: Buffer) => output.write(chunk));
  child.stderr?.on("data", (chunk: Buffer) => output.write(chunk));
  let reply: VerifierReply | undefined;
  child.on("message", (message: VerifierReply) => {
    reply = message;
  });
  return new Promise<VerifierReply>((resolve, reject) => {
    const onAbort = (): void => {
      child.kill("SIGTERM");
      reject(interruption(signal!));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    child.once("error", (error) => reject(new PayconformError(`cannot start the pact verifier: ${error.message}`, { cause: error })));
    child.once("close", (code) => {
      signal?.removeEventListener("abort", onAbort);
      output.end();
      if (reply) resolve(reply);
      else reject(new PayconformError(`the pact verifier stopped without a result (exit ${code ?? "by signal"})${lastLine ? `: ${lastLine}` : ""}`));
    });
    child.send(job);
  });
}
