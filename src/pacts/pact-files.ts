/**
 * Pact files on disk: the JSON files of a folder (contracts/ by default) with their consumer and
 * provider names. A file that cannot be read or is not a pact is a UsageError naming it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { UsageError } from "../errors.ts";

export interface PactFile {
  /** Absolute path of the file. */
  file: string;
  consumer: string;
  provider: string;
  /** The parsed document. */
  pact: Record<string, unknown>;
}

export function readPactFile(file: string): PactFile {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read pact file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  let pact: unknown;
  try {
    pact = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not JSON: ${(error as Error).message.split("\n")[0]}`, { cause: error });
  }
  const consumer = nameOf(pact, "consumer");
  const provider = nameOf(pact, "provider");
  if (!isObj(pact) || consumer === undefined || provider === undefined || !Array.isArray(pact.interactions)) {
    throw new UsageError(`${file} is not a pact file (expected consumer.name, provider.name and interactions)`);
  }
  return { file: path, consumer, provider, pact };
}

/** Every `*.json` pact file of a folder, in name order. */
export function listPactFiles(dir: string): PactFile[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith(".json")).sort();
  } catch (error) {
    throw new UsageError(`cannot read pact folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  return names.map((name) => readPactFile(join(dir, name)));
}

function nameOf(pact: unknown, role: "consumer" | "provider"): string | undefined {
  const party = isObj(pact) ? pact[role] : undefined;
  return isObj(party) && typeof party.name === "string" ? party.name : undefined;
}

function isObj(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
