/**
 * Everything generated for one provider, as a tree relative to generated/<provider>/:
 * schema.d.ts (openapi-typescript), client.ts (openapi-fetch factory) and sdk/ (typescript-fetch),
 * and what a run would otherwise work out at every start: document.json (the spec read, overlay
 * applied; src/spec/pre-read.ts) and *-validators.ts (its schemas compiled; src/spec/precompiled.ts).
 */
import { isAbsolute, relative } from "node:path";
import { specFile, type HttpProvider } from "../../src/providers.ts";
import { buildSpec, readDocumentAndSources } from "../../src/spec/load.ts";
import { PRE_READ_FILE, renderPreRead } from "../../src/spec/pre-read.ts";
import { nest, type FileTree } from "./files.ts";
import { renderFetchClient } from "./fetch-client.ts";
import { renderSchemaTypes } from "./schema-types.ts";
import { generateSdk } from "./sdk.ts";
import { renderValidators } from "./validators.ts";

/** The provider's spec entry: overlay.yaml (upstream.yaml + overlay) or the hand-written openapi.yaml. */
export function providerSpecFile(specsDir: string, provider: HttpProvider): string {
  return specFile(provider, specsDir);
}

/** A spec path for messages: relative to the working folder when inside it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith("..") || isAbsolute(rel) ? file : rel;
}

export async function generateProvider(provider: HttpProvider, specsDir: string, scratchDir: string): Promise<FileTree> {
  const file = providerSpecFile(specsDir, provider);
  const label = displayPath(file);
  const { document: doc, sources } = readDocumentAndSources(file);
  const spec = buildSpec(provider, file, structuredClone(doc));
  const tree: FileTree = new Map();
  tree.set(PRE_READ_FILE, renderPreRead(doc, sources));
  for (const [path, content] of renderValidators(spec)) tree.set(path, content);
  tree.set("schema.d.ts", await renderSchemaTypes(doc, label));
  tree.set("client.ts", renderFetchClient(spec));
  for (const [path, content] of nest("sdk", await generateSdk(provider, doc, label, scratchDir))) tree.set(path, content);
  return tree;
}
