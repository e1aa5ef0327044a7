/** Command-line parsing. Every mistake becomes a UsageError with a one-line message. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "../errors.ts";
import { HTTP_PROVIDERS, isHttpProvider, type HttpProvider } from "../providers.ts";

export type Flags = Record<string, string | boolean | string[] | undefined>;
type Options = NonNullable<ParseArgsConfig["options"]>;

export function parseFlags(argv: string[], options: Options): Flags {
  try {
    return parseArgs({ args: joinNegativeValues(argv, options), options, strict: true, allowPositionals: false }).values as Flags;
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0].replace(/\. To specify a positional argument.*$/, ""));
  }
}

/**
 * `--seed -1` as `--seed=-1`: node:util takes a value that starts with "-" for another option and
 * answers "argument is ambiguous". A negative number is a value, and its range check then says
 * what is wrong with it.
 */
function joinNegativeValues(argv: string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].startsWith("--") ? argv[i].slice(2) : undefined;
    const next = argv[i + 1];
    if (name !== undefined && options[name]?.type === "string" && next !== undefined && /^-\d/.test(next)) {
      out.push(`${argv[i]}=${next}`);
      i++;
    } else out.push(argv[i]);
  }
  return out;
}

/** An integer flag within [min, max]; undefined when the flag is absent. */
export function parseInteger(value: string | undefined, flag: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
    throw new UsageError(`${flag} must be an integer ${range}, got ${JSON.stringify(value)}`);
  }
  return n;
}

/** `--provider a --provider b,c` → ["a", "b", "c"], each name once, in first-seen order. */
export function listFlag(value: string | boolean | string[] | undefined): string[] | undefined {
  if (value === undefined || typeof value === "boolean") return undefined;
  const names = (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  return [...new Set(names)];
}

/** `--provider` values checked against the HTTP providers; undefined when the flag is absent. */
export function providersFlag(value: string | boolean | string[] | undefined): HttpProvider[] | undefined {
  const providers = listFlag(value);
  if (providers?.length === 0) throw new UsageError(`--provider needs a name (one of ${HTTP_PROVIDERS.join(", ")})`);
  for (const p of providers ?? []) {
    if (!isHttpProvider(p)) throw new UsageError(`unknown provider "${p}" (expected one of ${HTTP_PROVIDERS.join(", ")})`);
  }
  return providers as HttpProvider[] | undefined;
}
