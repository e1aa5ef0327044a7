/**
 * The kill-rate self-test: the suite must be clean against every reference sandbox, must catch
 * every faulty adapter of the catalogue with the check it declares, and must raise no false
 * alarm on any allowed variant (another choice the documents allow). Returns data; the entry
 * script (scripts/selftest.ts) prints it, writes reports/selftest.json and sets the exit code.
 */
import { join } from "node:path";
import type { CheckId } from "../checks/ids.ts";
import { createLimiter } from "../http/limiter.ts";
import { HTTP_PROVIDERS, type HttpProvider } from "../providers.ts";
import { ALTERNATIVES } from "./alternatives.ts";
import { CATALOGUE } from "./index.ts";
import { runAdapter, runAlternative, runSandbox, type AdapterOutcome, type AlternativeOutcome, type SandboxOutcome } from "./run-target.ts";
import type { AllowedVariant, FaultyAdapter } from "./types.ts";

export interface SelftestOptions {
  /** Adapters run at once. Default: 4. */
  concurrency: number;
  /** Folder for each run's conformance.json (one subfolder per run); none is written when absent. */
  reportDir?: string;
  /** Adapters to run. Default: the whole catalogue. */
  adapters: readonly FaultyAdapter[];
  /** Sandboxes that must be clean. Default: all four HTTP providers. */
  providers: readonly HttpProvider[];
  /** Allowed variants that must raise no false alarm. Default: all of them. */
  alternatives: readonly AllowedVariant[];
}

export interface SelftestResult {
  sandboxes: SandboxOutcome[];
  adapters: AdapterOutcome[];
  alternatives: AlternativeOutcome[];
  sandboxClean: boolean;
  /** Caught adapters over all adapters. */
  killRate: number;
  /** Every allowed variant raised no false alarm. */
  alternativesQuiet: boolean;
  /** Every sandbox clean, every adapter caught, every allowed variant quiet. */
  ok: boolean;
}

/** The shape of reports/selftest.json. */
export interface SelftestJson {
  sandboxClean: boolean;
  adapters: Array<{ name: string; provider: HttpProvider; expectedCheck: CheckId; caught: boolean; firedChecks: CheckId[] }>;
  killRate: number;
  alternatives: Array<{ name: string; provider: HttpProvider; quiet: boolean; firedChecks: CheckId[]; problems: string[] }>;
}

export async function runSelftest(partial: Partial<SelftestOptions> = {}): Promise<SelftestResult> {
  const options: SelftestOptions = { concurrency: 4, adapters: CATALOGUE, providers: HTTP_PROVIDERS, alternatives: ALTERNATIVES, ...partial };
  const dir = (name: string): { reportDir?: string } => (options.reportDir ? { reportDir: join(options.reportDir, name) } : {});
  const limit = createLimiter(Math.max(1, options.concurrency));
  const sandboxes = await Promise.all(options.providers.map((p) => limit(() => runSandbox(p, dir(`sandbox-${p}`)))));
  const adapters = await Promise.all(options.adapters.map((a) => limit(() => runAdapter(a, dir(a.name)))));
  const alternatives = await Promise.all(options.alternatives.map((a) => limit(() => runAlternative(a, dir(a.name)))));
  const sandboxClean = sandboxes.every((s) => s.clean);
  const caught = adapters.filter((a) => a.caught).length;
  const killRate = adapters.length === 0 ? 0 : caught / adapters.length;
  const alternativesQuiet = alternatives.every((a) => a.quiet);
  return { sandboxes, adapters, alternatives, sandboxClean, killRate, alternativesQuiet, ok: sandboxClean && alternativesQuiet && adapters.length > 0 && caught === adapters.length };
}

export function selftestJson(result: SelftestResult): SelftestJson {
  return {
    sandboxClean: result.sandboxClean,
    adapters: result.adapters.map(({ name, provider, expectedCheck, caught, firedChecks }) => ({ name, provider, expectedCheck, caught, firedChecks })),
    killRate: result.killRate,
    alternatives: result.alternatives.map(({ name, provider, quiet, firedChecks, problems }) => ({ name, provider, quiet, firedChecks, problems })),
  };
}

/** The console table: sandboxes first, then one row per adapter, then the kill rate. */
export function renderSelftest(result: SelftestResult): string {
  const lines: string[] = [];
  for (const s of result.sandboxes) {
    lines.push(`sandbox ${s.provider}: ${s.clean ? "clean" : "NOT CLEAN"}`);
    for (const p of s.problems) lines.push(`  ${p}`);
  }
  const rows = result.adapters.map((a) => [a.name, a.expectedCheck, a.caught ? "yes" : "NO", a.firedChecks.join(", ") || "-"]);
  lines.push("", ...table(["adapter", "declared check", "caught", "fired checks"], rows));
  if (result.alternatives.length > 0) {
    const alts = result.alternatives.map((a) => [a.name, a.quiet ? "yes" : "NO", a.firedChecks.join(", ") || "-"]);
    lines.push("", ...table(["allowed variant", "quiet", "warned checks"], alts));
    for (const a of result.alternatives) for (const p of a.problems) lines.push(`  ${a.name}: ${p}`);
  }
  const caught = result.adapters.filter((a) => a.caught).length;
  const quiet = result.alternatives.filter((a) => a.quiet).length;
  lines.push(
    "",
    `kill rate: ${caught}/${result.adapters.length} (${result.killRate.toFixed(2)}); allowed variants quiet: ${quiet}/${result.alternatives.length}; sandboxes ${result.sandboxClean ? "clean" : "NOT clean"}`,
  );
  return `${lines.join("\n")}\n`;
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
}
