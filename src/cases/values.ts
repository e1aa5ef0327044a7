/**
 * Valid values for parameters: ids that match the documented shape but never existed, and the
 * values of required headers. Derived from the parameter's schema and example.
 */
import type { ParameterSpec } from "../spec/model.ts";
import { generateMatching } from "./regex/index.ts";
import type { Rng } from "./random.ts";

const ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

/**
 * A value of the parameter's documented shape that no target has issued: drawn from the pattern
 * when the doc states one, else the example's prefix (`cst_`, `cust_`) with a random tail. Where
 * payconform assumed the pattern, the example's shape comes first (a target strict about the shape
 * its own doc shows must accept it), as long as it also fits the assumed pattern.
 */
export function neverExistingValue(param: ParameterSpec, rng: Rng): string {
  const pattern = param.schema.pattern;
  if (typeof pattern === "string" && !param.assumed.pattern) return generateMatching(pattern, rng);
  if (param.schema.format === "uuid") return uuidFrom(rng);
  const example = typeof param.example === "string" ? param.example : "";
  const prefix = /^[A-Za-z]+[_-]/.exec(example)?.[0] ?? "pc_";
  const shaped = `${prefix}${rng.string(ALNUM, 16)}`;
  if (typeof pattern !== "string" || new RegExp(pattern, "u").test(shaped)) return shaped;
  return generateMatching(pattern, rng);
}

export function uuidFrom(rng: Rng): string {
  const hex = rng.string("0123456789abcdef", 32).split("");
  hex[12] = "4";
  hex[16] = "89ab"[rng.int(0, 3)];
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/**
 * Whether the doc states what a value of the parameter looks like: a pattern, a format or an enum
 * (not one payconform assumed). An example shows a shape without binding one. Without a stated
 * shape, the never-existing value payconform makes up is a guess at a shape the target accepts.
 */
export function shapeIsDocumented(param: ParameterSpec): boolean {
  if (param.assumed.all) return false;
  const { pattern, format, enum: values } = param.schema;
  const stated = (keyword: string, value: unknown): boolean => value !== undefined && !param.assumed[keyword];
  return stated("pattern", pattern) || stated("format", format) || stated("enum", values);
}

/** A value that breaks a header's documented constraints (length, format), or undefined if it has none. */
export function malformedHeaderValue(param: ParameterSpec, rng: Rng): { label: string; value: string } | undefined {
  const { minLength, maxLength, format } = param.schema;
  if (format === "uuid") return { label: "not-a-uuid", value: `${uuidFrom(rng).slice(0, 35)}z` };
  if (typeof minLength === "number" && minLength > 1) return { label: "too-short", value: "x".repeat(minLength - 1) };
  if (typeof maxLength === "number") return { label: "too-long", value: "x".repeat(maxLength + 1) };
  return undefined;
}

/** Switches meant for operators (`force=true`) that handlers read from the query to skip a check. */
export const OVERRIDE_FLAGS: Readonly<Record<string, string>> = { force: "true", admin: "true", debug: "true", internal: "true" };

/** `text` with the first character `which` matches written as its percent-escape (`%63` for `c`): the same text once percent-decoded. */
export function percentEncodedFirst(text: string, which: RegExp = /[A-Za-z0-9]/): string {
  return text.replace(which, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/** `text` with its first ASCII letter or digit as its fullwidth form (`Ｃ` for `C`), which NFKC normalisation folds back. */
export function fullwidthFirst(text: string): string {
  return text.replace(/[A-Za-z0-9]/, (c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0));
}
