/**
 * The effective document of each bundled spec, read ahead of time: `npm run generate` writes
 * generated/<provider>/document.json (the YAML parsed, the overlay applied) with a SHA-256 of
 * every file it was read from. A run takes that copy instead of parsing YAML only while every
 * source file still has its hash; an edited spec (or `spec update`) is read from the YAML again,
 * until `npm run generate` refreshes the copy (`npm run generate:check` reports it stale).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { PROJECT_ROOT, specFile, type HttpProvider } from "../providers.ts";

type Obj = Record<string, unknown>;

export interface PreReadDocument {
  /** Each source file, relative to the spec's folder (specs/<provider>/) with `/`, and the SHA-256 of its bytes. */
  sources: Record<string, string>;
  document: Obj;
}

export const PRE_READ_FILE = "document.json";

/** The JSON text of generated/<provider>/document.json for `document`, read from `sources` (the spec file first). */
export function renderPreRead(document: Obj, sources: readonly string[]): string {
  const folder = dirname(sources[0]);
  const hashes: Record<string, string> = {};
  for (const file of sources) hashes[relative(folder, file).split(sep).join("/")] = sha256(readFileSync(file));
  const content: PreReadDocument = { sources: hashes, document };
  return `${JSON.stringify(content, null, 1)}\n`;
}

/** The pre-read document of `provider` when it is there and of the spec files as they are now; otherwise undefined. */
export function preReadDocument(provider: HttpProvider): Obj | undefined {
  return readPreRead(join(PROJECT_ROOT, "generated", provider, PRE_READ_FILE), dirname(specFile(provider)));
}

/** The document in the pre-read `file` when every source it names, in `folder`, still has its hash; otherwise undefined. */
export function readPreRead(file: string, folder: string): Obj | undefined {
  let content: PreReadDocument;
  try {
    content = JSON.parse(readFileSync(file, "utf8")) as PreReadDocument;
  } catch {
    return undefined;
  }
  const sources = Object.entries(content.sources ?? {});
  if (sources.length === 0) return undefined;
  for (const [file, hash] of sources) {
    try {
      if (sha256(readFileSync(join(folder, file))) !== hash) return undefined;
    } catch {
      return undefined;
    }
  }
  return content.document;
}

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}
