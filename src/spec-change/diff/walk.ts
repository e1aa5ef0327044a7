/** Small readers over a dereferenced OpenAPI document, shared by the diff rules. */
import { escapeToken } from "../../spec/deref.ts";

export type Obj = Record<string, unknown>;
export type Path = Array<string | number>;

export const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

export interface OperationView {
  /** "DELETE /customers/{customer_id}" */
  name: string;
  path: Path;
  responses: Obj;
}

export function operations(doc: Obj): OperationView[] {
  const out: OperationView[] = [];
  for (const [template, item] of Object.entries(asObj(doc.paths))) {
    for (const method of METHODS) {
      const op = asObj(asObj(item)[method]);
      if (Object.keys(op).length > 0) out.push({ name: `${method.toUpperCase()} ${template}`, path: ["paths", template, method], responses: asObj(op.responses) });
    }
  }
  return out;
}

/** The operation a node belongs to, or "document" for anything outside `paths`. */
export function operationName(path: Path): string {
  if (path[0] !== "paths" || path.length < 2) return "document";
  if (path.length >= 3 && METHODS.includes(String(path[2]))) return `${String(path[2]).toUpperCase()} ${String(path[1])}`;
  return `* ${String(path[1])}`;
}

export function pointerOf(path: Path): string {
  return path.map((p) => `/${escapeToken(String(p))}`).join("");
}

export function valueAt(doc: unknown, path: Path): unknown {
  let node = doc;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Obj)[key as string];
  }
  return node;
}

export function asObj(value: unknown): Obj {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Obj) : {};
}
