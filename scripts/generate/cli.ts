/**
 * The command line of scripts/generate.ts, as an importable function that returns the exit code:
 * 0 done / in sync, 1 stale files found (--check), 2 bad input. It never exits the process.
 *
 *   generate [--check] [--provider a,b] [--specs DIR] [--out DIR]
 */
import { relative, resolve } from "node:path";
import { PayconformError, UsageError } from "../../src/errors.ts";
import { parseProviders, resolveOptions, type GenerateOptions } from "./options.ts";
import { checkGenerated, formatStale, generate } from "./run.ts";

const USAGE = "usage: generate [--check] [--provider a,b] [--specs DIR] [--out DIR]";

export function parseArgs(argv: readonly string[]): { check: boolean; options: GenerateOptions } {
  let check = false;
  const partial: Partial<GenerateOptions> = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "") throw new UsageError(`${flag} needs a value (${USAGE})`);
      return v;
    };
    if (flag === "--check") check = true;
    else if (flag === "--provider") partial.providers = parseProviders(value());
    else if (flag === "--specs") partial.specsDir = resolve(value());
    else if (flag === "--out") partial.outDir = resolve(value());
    else throw new UsageError(`unknown argument "${argv[i]}" (${USAGE})`);
  }
  return { check, options: resolveOptions(partial) };
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const { check, options } = parseArgs(argv);
    const outLabel = relative(process.cwd(), options.outDir) || ".";
    const scope = options.providers.join(", ");
    if (!check) {
      const tree = await generate(options);
      console.log(`generate: wrote ${tree.size} files to ${outLabel}/ (${scope})`);
      return 0;
    }
    const stale = await checkGenerated(options);
    if (stale.length === 0) {
      console.log(`generate:check: ${outLabel}/ is in sync with the specs (${scope})`);
      return 0;
    }
    for (const line of formatStale(stale, outLabel)) console.log(line);
    console.log(`generate:check: ${stale.length} stale file(s); run \`npm run generate\` and commit the result`);
    return 1;
  } catch (error) {
    if (!(error instanceof PayconformError)) throw error;
    console.error(`generate: ${error.message}`);
    return 2;
  }
}
