/** Command-line parsing. Every mistake becomes a UsageError with a one-line message. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "../errors.ts";

export type Flags = Record<string, string | boolean | string[] | undefined>;

export function parseFlags(argv: string[], options: NonNullable<ParseArgsConfig["options"]>): Flags {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values as Flags;
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0].replace(/\. To specify a positional argument.*$/, ""));
  }
}

export function parseInteger(value: string | undefined, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`${flag} must be an integer >= ${min}, got ${JSON.stringify(value)}`);
  }
  return Number(value);
}

/** `--provider a --provider b,c` → ["a", "b", "c"]. */
export function listFlag(value: string | boolean | string[] | undefined): string[] | undefined {
  if (value === undefined || typeof value === "boolean") return undefined;
  return (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
}
