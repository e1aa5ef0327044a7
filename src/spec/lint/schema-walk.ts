/**
 * Visits every subschema of a JSON Schema (draft 2020-12, which also covers the OpenAPI 3.0
 * subset), following only the keywords whose values are schemas (JSON Schema Core §10).
 */
import { childPointer, refPointer } from "./violation.ts";

export type SchemaNode = Record<string, unknown>;

/** Keywords whose value is one schema. */
const SINGLE = [
  "additionalProperties", "contains", "else", "if", "items", "not", "propertyNames", "then",
  "unevaluatedItems", "unevaluatedProperties", "additionalItems", "contentSchema",
];
/** Keywords whose value is an array of schemas. */
const ARRAY = ["allOf", "anyOf", "oneOf", "prefixItems"];
/** Keywords whose value maps names to schemas. */
const MAP = ["$defs", "definitions", "dependentSchemas", "patternProperties", "properties"];

/**
 * Calls `visit` on `schema` and each object subschema, depth first, with its JSON pointer.
 * `items` given as an array (draft-07 tuples) is walked as an array of schemas.
 */
export function walkSchema(schema: unknown, pointer: string, visit: (node: SchemaNode, pointer: string) => void): void {
  if (!isObj(schema)) return;
  visit(schema, pointer);
  for (const key of SINGLE) {
    const sub = schema[key];
    if (Array.isArray(sub)) sub.forEach((s, i) => walkSchema(s, childPointer(pointer, key, i), visit));
    else walkSchema(sub, childPointer(pointer, key), visit);
  }
  for (const key of ARRAY) {
    const subs = schema[key];
    if (Array.isArray(subs)) subs.forEach((s, i) => walkSchema(s, childPointer(pointer, key, i), visit));
  }
  for (const key of MAP) {
    const subs = schema[key];
    if (isObj(subs)) for (const [name, s] of Object.entries(subs)) walkSchema(s, childPointer(pointer, key, name), visit);
  }
}

/** Every `example` and `examples[i]` value placed in a schema or its subschemas. */
export function schemaExamples(schema: unknown, pointer: string): Array<{ pointer: string; schemaPointer: string; value: unknown }> {
  const found: Array<{ pointer: string; schemaPointer: string; value: unknown }> = [];
  walkSchema(schema, pointer, (node, at) => {
    if ("example" in node) found.push({ pointer: childPointer(at, "example"), schemaPointer: at, value: node.example });
    if (Array.isArray(node.examples)) {
      node.examples.forEach((value, i) => found.push({ pointer: childPointer(at, "examples", i), schemaPointer: at, value }));
    }
  });
  return found;
}

/** The JSON pointers of every local `$ref` target (`#/...`) in a schema, decoded. */
export function localRefTargets(schema: unknown): string[] {
  const targets = new Set<string>();
  walkSchema(schema, "", (node) => {
    const target = refPointer(node.$ref);
    if (target !== undefined) targets.add(target);
  });
  return [...targets];
}

export function isObj(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
