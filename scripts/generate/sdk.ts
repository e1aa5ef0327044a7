/**
 * generated/<provider>/sdk/: the openapi-generator 4.3.1 typescript-fetch SDK. A 3.1 document is
 * first down-converted to 3.0 into a scratch folder, since 4.3.1 reads 3.0 only.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { HttpProvider } from "../../src/providers.ts";
import { readTree, type FileTree } from "./files.ts";
import { toOpenApi30 } from "./down-convert.ts";
import { runTypescriptFetch } from "./generator-cli.ts";
import { postprocessSdk } from "./sdk-postprocess.ts";

/** Generates the SDK files (paths relative to the sdk folder), using `scratchDir` for temporaries. */
export async function generateSdk(provider: HttpProvider, doc: Record<string, unknown>, specLabel: string, scratchDir: string): Promise<FileTree> {
  const work = join(scratchDir, provider);
  mkdirSync(work, { recursive: true });
  const specFile = join(work, "openapi-3.0.json");
  writeFileSync(specFile, `${JSON.stringify(toOpenApi30(doc, specLabel), null, 2)}\n`);
  const outDir = join(work, "sdk");
  await runTypescriptFetch(specFile, outDir, specLabel);
  return postprocessSdk(readTree(outDir));
}
