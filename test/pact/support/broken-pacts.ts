/**
 * Copies of the committed contracts with one deliberate departure each, written to a temporary
 * folder for check-pacts to find.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CONTRACTS_DIR, pactFileName } from "../../../src/pacts/names.ts";

// Pact JSON is edited in place, as loosely as it is written.
type Obj = Record<string, any>;

export interface BrokenPact {
  name: string;
  provider: string;
  /** The interaction to break, by description. */
  description: string;
  edit(interaction: Obj): void;
}

/** Writes the broken pact and returns its path and the broken interaction's index. */
export function writeBrokenPact(dir: string, broken: BrokenPact): { file: string; index: number } {
  const pact = JSON.parse(readFileSync(join(CONTRACTS_DIR, pactFileName(broken.provider)), "utf8")) as Obj;
  const index = (pact.interactions as Obj[]).findIndex((i) => i.description === broken.description);
  if (index < 0) throw new Error(`no interaction "${broken.description}" in the ${broken.provider} contract`);
  broken.edit(pact.interactions[index]);
  const file = join(dir, `${broken.name}.json`);
  writeFileSync(file, JSON.stringify(pact, null, 2));
  return { file, index };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "payconform-broken-pacts-"));
}
