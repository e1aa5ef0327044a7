/**
 * Steps 3 and 4 of `spec update`: regenerate the provider's generated/ folder with the project's
 * own generator (`npm run generate -- --provider P`), list the files that changed, and type-check
 * the regenerated clients together with the consumer Pact tests that drive them.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, sep } from "node:path";
import type { HttpProvider } from "../../providers.ts";
import { runProcess, tail } from "./processes.ts";

export interface FileChange {
  /** Path relative to the project root, e.g. generated/yuno/schema.d.ts. */
  path: string;
  state: "changed" | "added" | "removed";
}

export interface StepOutcome {
  ok: boolean;
  /** One line: what happened. */
  summary: string;
  /** Output lines worth reading when it failed (compiler errors, the generator's last lines). */
  details: string[];
}

/** Content hashes of every file under `dir`, keyed by project-relative path. */
export function snapshot(root: string, dir: string): Map<string, string> {
  const out = new Map<string, string>();
  let entries;
  try {
    entries = readdirSync(join(root, dir), { recursive: true, withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    out.set(relative(root, full).split(sep).join("/"), createHash("sha256").update(readFileSync(full)).digest("hex"));
  }
  return out;
}

export function compareSnapshots(before: Map<string, string>, after: Map<string, string>): FileChange[] {
  const changes: FileChange[] = [];
  for (const [path, hash] of after) {
    if (!before.has(path)) changes.push({ path, state: "added" });
    else if (before.get(path) !== hash) changes.push({ path, state: "changed" });
  }
  for (const path of before.keys()) if (!after.has(path)) changes.push({ path, state: "removed" });
  return changes.sort((a, b) => a.path.localeCompare(b.path));
}

export async function regenerate(root: string, provider: HttpProvider, timeoutMs: number): Promise<StepOutcome> {
  const result = await runProcess("npm", ["run", "--silent", "generate", "--", "--provider", provider], root, timeoutMs);
  if (result.code === 0) return { ok: true, summary: `generated/${provider}/ regenerated`, details: [] };
  const why = result.startError ? `could not start npm: ${result.startError}` : result.timedOut ? `timed out after ${timeoutMs} ms` : `exit ${result.code}`;
  return { ok: false, summary: `npm run generate failed (${why})`, details: tail(result.output) };
}

/**
 * `tsc --noEmit` over generated/<provider>/ and the provider's consumer Pact test, with the
 * project's compiler settings (a temporary tsconfig in .tmp/ extends tsconfig.json).
 */
export async function typecheck(root: string, provider: HttpProvider, timeoutMs: number): Promise<StepOutcome> {
  const dir = join(root, ".tmp", `spec-update-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const config = join(dir, "tsconfig.json");
  const include = [join(root, "generated", provider), join(root, "test", "pact", "consumer", `${provider}.test.ts`)];
  writeFileSync(config, JSON.stringify({ extends: join(root, "tsconfig.json"), include, compilerOptions: { noEmit: true } }, null, 2));
  try {
    const tsc = createRequire(join(root, "package.json")).resolve("typescript/bin/tsc");
    const result = await runProcess(process.execPath, [tsc, "-p", config, "--pretty", "false"], root, timeoutMs);
    if (result.code === 0) return { ok: true, summary: `generated/${provider}/ and test/pact/consumer/${provider}.test.ts type-check`, details: [] };
    const errors = result.output.split("\n").filter((l) => /error TS\d+/.test(l)).map((l) => l.replace(`${root}${sep}`, "").trim());
    const why = result.startError ?? (result.timedOut ? `timed out after ${timeoutMs} ms` : `${errors.length} error(s)`);
    return { ok: false, summary: `type check failed: ${why}`, details: errors.length > 0 ? errors.slice(0, 20) : tail(result.output) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
