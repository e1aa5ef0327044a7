/**
 * Checks of flag values, after commander has parsed them. Every mistake becomes a UsageError with
 * a one-line message.
 */
import { UsageError } from "../errors.ts";
import { HTTP_PROVIDERS, isHttpProvider, type HttpProvider } from "../providers.ts";

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

const PER: Record<string, number> = { s: 1, m: 60, h: 3600 };

/** `10`, `10/s`, `100/m`, `500/h` (a positive number, decimals allowed) → requests per second. */
export function parseRate(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)(?:\/([smh]))?$/.exec(value.trim());
  const perSecond = match ? Number(match[1]) / PER[match[2] ?? "s"] : Number.NaN;
  if (!(perSecond >= min && perSecond <= max)) {
    throw new UsageError(`${flag} must be a rate such as 10, 10/s, 100/m or 500/h, from 1/h to ${max}/s, got ${JSON.stringify(value)}`);
  }
  return perSecond;
}

/** `--provider a --provider b,c` → ["a", "b", "c"], each name once, in first-seen order. */
export function listFlag(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const names = (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  return [...new Set(names)];
}

/** `--provider` values checked against the HTTP providers; undefined when the flag is absent. */
export function providersFlag(value: string | string[] | undefined): HttpProvider[] | undefined {
  const providers = listFlag(value);
  if (providers?.length === 0) throw new UsageError(`--provider needs a name (one of ${HTTP_PROVIDERS.join(", ")})`);
  for (const p of providers ?? []) {
    if (!isHttpProvider(p)) throw new UsageError(`unknown provider "${p}" (expected one of ${HTTP_PROVIDERS.join(", ")})`);
  }
  return providers as HttpProvider[] | undefined;
}
