/**
 * Dredd against a target: one run of `dredd SPEC URL --header ...` (its own spec copy, see
 * peer-inputs.ts), timed from spawn to exit. Dredd makes one transaction per documented
 * response, each sending the same example request and expecting that response.
 */
import type { SandboxHandle } from "../src/sandboxes/types.ts";
import { plain, run } from "./spawn.ts";
import { validHeaders } from "./peer-inputs.ts";

export interface PeerRun {
  /** Spawn to exit, start-up included. */
  wallMs: number;
  /** The time the tool reports for its tests alone, when it reports one. */
  reportedMs?: number;
  exitCode: number | null;
  timedOut: boolean;
  passed: number;
  failed: number;
  errored: number;
  /** Failing tests by name, with the tool's first words about each. */
  failures: Record<string, string>;
  /** The last lines of output, for a run that did not report. */
  tail: string;
}

export async function runDredd(dreddBin: string, specFile: string, handle: SandboxHandle, timeoutMs: number): Promise<PeerRun> {
  const headers = validHeaders(handle).flatMap((h) => ["--header", h]);
  const result = await run(process.execPath, [dreddBin, specFile, handle.baseUrl, ...headers, "--color", "false"], {
    timeoutMs,
    env: { ...process.env, NODE_NO_WARNINGS: "1" },
  });
  const out = plain(result.stdout + result.stderr);
  const summary = /complete: (\d+) passing, (\d+) failing, (\d+) errors/.exec(out);
  const took = /complete: Tests took (\d+)ms/.exec(out);
  return {
    wallMs: result.ms,
    reportedMs: took ? Number(took[1]) : undefined,
    exitCode: result.code,
    timedOut: result.timedOut,
    passed: summary ? Number(summary[1]) : 0,
    failed: summary ? Number(summary[2]) : 0,
    errored: summary ? Number(summary[3]) : 0,
    failures: dreddFailures(out),
    tail: out.split("\n").slice(-6).join("\n"),
  };
}

/** After "Displaying failed tests...": each `fail: NAME duration: ..` line, then `fail: MESSAGE` lines. */
function dreddFailures(out: string): Record<string, string> {
  const failures: Record<string, string> = {};
  const at = out.indexOf("Displaying failed tests...");
  if (at === -1) return failures;
  let current: string | undefined;
  for (const line of out.slice(at).split("\n")) {
    const test = /^fail: (.+?) duration: \d+ms/.exec(line);
    if (test) {
      current = test[1];
      failures[current] = "";
      continue;
    }
    const message = /^fail: (.+)$/.exec(line);
    if (current && message && failures[current] === "") failures[current] = message[1].trim();
  }
  return failures;
}
