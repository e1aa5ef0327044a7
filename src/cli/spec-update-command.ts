/**
 * `payconform spec update PROVIDER FILE [--report-dir DIR] [--seed N]`: takes a newly published
 * upstream document for PROVIDER, replaces specs/PROVIDER/upstream.yaml with it, re-applies the
 * overlay, regenerates and type-checks generated/PROVIDER/, re-runs check-pacts and conformance,
 * and writes spec-impact.md and spec-impact.json. Nothing is committed. Returns 0 when nothing is
 * breaking and everything still holds, 1 otherwise.
 */
import { mkdirSync } from "node:fs";
import { relative } from "node:path";
import { parseArgs } from "node:util";
import { UsageError } from "../errors.ts";
import { PROJECT_ROOT } from "../providers.ts";
import { providerOverlay } from "../spec-change/effective.ts";
import { specUpdate } from "../spec-change/update/index.ts";
import { resolveSpecUpdateOptions } from "../spec-change/update/options.ts";
import { writeImpactReports } from "../spec-change/update/report.ts";
import { parseInteger } from "./args.ts";

const USAGE = "usage: payconform spec update PROVIDER FILE [--report-dir DIR] [--seed N]";

export async function specUpdateCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { "report-dir": { type: "string" }, seed: { type: "string" } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split("\n")[0]} (${USAGE})`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 2) throw new UsageError(`spec update takes PROVIDER and FILE, got ${positionals.length} argument(s) (${USAGE})`);
  const [provider, file] = positionals;
  providerOverlay(provider); // an unknown provider, or one without an overlay, is bad input
  const options = resolveSpecUpdateOptions({
    provider: provider as Parameters<typeof resolveSpecUpdateOptions>[0]["provider"],
    file,
    root: PROJECT_ROOT,
    reportDir: values["report-dir"],
    seed: parseInteger(values.seed, "--seed", 0),
  });
  try {
    mkdirSync(options.reportDir, { recursive: true });
  } catch (error) {
    throw new UsageError(`cannot create the report folder ${values["report-dir"] ?? "reports"}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  const impact = await specUpdate(options, (line) => process.stdout.write(`spec update: ${line}\n`));
  const written = writeImpactReports(options.reportDir, impact);
  const { counts } = impact.diff;
  process.stdout.write(`spec update: ${counts.breaking} breaking, ${counts["non-breaking"]} non-breaking, ${counts.annotation} annotation only; ${impact.generated.files.length} generated file(s) changed\n`);
  for (const problem of impact.problems) process.stdout.write(`  - ${problem}\n`);
  process.stdout.write(`spec update: ${impact.exitCode === 0 ? "everything still holds" : "needs review"}; report: ${relative(process.cwd(), written.markdown)}; nothing was committed\n`);
  return impact.exitCode;
}
