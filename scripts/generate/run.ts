/**
 * The two things `scripts/generate.ts` does: rebuild generated/ from specs/, and check that the
 * committed generated/ is what the specs produce today.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compareTrees, filterTree, nest, readTree, writeTree, type FileTree, type StaleFile } from "./files.ts";
import { coversAllProviders, resolveOptions, type GenerateOptions } from "./options.ts";
import { generateProvider } from "./provider.ts";

/** Builds every selected provider's tree in memory, keyed "<provider>/<path>". */
export async function buildTree(options: GenerateOptions): Promise<FileTree> {
  const scratch = mkdtempSync(join(tmpdir(), "payconform-generate-"));
  try {
    const queue = [...options.providers];
    const tree: FileTree = new Map();
    const worker = async (): Promise<void> => {
      for (let provider = queue.shift(); provider; provider = queue.shift()) {
        try {
          for (const [path, content] of nest(provider, await generateProvider(provider, options.specsDir, scratch))) tree.set(path, content);
        } catch (error) {
          queue.length = 0; // no new provider starts after a failure
          throw error;
        }
      }
    };
    // Every worker settles before the scratch folder goes, so no generator writes into it late.
    const results = await Promise.allSettled(Array.from({ length: Math.max(1, options.concurrency) }, worker));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw failed.reason;
    return new Map([...tree].sort(([a], [b]) => (a < b ? -1 : 1)));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Deletes and rewrites the selected providers' folders (the whole output folder when all are selected). */
export async function generate(partial: Partial<GenerateOptions> = {}): Promise<FileTree> {
  const options = resolveOptions(partial);
  const tree = await buildTree(options);
  if (coversAllProviders(options)) rmSync(options.outDir, { recursive: true, force: true });
  else for (const provider of options.providers) rmSync(join(options.outDir, provider), { recursive: true, force: true });
  writeTree(options.outDir, tree);
  return tree;
}

/**
 * Regenerates into a temporary folder and compares it with `outDir`. Returns the stale files
 * (an empty list when in sync). With a provider subset, only those providers' folders are compared.
 */
export async function checkGenerated(partial: Partial<GenerateOptions> = {}): Promise<StaleFile[]> {
  const options = resolveOptions(partial);
  const fresh = mkdtempSync(join(tmpdir(), "payconform-generate-check-"));
  try {
    await generate({ ...options, outDir: fresh });
    const folders = coversAllProviders(options) ? undefined : options.providers;
    const want = readTree(fresh);
    const have = readTree(options.outDir);
    return compareTrees(want, folders ? filterTree(have, folders) : have);
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}

/** One line per stale file, e.g. `stale: generated/yuno/schema.d.ts (changed)`. */
export function formatStale(stale: readonly StaleFile[], outLabel = "generated"): string[] {
  return stale.map((s) => `stale: ${outLabel}/${s.path} (${s.state})`);
}
