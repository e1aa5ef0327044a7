/**
 * Step 5 of `spec update`: the provider's pacts against the spec, before and after. A finding
 * that only the new spec produces names an interaction that no longer holds.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { checkPacts, type PactFinding } from "../../pacts/check/index.ts";
import { readPactFile } from "../../pacts/pact-files.ts";
import type { HttpProvider } from "../../providers.ts";

export interface PactImpact {
  /** Pact files checked, relative to the root. */
  files: string[];
  /** Findings the new spec produces that the old one did not. */
  broken: Array<Omit<PactFinding, "file"> & { file: string }>;
}

export function providerPactFiles(root: string, provider: HttpProvider): string[] {
  const dir = join(root, "contracts");
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(".json")).sort();
  } catch {
    return [];
  }
  return names.map((n) => join(dir, n)).filter((file) => readPactFile(file).provider === provider);
}

export function pactFindings(files: readonly string[]): PactFinding[] {
  return files.length === 0 ? [] : checkPacts(files);
}

export function comparePactFindings(root: string, files: readonly string[], before: readonly PactFinding[], after: readonly PactFinding[]): PactImpact {
  const key = (f: PactFinding) => `${f.file}\n${f.path}\n${f.check}\n${f.message}`;
  const old = new Set(before.map(key));
  const rel = (file: string) => file.startsWith(root) ? file.slice(root.length).replace(/^[\\/]/, "") : file;
  return {
    files: files.map(rel),
    broken: after.filter((f) => !old.has(key(f))).map((f) => ({ ...f, file: rel(f.file) })),
  };
}
