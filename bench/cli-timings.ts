/**
 * payconform as a user starts it: `node bin/payconform.mjs run ...` in a fresh process. The
 * console reporter prints the first verdict (the check × provider matrix) on stdout once the
 * provider's scenarios are done, so the first stdout line is the first verdict a user sees;
 * the first stderr line is the provider-start line, printed just before the first request.
 * "Fresh tsx cache" points TMPDIR at an empty folder, so tsx transpiles every module again, as on
 * the first run after an install.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_DIR } from "./config.ts";
import { median } from "./drive.ts";
import { run, type Finished } from "./spawn.ts";

export interface ColdStart {
  /** Spawn to the provider-start line (stderr): modules loaded, spec read, sandbox up. */
  toReadyMs: number;
  /** Spawn to the first stdout line: the first verdict. */
  toFirstVerdictMs: number;
  /** Spawn to exit: every verdict printed, reports written. */
  toExitMs: number;
  exitCode: number | null;
  samples: number[];
}

export interface CliTimings {
  /** `node -e ""`: Node's own start-up. */
  nodeStartMs: number;
  /** `node bin/payconform.mjs --help`: Node and the CLI entry loaded. */
  cliStartMs: number;
  /** Node with tsx importing the modules of `payconform run` (runner, checks, cases, sandboxes, Ajv, yaml), running nothing. */
  runImportMs: number;
  warmCache: ColdStart;
  freshCache: ColdStart;
  /** `payconform run` of every provider, spawned. */
  fullRun: { ms: number; exitCode: number | null; summary: string };
}

export async function cliTimings(times: number, timeoutMs: number): Promise<CliTimings> {
  const scratch = mkdtempSync(join(tmpdir(), "payconform-bench-cli-"));
  try {
    const once = (env: NodeJS.ProcessEnv, args: string[]): Promise<Finished> =>
      run(process.execPath, ["bin/payconform.mjs", "run", ...args, "--report-dir", join(scratch, "reports")], { cwd: REPO_DIR, env, timeoutMs });
    // One run first, so the warm-cache figures do not pay for transpiling.
    await once(process.env, ["--provider", "enkash"]);
    const warm: Finished[] = [];
    const fresh: Finished[] = [];
    for (let i = 0; i < times; i++) {
      warm.push(await once(process.env, ["--provider", "enkash"]));
      const tmp = mkdtempSync(join(scratch, "tsx-cache-"));
      fresh.push(await once({ ...process.env, TMPDIR: tmp }, ["--provider", "enkash"]));
    }
    const full = await once(process.env, []);
    const bare = (args: string[]): Promise<Finished> => run(process.execPath, args, { cwd: REPO_DIR, timeoutMs });
    const nodeStart: number[] = [];
    const cliStart: number[] = [];
    const runImport: number[] = [];
    for (let i = 0; i < times; i++) {
      nodeStart.push((await bare(["-e", ""])).ms);
      cliStart.push((await bare(["bin/payconform.mjs", "--help"])).ms);
      runImport.push((await bare(["--import", "tsx", "--input-type=module", "-e", 'await import("./src/cli/run-command.ts")'])).ms);
    }
    return {
      nodeStartMs: median(nodeStart),
      cliStartMs: median(cliStart),
      runImportMs: median(runImport),
      warmCache: cold(warm),
      freshCache: cold(fresh),
      fullRun: { ms: full.ms, exitCode: full.code, summary: full.stdout.trim().split("\n").at(-1) ?? "" },
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function cold(runs: Finished[]): ColdStart {
  for (const r of runs) {
    if (r.timedOut || (r.code !== 0 && r.code !== 1)) throw new Error(`payconform run exited ${r.code}${r.timedOut ? " (timed out)" : ""}: ${r.stderr.slice(-300)}`);
  }
  return {
    toReadyMs: median(runs.map((r) => r.firstStderrMs ?? r.ms)),
    toFirstVerdictMs: median(runs.map((r) => r.firstStdoutMs ?? r.ms)),
    toExitMs: median(runs.map((r) => r.ms)),
    exitCode: runs[0].code,
    samples: runs.map((r) => Math.round(r.firstStdoutMs ?? r.ms)),
  };
}
