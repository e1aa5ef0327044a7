/**
 * Pact folders as data for `npm run contracts` and `contracts:check`: the pact files of a folder,
 * their normalised form (without the version metadata of the Pact JS and Pact Rust that wrote
 * them, which changes with no change to any interaction), and the stale files between two folders.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export type PactTree = Map<string, string>;

export interface StalePact {
  file: string;
  /** changed: the interactions differ; missing: not committed; extra: committed but no longer produced. */
  state: "changed" | "missing" | "extra";
}

/** Every `*.json` file of a folder by name; an absent folder is empty. */
export function readPacts(dir: string): PactTree {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith(".json"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Map();
    throw error;
  }
  return new Map(names.sort().map((name) => [name, readFileSync(join(dir, name), "utf8")]));
}

/** Canonical JSON of a pact without its tool-version metadata; unparsable text stays as it is. */
export function normalisePact(text: string): string {
  let pact: unknown;
  try {
    pact = JSON.parse(text);
  } catch {
    return text;
  }
  if (isObj(pact) && isObj(pact.metadata)) {
    const { "pact-js": _js, pactRust: _rust, ...metadata } = pact.metadata;
    pact = { ...pact, metadata };
  }
  return canonical(pact);
}

export function comparePacts(want: PactTree, have: PactTree): StalePact[] {
  const stale: StalePact[] = [];
  for (const [file, text] of want) {
    const committed = have.get(file);
    if (committed === undefined) stale.push({ file, state: "missing" });
    else if (normalisePact(committed) !== normalisePact(text)) stale.push({ file, state: "changed" });
  }
  for (const file of have.keys()) if (!want.has(file)) stale.push({ file, state: "extra" });
  return stale.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isObj(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function isObj(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
