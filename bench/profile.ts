/**
 * The profiling step: payconform's checked loop and a cold `payconform run --provider enkash`,
 * each under `node --cpu-prof` in a child process, read back into the shares the findings
 * quote. Profiles are written under .tmp/bench-profiles/ (ignored by git) for a closer look.
 */
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { REPO_DIR } from "./config.ts";
import { coldCategory } from "./cold-categories.ts";
import { readProfile, type Share } from "./cpuprofile.ts";
import { run } from "./spawn.ts";
import type { Step } from "./decompose.ts";

export interface ProfileFindings {
  /** Busy time per exchange of the loop thread, bare and with each piece of payconform's work added (EnKash). */
  decomposition: Step[];
  /** The loop's thread; the sandbox answers in a worker thread, idle `sandboxIdle` % of its samples. */
  loop: { exchanges: number; shares: Share[]; topSelf: Share[]; sandboxIdle?: number };
  /** `run --provider enkash` from a cold start: `categories` puts every sample in one category (cold-categories.ts). */
  coldStart: { durationMs: number; samples: number; categories: Share[]; shares: Share[]; topSelf: Share[] };
  dir: string;
}

export async function profile(exchanges: number, limits: { concurrency: number; queueDepth: number }, timeoutMs: number, decomposition: Step[]): Promise<ProfileFindings> {
  const dir = join(REPO_DIR, ".tmp", "bench-profiles");
  rmSync(dir, { recursive: true, force: true });
  const loopDir = join(dir, "checked-loop");
  const cliDir = join(dir, "cold-start");
  mkdirSync(loopDir, { recursive: true });
  const loop = await run(process.execPath, ["--import", "tsx", "--cpu-prof", "--cpu-prof-dir", loopDir, "bench/profile-loop.ts", "enkash", String(exchanges), String(limits.concurrency), String(limits.queueDepth)], { cwd: REPO_DIR, timeoutMs });
  if (loop.code !== 0) throw new Error(`profiling the checked loop failed: ${loop.stderr.slice(-400)}`);
  const cli = await run(process.execPath, ["--cpu-prof", "--cpu-prof-dir", cliDir, "bin/payconform.mjs", "run", "--provider", "enkash", "--report-dir", join(dir, "reports")], { cwd: REPO_DIR, timeoutMs });
  if (cli.code !== 0 && cli.code !== 1) throw new Error(`profiling the cold start failed: ${cli.stderr.slice(-400)}`);

  const l = readProfile(only(loopDir));
  const sandboxFile = threadProfile(loopDir, false);
  const sandboxIdle = sandboxFile ? readProfile(sandboxFile).inclusive("the sandbox's worker thread: idle", "(idle)").percent : undefined;
  const c = readProfile(only(cliDir));
  const runShare = c.inclusive("inside runner.run (spec, Ajv, sandbox, cases, exchanges; the rest is Node, tsx, module loading, sockets)", "run", "src/runner/run.ts");
  return {
    dir,
    decomposition,
    loop: {
      exchanges,
      shares: [
        l.inclusive("sending (client.send: node:http, keep-alive agent) — the bare loop does this too", "sendOnce", "src/http/send.ts"),
        l.inclusive("evaluating every check (evaluate)", "evaluate", "src/runner/evaluate.ts"),
        l.inclusiveFile("  of which no_secret_echo", "src/checks/no-secret-echo.ts"),
        l.inclusiveFile("  of which error_code_conformance", "src/checks/error-code-conformance.ts"),
        l.inclusiveFile("  of which response_schema_conformance (Ajv)", "src/checks/response-schema-conformance.ts"),
        l.inclusive("building requests (buildRequest)", "buildRequest", "src/runner/build-request.ts"),
        l.inclusive("parsing bodies (JSON.parse)", "parseJson", "src/runner/execute.ts"),
        l.inclusive("masking secrets in results (redactResult)", "redactResult", "src/runner/run.ts"),
        l.inclusive("garbage collection", "(garbage collector)"),
        l.inclusive("idle (waiting on sockets)", "(idle)"),
      ],
      topSelf: l.topSelf(12),
      sandboxIdle,
    },
    coldStart: {
      durationMs: c.durationMs,
      samples: c.samples,
      categories: c.byCategory(coldCategory),
      shares: [
        runShare,
        c.inclusive("  compiling response validators (Ajv, once per operation)", "compileResponseValidators", "src/spec/validators.ts"),
        c.inclusive("  starting the embedded sandbox (Ajv for its own checks, listen)", "startSandbox", "src/sandboxes/index.ts"),
        c.inclusive("  deriving scenarios (regex mutations)", "deriveScenarios", "src/cases/derive.ts"),
        c.inclusive("  running the scenarios (exchanges and checks)", "runScenario", "src/runner/execute.ts"),
        c.inclusive("garbage collection", "(garbage collector)"),
      ],
      topSelf: c.topSelf(8),
    },
  };
}

/** The profile of one thread: node names them CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile, the main thread 0. */
function threadProfile(dir: string, main: boolean): string | undefined {
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  const file = files.find((f) => (f.split(".")[4] === "0") === main);
  return file ? join(dir, file) : undefined;
}

function only(dir: string): string {
  const file = threadProfile(dir, true);
  if (!file) throw new Error(`no .cpuprofile written in ${dir}`);
  return file;
}
