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

/** Path of a provider's OpenAPI document. */
export function specFile(provider: HttpProvider): string {
  return join(SPECS_DIR, provider, "openapi.yaml");
}
