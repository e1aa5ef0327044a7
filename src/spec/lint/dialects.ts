/**
 * Translations between the schema dialects the lint meets, so each can be compiled by the Ajv
 * class that fits: draft-04 (the official OpenAPI 3.0 schema) to draft-07, and OpenAPI 3.0
 * Schema Objects to draft 2020-12. Only schema positions are touched, never property names.
 */
import { walkSchema, type SchemaNode } from "./schema-walk.ts";
import { atPointer } from "./violation.ts";

/** draft-04 → draft-07: `id` becomes `$id`, boolean exclusive bounds become numeric ones. */
export function draft04ToDraft07(schema: object): object {
  const copy = structuredClone(schema) as SchemaNode;
  delete copy.$schema;
  walkSchema(copy, "", (node) => {
    if (typeof node.id === "string") {
      node.$id = node.id;
      delete node.id;
    }
    numericExclusiveBounds(node);
  });
  return copy;
}

/**
 * OpenAPI 3.0 → draft 2020-12, in place, for the schemas at `schemaPointers` of `doc`:
 * - `nullable: true` adds "null" to an explicit `type` (OpenAPI 3.0.3 §4.7.24.1); without a
 *   `type` it has no effect. `nullable` itself is removed.
 * - boolean `exclusiveMinimum`/`exclusiveMaximum` become numeric bounds.
 * `example` stays; the Ajv instance knows it as an annotation.
 */
export function openApi30ToDraft2020(doc: unknown, schemaPointers: string[]): void {
  for (const pointer of schemaPointers) {
    walkSchema(atPointer(doc, pointer), pointer, (node) => {
      if ("nullable" in node) {
        if (node.nullable === true && typeof node.type === "string") node.type = [node.type, "null"];
        delete node.nullable;
      }
      numericExclusiveBounds(node);
    });
  }
}

function numericExclusiveBounds(node: SchemaNode): void {
  for (const [flag, bound] of [["exclusiveMinimum", "minimum"], ["exclusiveMaximum", "maximum"]] as const) {
    if (typeof node[flag] !== "boolean") continue;
    if (node[flag] === true && typeof node[bound] === "number") {
      node[flag] = node[bound];
      delete node[bound];
    } else delete node[flag];
  }
}
