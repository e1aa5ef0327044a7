/**
 * `payconform spec update PROVIDER FILE [--report-dir DIR] [--seed N]`: takes a newly published
 * upstream document for PROVIDER, replaces specs/PROVIDER/upstream.yaml with it, re-applies the
 * overlay, regenerates and type-checks generated/PROVIDER/, re-runs check-pacts and conformance,
 * and writes spec-impact.md and spec-impact.json. Nothing is committed. Returns 0 when nothing is
 * breaking and everything still holds, 1 otherwise.
 */
import { mkdirSync } from "node:fs";
import { relative } from "node:path";
import type { Command } from "commander";
import { UsageError } from "../errors.ts";
import { print } from "../output.ts";
import { PROJECT_ROOT } from "../providers.ts";
import { providerOverlay } from "../spec-change/effective.ts";
import { specUpdate } from "../spec-change/update/index.ts";
import { resolveSpecUpdateOptions } from "../spec-change/update/options.ts";
import { writeImpactReports } from "../spec-change/update/report.ts";
import { parseInteger } from "./args.ts";
import { option, type Invocation } from "./command.ts";

/** The flags as commander parses them; `resolveSpecUpdateOptions` turns them into SpecUpdateOptions. */
interface SpecUpdateFlags {
  reportDir?: string;
  seed?: string;
}

export function configure(command: Command): void {
  command
    .argument("<provider>", "the provider whose upstream document is replaced (yuno, cashfree)")
    .argument("<file>", "the newly published OpenAPI document (YAML or JSON)")
    .addOption(option("--report-dir <dir>", "where spec-impact.md and spec-impact.json go", "reports/"))
    .addOption(option("--seed <n>", "case generation seed of the conformance runs before and after", "1"));
}

export async function action({ options: parsed, args }: Invocation): Promise<number> {
  const flags = parsed as SpecUpdateFlags;
  const [provider, file] = args;
  providerOverlay(provider); // an unknown provider, or one without an overlay, is bad input
  const options = resolveSpecUpdateOptions({
    provider: provider as Parameters<typeof resolveSpecUpdateOptions>[0]["provider"],
    file,
    root: PROJECT_ROOT,
    reportDir: flags.reportDir,
    seed: parseInteger(flags.seed, "--seed", 0),
  });
  try {
    mkdirSync(options.reportDir, { recursive: true });
  } catch (error) {
    throw new UsageError(`cannot create the report folder ${flags.reportDir ?? "reports"}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  const impact = await specUpdate(options, (line) => print(`spec update: ${line}\n`));
  const written = writeImpactReports(options.reportDir, impact);
  const { counts } = impact.diff;
  print(`spec update: ${counts.breaking} breaking, ${counts["non-breaking"]} non-breaking, ${counts.annotation} annotation only; ${impact.generated.files.length} generated file(s) changed\n`);
  for (const problem of impact.problems) print(`  - ${problem}\n`);
  print(`spec update: ${impact.exitCode === 0 ? "everything still holds" : "needs review"}; report: ${relative(process.cwd(), written.markdown)}; nothing was committed\n`);
  return impact.exitCode;
}
