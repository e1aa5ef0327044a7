/**
 * Resolves internal JSON references (`#/...`) in a parsed document, returning a new tree.
 * External references are not used by payconform's specs and are rejected.
 */
import { SpecError } from "../errors.ts";

/** Pointers already split into tokens: checks resolve the same few pointers on every response. */
const tokensCache = new Map<string, readonly string[]>();
const TOKENS_CACHE_LIMIT = 1024;

export function getPointer(doc: unknown, pointer: string): unknown {
  if (pointer === "" || pointer === "#") return doc;
  const parts = pointerTokens(pointer);
  let node: unknown = doc;
  for (const part of parts) {
    if (node === null || typeof node !== "object" || !(part in (node as object))) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

export function escapeToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

function pointerTokens(pointer: string): readonly string[] {
  const hit = tokensCache.get(pointer);
  if (hit) return hit;
  const parts = pointer.replace(/^#/, "").split("/").slice(1).map(unescapeToken);
  if (tokensCache.size >= TOKENS_CACHE_LIMIT) tokensCache.clear();
  tokensCache.set(pointer, parts);
  return parts;
}

function unescapeToken(token: string): string {
  return decodeURIComponent(token).replace(/~1/g, "/").replace(/~0/g, "~");
}

export function deref(doc: unknown, file: string): unknown {
  const walk = (node: unknown, seen: string[]): unknown => {
    if (Array.isArray(node)) return node.map((item) => walk(item, seen));
    if (node === null || typeof node !== "object") return node;
    const obj = node as Record<string, unknown>;
    if (typeof obj.$ref === "string") {
      const ref = obj.$ref;
      if (!ref.startsWith("#")) throw new SpecError(`${file}: external $ref ${ref} is not supported`);
      if (seen.includes(ref)) throw new SpecError(`${file}: circular $ref ${ref}`);
      const target = getPointer(doc, ref);
      if (target === undefined) throw new SpecError(`${file}: $ref ${ref} points at nothing`);
      const { $ref: _ignored, ...siblings } = obj;
      const resolved = walk(target, [...seen, ref]) as Record<string, unknown>;
      return Object.keys(siblings).length ? { ...resolved, ...(walk(siblings, seen) as object) } : resolved;
    }
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(obj)) out[key] = walk(value, seen);
    return out;
  };
  return walk(doc, []);
}
