/**
 * The one options object of the code generator, with every default written out. `npm run
 * generate` uses the defaults; tests pass a copied specs folder, a temporary output folder or a
 * single provider.
 */
import { join } from "node:path";
import { UsageError } from "../../src/errors.ts";
import { HTTP_PROVIDERS, PROJECT_ROOT, SPECS_DIR, isHttpProvider, type HttpProvider } from "../../src/providers.ts";

export interface GenerateOptions {
  /** Folder holding `<provider>/openapi.yaml` or `<provider>/overlay.yaml` + `upstream.yaml`. Default: the repository's specs/. */
  specsDir: string;
  /** Folder the generated code goes to. Default: the repository's generated/. */
  outDir: string;
  /** Providers to generate (or check). Default: all four HTTP providers. */
  providers: readonly HttpProvider[];
  /** How many providers are generated at once (each runs one Java process). Default: 2. */
  concurrency: number;
}

export const GENERATED_DIR = join(PROJECT_ROOT, "generated");

export function resolveOptions(partial: Partial<GenerateOptions> = {}): GenerateOptions {
  return {
    specsDir: partial.specsDir ?? SPECS_DIR,
    outDir: partial.outDir ?? GENERATED_DIR,
    providers: partial.providers ?? HTTP_PROVIDERS,
    concurrency: partial.concurrency ?? 2,
  };
}

/** True when the options cover every provider, so the whole output folder is owned by this run. */
export function coversAllProviders(options: GenerateOptions): boolean {
  return HTTP_PROVIDERS.every((p) => options.providers.includes(p));
}

/** Parses a comma-separated provider list such as "yuno,cashfree". */
export function parseProviders(list: string): HttpProvider[] {
  const names = list.split(",").map((s) => s.trim()).filter(Boolean);
  for (const name of names) {
    if (!isHttpProvider(name)) throw new UsageError(`unknown provider "${name}" (expected one of ${HTTP_PROVIDERS.join(", ")})`);
  }
  if (names.length === 0) throw new UsageError("--provider needs at least one provider name");
  return names as HttpProvider[];
}
