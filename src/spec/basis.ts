/**
 * The basis of one schema keyword: documented, or assumed by payconform. Specs mark assumptions
 * at the narrowest place they apply, with `x-payconform-assumed` on a schema:
 * - a string marks the whole schema and everything under it as assumed;
 * - an object marks only the keywords it names (`{required: "why"}`) at that schema.
 * A finding about a keyword (an Ajv error's schemaPath, say `#/allOf/1/required`) is assumed
 * when a schema on the way to it is marked whole, or the schema holding it names that keyword.
 */
import type { Basis, JsonSchema } from "./model.ts";

const MARK = "x-payconform-assumed";

/** The basis of the keyword an Ajv `schemaPath` ends in, within the schema it was compiled from. */
export function basisAtSchemaPath(schema: JsonSchema | undefined, schemaPath: string): Basis {
  const tokens = schemaPath.replace(/^#/, "").split("/").slice(1).map(unescape);
  const keyword = tokens.pop();
  let node: unknown = schema;
  if (markedWhole(node)) return "assumed";
  for (const token of tokens) {
    if (!isObj(node) && !Array.isArray(node)) return "documented";
    node = (node as Record<string, unknown>)[token];
    if (markedWhole(node)) return "assumed";
  }
  return keyword !== undefined && marksKeyword(node, keyword) ? "assumed" : "documented";
}

/**
 * The subschema that describes the value at a JSON pointer into an instance (`/errorResponse/errorType`),
 * looking through `allOf` branches, and its schemaPath; undefined when the schema does not describe it.
 */
export function schemaForPointer(schema: JsonSchema | undefined, pointer: string): { schema: JsonSchema; path: string } | undefined {
  let found: { schema: JsonSchema; path: string } | undefined = schema && { schema, path: "#" };
  for (const part of pointer.split("/").slice(1)) {
    if (!found) return undefined;
    found = propertyOf(found.schema, found.path, unescape(part));
  }
  return found;
}

function propertyOf(schema: JsonSchema, path: string, name: string): { schema: JsonSchema; path: string } | undefined {
  const own = (schema.properties as Record<string, JsonSchema> | undefined)?.[name];
  if (isObj(own)) return { schema: own, path: `${path}/properties/${escape(name)}` };
  const branches = Array.isArray(schema.allOf) ? (schema.allOf as JsonSchema[]) : [];
  for (const [i, branch] of branches.entries()) {
    const hit = isObj(branch) ? propertyOf(branch, `${path}/allOf/${i}`, name) : undefined;
    if (hit) return hit;
  }
  return undefined;
}

function markedWhole(node: unknown): boolean {
  return isObj(node) && typeof node[MARK] === "string";
}

function marksKeyword(node: unknown, keyword: string): boolean {
  if (!isObj(node)) return false;
  const mark = node[MARK];
  return typeof mark === "string" || (isObj(mark) && keyword in mark);
}

function isObj(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function unescape(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

function escape(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}
