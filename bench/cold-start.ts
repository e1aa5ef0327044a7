/**
 * payconform as a user starts it, each in a whole new process with the bench's own Node
 * (process.execPath), cwd the repository: `payconform run --provider enkash`, `--help` and
 * `--version`, each paired with `node -e 0` in alternation (node, payconform, node, payconform,
 * ...). Each pair gives one ratio; the median, least and greatest are reported. The console
 * reporter prints the check × provider matrix on stdout once the provider's scenarios are done,
 * so the first stdout line is the first verdict a user sees. Reports go to a temporary folder.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_DIR } from "./config.ts";
import { median, paired, type Paired } from "./drive.ts";
import { run, type Finished } from "./spawn.ts";

export interface PairedStart {
  /** The command, as run after `node`. */
  command: string;
  /** Median milliseconds, spawn to exit (for `run`: to the first verdict). */
  ms: number;
  /** Median milliseconds of `node -e 0` in the same pairs. */
  nodeMs: number;
  /** ms over the paired `node -e 0`: the median of the paired ratios (vsNode.median). */
  ratioVsNode: number;
  /** ms over the paired `node -e 0`, one ratio per pair. */
  vsNode: Paired;
}

export interface ColdStart {
  /** Pairs measured for each command. */
  pairs: number;
  /** `run --provider enkash`: spawn to the first verdict (first stdout line), median. */
  ms: number;
  /** The same over the paired `node -e 0`: median of the paired ratios. */
  ratioVsNode: number;
  ratioVsNodeMin: number;
  ratioVsNodeMax: number;
  /** Median milliseconds of `node -e 0`, over every pair. */
  nodeMs: number;
  /** `run --provider enkash` to the first verdict, paired. */
  firstVerdict: PairedStart;
  /** `run --provider enkash` to exit (reports written), paired. */
  exit: PairedStart;
  /** Spawn to the provider-start line on stderr (modules loaded, spec read, sandbox up), median. */
  toReadyMs: number;
  help: PairedStart;
  version: PairedStart;
  /** Exit code of the runs (0: conforms). */
  exitCode: number | null;
}

const NODE = ["-e", "0"];

export async function coldStart(pairs: number, timeoutMs: number): Promise<ColdStart> {
  const scratch = mkdtempSync(join(tmpdir(), "payconform-bench-cold-"));
  try {
    const spawn = (args: string[]): Promise<Finished> => run(process.execPath, args, { cwd: REPO_DIR, timeoutMs });
    const runArgs = ["bin/payconform.mjs", "run", "--provider", "enkash", "--report-dir", join(scratch, "reports")];
    // One unmeasured run of each first: the file-system cache is warm for every measured one.
    for (const args of [NODE, runArgs, ["bin/payconform.mjs", "--help"]]) await spawn(args);
    const runs = await alternate(pairs, () => spawn(NODE), () => spawn(runArgs));
    for (const r of runs.b) {
      if (r.timedOut || (r.code !== 0 && r.code !== 1)) throw new Error(`payconform run exited ${r.code}${r.timedOut ? " (timed out)" : ""}: ${r.stderr.slice(-300)}`);
    }
    const help = await alternate(pairs, () => spawn(NODE), () => spawn(["bin/payconform.mjs", "--help"]));
    const version = await alternate(pairs, () => spawn(NODE), () => spawn(["bin/payconform.mjs", "--version"]));
    const firstVerdict = pairedStart("bin/payconform.mjs run --provider enkash (to the first verdict)", runs.a, runs.b, (r) => r.firstStdoutMs ?? r.ms);
    return {
      pairs,
      ms: firstVerdict.ms,
      ratioVsNode: firstVerdict.vsNode.median,
      ratioVsNodeMin: firstVerdict.vsNode.min,
      ratioVsNodeMax: firstVerdict.vsNode.max,
      nodeMs: median([...runs.a, ...help.a, ...version.a].map((r) => r.ms)),
      firstVerdict,
      exit: pairedStart("bin/payconform.mjs run --provider enkash (to exit)", runs.a, runs.b, (r) => r.ms),
      toReadyMs: median(runs.b.map((r) => r.firstStderrMs ?? r.ms)),
      help: pairedStart("bin/payconform.mjs --help", help.a, help.b, (r) => r.ms),
      version: pairedStart("bin/payconform.mjs --version", version.a, version.b, (r) => r.ms),
      exitCode: runs.b[0].code,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** A, B, A, B, ...: `pairs` of each, one after the other, never two at once. */
async function alternate(pairs: number, a: () => Promise<Finished>, b: () => Promise<Finished>): Promise<{ a: Finished[]; b: Finished[] }> {
  const out = { a: [] as Finished[], b: [] as Finished[] };
  for (let i = 0; i < pairs; i++) {
    out.a.push(await a());
    out.b.push(await b());
  }
  return out;
}

function pairedStart(command: string, node: Finished[], ours: Finished[], ms: (r: Finished) => number): PairedStart {
  const vsNode = paired(ours.map((r, i) => ms(r) / node[i].ms));
  return { command, ms: median(ours.map(ms)), nodeMs: median(node.map((r) => r.ms)), ratioVsNode: vsNode.median, vsNode };
}
