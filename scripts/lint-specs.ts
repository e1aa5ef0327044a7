/**
 * `npm run lint:specs [-- ROOT]`: lints the specs under ROOT (default: this project).
 * Exit codes: 0 all clean or known, 1 unexpected defects or stale known-defect entries,
 * 2 the lint could not run (unreadable or malformed config, bad arguments).
 */
import { PayconformError, UsageError } from "../src/errors.ts";
import { PROJECT_ROOT } from "../src/providers.ts";
import { lintSpecs } from "../src/spec/lint/lint.ts";
import { formatReport } from "../src/spec/lint/report.ts";

function main(args: string[]): number {
  if (args.length > 1 || args.some((arg) => arg.startsWith("-"))) throw new UsageError("usage: lint-specs [ROOT]");
  const report = lintSpecs({ root: args[0] ?? PROJECT_ROOT });
  for (const line of formatReport(report)) {
    if (report.ok) console.log(line);
    else console.error(line);
  }
  return report.ok ? 0 : 1;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof PayconformError) console.error(`spec lint: ${error.message}`);
  else console.error(error);
  process.exitCode = 2;
}
