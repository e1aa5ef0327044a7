/**
 * Runs the conformance suite in-process against a started target (a reference sandbox or a
 * faulty adapter) and judges the outcome: an adapter is caught when its declared check has a
 * failed or errored result; a sandbox is clean when nothing failed, errored or warned.
 */
import { join } from "node:path";
import { tmpdir } from "node:os";
import { CHECK_IDS, type CheckId } from "../checks/ids.ts";
import type { HttpProvider } from "../providers.ts";
import { jsonReporter } from "../reporters/json.ts";
import { memoryReporter } from "../reporters/memory.ts";
import type { Reporter, Result } from "../runner/events.ts";
import { resolveRunOptions, type RunOptions } from "../runner/options.ts";
import { run } from "../runner/run.ts";
import type { SandboxHandle } from "../sandboxes/types.ts";
import { startCatalogueSandbox, type AllowedVariant, type FaultyAdapter } from "./types.ts";

export interface TargetRunOptions {
  /** Folder for this run's conformance.json; none is written when absent. */
  reportDir?: string;
}

export interface AdapterOutcome {
  name: string;
  provider: HttpProvider;
  expectedCheck: CheckId;
  caught: boolean;
  /** Checks with a failed, errored or warning result, in report order. */
  firedChecks: CheckId[];
}

export interface SandboxOutcome {
  provider: HttpProvider;
  clean: boolean;
  /** "check case: outcome" for every failed, errored or warning result (and a note when nothing ran). */
  problems: string[];
}

export interface AlternativeOutcome {
  name: string;
  provider: HttpProvider;
  /** Nothing failed or errored, and only the checks it may warn did. */
  quiet: boolean;
  /** "check case: outcome" for every result that broke the rule. */
  problems: string[];
  firedChecks: CheckId[];
}

const FIRING = new Set(["failed", "errored", "warning"]);

/** Runs every check of the handle's provider against it; the handle stays open. */
export async function runAgainst(handle: SandboxHandle, overrides: Partial<RunOptions> = {}, options: TargetRunOptions = {}): Promise<Result[]> {
  const memory = memoryReporter();
  const reporters: Reporter[] = [memory];
  if (options.reportDir) reporters.push(jsonReporter(options.reportDir));
  const runOptions = resolveRunOptions({
    ...overrides,
    providers: [handle.provider],
    target: handle.baseUrl,
    stateUrl: handle.stateUrl,
    env: handle.credentials,
    reportDir: options.reportDir ?? join(tmpdir(), "payconform-catalogue"),
  });
  await run(runOptions, reporters);
  return memory.results;
}

export function firedChecks(results: readonly Result[]): CheckId[] {
  const fired = new Set(results.filter((r) => FIRING.has(r.outcome)).map((r) => r.check));
  return CHECK_IDS.filter((id) => fired.has(id));
}

export function isCaught(results: readonly Result[], check: CheckId): boolean {
  return results.some((r) => r.check === check && (r.outcome === "failed" || r.outcome === "errored"));
}

/** Starts the adapter, runs the suite against it with its run options, and closes it. */
export async function runAdapter(adapter: FaultyAdapter, options: TargetRunOptions = {}): Promise<AdapterOutcome> {
  const handle = await adapter.start();
  try {
    const results = await runAgainst(handle, adapter.runOptions, options);
    const { name, provider, expectedCheck } = adapter;
    return { name, provider, expectedCheck, caught: isCaught(results, expectedCheck), firedChecks: firedChecks(results) };
  } finally {
    await handle.close();
  }
}

/** Runs the suite against a provider's reference sandbox, reached the same way as an adapter. */
export async function runSandbox(provider: HttpProvider, options: TargetRunOptions = {}): Promise<SandboxOutcome> {
  const handle = await startCatalogueSandbox(provider);
  try {
    const results = await runAgainst(handle, {}, options);
    const problems = results.filter((r) => FIRING.has(r.outcome)).map((r) => `${r.check} ${r.case}: ${r.outcome} (${r.message})`);
    if (results.length === 0) problems.push("no result at all");
    return { provider, clean: problems.length === 0, problems };
  } finally {
    await handle.close();
  }
}

/** Starts an allowed variant, runs the suite against it, and judges that it raised no false alarm. */
export async function runAlternative(alternative: AllowedVariant, options: TargetRunOptions = {}): Promise<AlternativeOutcome> {
  const handle = await alternative.start();
  try {
    const results = await runAgainst(handle, {}, options);
    const may = new Set<Result["check"]>(alternative.mayWarn);
    const problems = results
      .filter((r) => r.outcome === "failed" || r.outcome === "errored" || (r.outcome === "warning" && !may.has(r.check)))
      .map((r) => `${r.check} ${r.case}: ${r.outcome} (${r.message})`);
    if (results.length === 0) problems.push("no result at all");
    return { name: alternative.name, provider: alternative.provider, quiet: problems.length === 0, problems, firedChecks: firedChecks(results) };
  } finally {
    await handle.close();
  }
}
