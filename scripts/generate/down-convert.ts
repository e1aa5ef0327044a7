/**
 * OpenAPI 3.1 → 3.0 for openapi-generator 4.3.1, which reads 3.0 only. The converter of
 * @apiture/openapi-down-convert does the bulk; `fixFor30` then repairs what it leaves invalid
 * for 3.0 (Schema Object, OpenAPI 3.0.3 §4.7.24):
 * - a numeric exclusiveMinimum / exclusiveMaximum (3.1) becomes minimum/maximum plus `true`;
 * - a left-over `const` becomes a one-value `enum`;
 * - an `examples` array (a 3.1 schema keyword; 3.0 has only `examples` maps) becomes `example`.
 * Specification extensions (`x-…`) are valid in 3.0 and are kept, untouched.
 */
import { Converter } from "@apiture/openapi-down-convert";
import { SpecError } from "../../src/errors.ts";
import { firstLine } from "./schema-types.ts";

type Obj = Record<string, unknown>;

/** Keys whose values are data (or extensions), never schemas: the walk does not enter them. */
const LITERAL_KEYS = new Set(["example", "examples", "enum", "default", "const"]);

export function isOpenApi31(doc: Obj): boolean {
  return typeof doc.openapi === "string" && doc.openapi.startsWith("3.1");
}

/** Returns a 3.0.3 copy of a 3.1 document (a 3.0 document is returned as a copy, unchanged). */
export function toOpenApi30(doc: Obj, specLabel: string): Obj {
  if (!isOpenApi31(doc)) return structuredClone(doc);
  let converted: Obj;
  try {
    converted = new Converter(structuredClone(doc), { verbose: false }).convert() as Obj;
  } catch (error) {
    throw new SpecError(`${specLabel}: cannot down-convert to OpenAPI 3.0: ${firstLine(error)}`, { cause: error });
  }
  return fixFor30(converted);
}

/** Repairs, in place, the 3.1-only forms listed above; returns the same document. */
export function fixFor30(doc: Obj): Obj {
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (node === null || typeof node !== "object") return;
    const obj = node as Obj;
    fixBound(obj, "exclusiveMinimum", "minimum", Math.max);
    fixBound(obj, "exclusiveMaximum", "maximum", Math.min);
    if ("const" in obj && !("enum" in obj)) {
      obj.enum = [obj.const];
      delete obj.const;
    }
    if (Array.isArray(obj.examples)) {
      if (obj.examples.length > 0 && !("example" in obj)) obj.example = obj.examples[0];
      delete obj.examples;
    }
    for (const [key, value] of Object.entries(obj)) {
      if (!LITERAL_KEYS.has(key) && !key.startsWith("x-")) walk(value);
    }
  };
  walk(doc);
  return doc;
}

/** 3.1 `exclusiveMinimum: 5` → 3.0 `minimum: 5, exclusiveMinimum: true` (the tighter bound wins). */
function fixBound(obj: Obj, exclusive: string, inclusive: string, tighter: (a: number, b: number) => number): void {
  const limit = obj[exclusive];
  if (typeof limit !== "number") return;
  const other = obj[inclusive];
  if (typeof other === "number" && tighter(other, limit) === other && other !== limit) {
    delete obj[exclusive]; // the inclusive bound is already the stricter one
    return;
  }
  obj[inclusive] = limit;
  obj[exclusive] = true;
}
