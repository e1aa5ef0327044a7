/** The one options object of `spec update`, with every default written out, built in one place. */
import { resolve } from "node:path";
import type { HttpProvider } from "../../providers.ts";

export interface SpecUpdateOptions {
  /** The provider whose upstream document is replaced (one that keeps upstream.yaml + overlay.yaml). */
  provider: HttpProvider;
  /** The newly published OpenAPI document (YAML or JSON). */
  file: string;
  /** The project root: specs/, generated/, contracts/ and the TypeScript config live under it. Default: this project. */
  root: string;
  /** Where spec-impact.md and spec-impact.json go. Default: reports/ (relative to the working folder). */
  reportDir: string;
  /** Case generation seed of the conformance runs before and after. Default: 1. */
  seed: number;
  /** Longest a child process (the generator, the type checker) may run. Default: 10 minutes. */
  stepTimeoutMs: number;
}

export function resolveSpecUpdateOptions(partial: Pick<SpecUpdateOptions, "provider" | "file" | "root"> & Partial<SpecUpdateOptions>): SpecUpdateOptions {
  return {
    provider: partial.provider,
    file: resolve(partial.file),
    root: partial.root,
    reportDir: resolve(partial.reportDir ?? "reports"),
    seed: partial.seed ?? 1,
    stepTimeoutMs: partial.stepTimeoutMs ?? 10 * 60_000,
  };
}
