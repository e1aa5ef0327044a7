/**
 * Everything generated for one provider, as a tree relative to generated/<provider>/:
 * schema.d.ts (openapi-typescript), client.ts (openapi-fetch factory) and sdk/ (typescript-fetch).
 */
import { isAbsolute, relative } from "node:path";
import { specFile, type HttpProvider } from "../../src/providers.ts";
import { buildSpec, readDocument } from "../../src/spec/load.ts";
import { nest, type FileTree } from "./files.ts";
import { renderFetchClient } from "./fetch-client.ts";
import { renderSchemaTypes } from "./schema-types.ts";
import { generateSdk } from "./sdk.ts";

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
  const doc = readDocument(file);
  const spec = buildSpec(provider, file, structuredClone(doc));
  const tree: FileTree = new Map();
  tree.set("schema.d.ts", await renderSchemaTypes(doc, label));
  tree.set("client.ts", renderFetchClient(spec));
  for (const [path, content] of nest("sdk", await generateSdk(provider, doc, label, scratchDir))) tree.set(path, content);
  return tree;
}
