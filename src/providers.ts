import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

/** The four HTTP providers payconform has contracts for. */
export const HTTP_PROVIDERS = ["juspay", "yuno", "cashfree", "enkash"] as const;
export type HttpProvider = (typeof HTTP_PROVIDERS)[number];

export function isHttpProvider(value: string): value is HttpProvider {
  return (HTTP_PROVIDERS as readonly string[]).includes(value);
}

/** The repository root (the folder holding specs/, generated/, contracts/). */
export const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));

export const SPECS_DIR = join(PROJECT_ROOT, "specs");

/** Path of a provider's spec under `specsDir` (default specs/): see `specEntry`. */
export function specFile(provider: HttpProvider, specsDir = SPECS_DIR): string {
  return specEntry(join(specsDir, provider));
}

/**
 * The document that gives a spec folder's effective spec: `overlay.yaml` where the provider
 * publishes OpenAPI (the overlay extends the verbatim `upstream.yaml` beside it), otherwise the
 * hand-written `openapi.yaml`.
 */
export function specEntry(dir: string): string {
  const overlay = join(dir, "overlay.yaml");
  return existsSync(overlay) ? overlay : join(dir, "openapi.yaml");
}
