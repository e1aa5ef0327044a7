/**
 * A spec lint finding. Findings are data: the lint collects every one of them and the CLI decides
 * what they mean for the exit code.
 */
import { escapeToken } from "../deref.ts";

export interface Violation {
  /** Path of the file, relative to the project root, with forward slashes. */
  file: string;
  /** JSON pointer (RFC 6901) into the file's parsed content; "" for the whole file. */
  pointer: string;
  message: string;
}

/** The one-line form the CLI prints: `file#pointer: message`. */
export function formatViolation(v: Violation): string {
  return `${v.file}#${v.pointer}: ${v.message}`;
}

/** Appends reference tokens to a JSON pointer, escaping `~` and `/`. */
export function childPointer(pointer: string, ...tokens: Array<string | number>): string {
  return pointer + tokens.map((t) => `/${escapeToken(String(t))}`).join("");
}

/** A JSON pointer as a URI fragment, for resolving it with Ajv (`base#fragment`). */
export function pointerFragment(pointer: string): string {
  return pointer
    .split("/")
    .map((token) => encodeURIComponent(token).replace(/%7E/gi, "~"))
    .join("/");
}

/** The value at a JSON pointer (RFC 6901, not URI-encoded), or undefined when there is none. */
export function atPointer(doc: unknown, pointer: string): unknown {
  if (pointer === "") return doc;
  let node = doc;
  for (const raw of pointer.split("/").slice(1)) {
    const token = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/** The JSON pointer a local reference (`#/...`) names, or undefined for any other reference. */
export function refPointer(ref: unknown): string | undefined {
  if (typeof ref !== "string" || !ref.startsWith("#")) return undefined;
  try {
    return decodeURIComponent(ref.slice(1));
  } catch {
    return ref.slice(1);
  }
}

/** The violations without repeats (same file, pointer and message), in their first order. */
export function uniqueViolations(violations: Violation[]): Violation[] {
  const seen = new Set<string>();
  const out: Violation[] = [];
  for (const v of violations) {
    const key = JSON.stringify([v.file, v.pointer, v.message]);
    if (!seen.has(key)) out.push(v);
    seen.add(key);
  }
  return out;
}
