/**
 * A generated tree as data: relative path (always with "/") to file content. Reading, writing
 * and comparing trees lives here so generation and the drift check share one notion of "file".
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";

export type FileTree = Map<string, string>;

export type StaleState = "changed" | "missing" | "extra";

export interface StaleFile {
  /** Path relative to the output folder, e.g. "yuno/schema.d.ts". */
  path: string;
  /** changed: content differs; missing: should exist but does not; extra: exists but should not. */
  state: StaleState;
}

/** Every file under `dir` (recursively, dotfiles included); an absent folder is an empty tree. */
export function readTree(dir: string): FileTree {
  const tree: FileTree = new Map();
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return tree;
    throw error;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    tree.set(relative(dir, full).split(sep).join("/"), readFileSync(full, "utf8"));
  }
  return tree;
}

export function writeTree(dir: string, tree: FileTree): void {
  for (const [path, content] of [...tree].sort(([a], [b]) => a.localeCompare(b))) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

/** Prefixes every path of a tree with `prefix/`. */
export function nest(prefix: string, tree: FileTree): FileTree {
  return new Map([...tree].map(([path, content]) => [`${prefix}/${path}`, content]));
}

/** Files whose content differs between what should be (`want`) and what is (`have`), sorted by path. */
export function compareTrees(want: FileTree, have: FileTree): StaleFile[] {
  const stale: StaleFile[] = [];
  for (const [path, content] of want) {
    if (!have.has(path)) stale.push({ path, state: "missing" });
    else if (have.get(path) !== content) stale.push({ path, state: "changed" });
  }
  for (const path of have.keys()) if (!want.has(path)) stale.push({ path, state: "extra" });
  return stale.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Keeps the files under any of the given top-level folders. */
export function filterTree(tree: FileTree, folders: readonly string[]): FileTree {
  return new Map([...tree].filter(([path]) => folders.some((f) => path.startsWith(`${f}/`))));
}
