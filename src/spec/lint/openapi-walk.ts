/**
 * Finds, in a parsed OpenAPI 3.0/3.1 document, every Schema Object and every example paired
 * with the schema it must satisfy: parameter and header `example`/`examples` (§4.8.12), media
 * type `example`/`examples` (§4.8.14, which covers request bodies and responses), and the
 * `example`/`examples` inside schemas. Objects are visited where they are written, never through
 * a `$ref`, so each is found once.
 */
import { isObj, schemaExamples } from "./schema-walk.ts";
import { atPointer, childPointer, refPointer } from "./violation.ts";

export interface ExampleTarget {
  /** Where the example value is written. */
  pointer: string;
  /** The schema it must satisfy. */
  schemaPointer: string;
  value: unknown;
}

export interface OpenApiTargets {
  /** Every Schema Object that is not itself inside another schema. */
  schemas: string[];
  examples: ExampleTarget[];
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export function openApiTargets(doc: Record<string, unknown>): OpenApiTargets {
  const found: OpenApiTargets = { schemas: [], examples: [] };
  const at = (pointer: string) => atPointer(doc, pointer);
  const entries = (pointer: string) => (isObj(at(pointer)) ? Object.keys(at(pointer) as object) : []);
  const items = (pointer: string) => (Array.isArray(at(pointer)) ? (at(pointer) as unknown[]).map((_, i) => i) : []);
  const written = (pointer: string) => isObj(at(pointer)) && !("$ref" in (at(pointer) as object));

  const schema = (pointer: string) => {
    if (at(pointer) === undefined) return;
    found.schemas.push(pointer);
    found.examples.push(...schemaExamples(at(pointer), pointer));
  };
  /** The examples of a parameter, header or media type, checked against its `schema`. */
  const examples = (pointer: string) => {
    const schemaPointer = childPointer(pointer, "schema");
    if (at(schemaPointer) === undefined) return;
    const node = at(pointer) as Record<string, unknown>;
    if ("example" in node) found.examples.push({ pointer: childPointer(pointer, "example"), schemaPointer, value: node.example });
    for (const name of entries(childPointer(pointer, "examples"))) {
      let example = childPointer(pointer, "examples", name);
      const target = refPointer((at(example) as { $ref?: unknown } | undefined)?.$ref);
      if (target !== undefined) example = target;
      const value = at(example);
      if (isObj(value) && "value" in value) found.examples.push({ pointer: childPointer(example, "value"), schemaPointer, value: value.value });
    }
  };
  const content = (pointer: string) => {
    for (const type of entries(pointer)) {
      const media = childPointer(pointer, type);
      if (!written(media)) continue;
      schema(childPointer(media, "schema"));
      examples(media);
      for (const name of entries(childPointer(media, "encoding"))) headers(childPointer(media, "encoding", name, "headers"));
    }
  };
  /** A Parameter or Header Object: a `schema` with examples, or a `content` map. */
  const parameter = (pointer: string) => {
    if (!written(pointer)) return;
    schema(childPointer(pointer, "schema"));
    examples(pointer);
    content(childPointer(pointer, "content"));
  };
  const headers = (pointer: string) => entries(pointer).forEach((name) => parameter(childPointer(pointer, name)));
  const response = (pointer: string) => {
    if (!written(pointer)) return;
    headers(childPointer(pointer, "headers"));
    content(childPointer(pointer, "content"));
  };
  const requestBody = (pointer: string) => {
    if (written(pointer)) content(childPointer(pointer, "content"));
  };
  const pathItem = (pointer: string) => {
    if (!written(pointer)) return;
    items(childPointer(pointer, "parameters")).forEach((i) => parameter(childPointer(pointer, "parameters", i)));
    for (const method of METHODS) {
      const op = childPointer(pointer, method);
      if (!written(op)) continue;
      items(childPointer(op, "parameters")).forEach((i) => parameter(childPointer(op, "parameters", i)));
      requestBody(childPointer(op, "requestBody"));
      entries(childPointer(op, "responses")).forEach((code) => response(childPointer(op, "responses", code)));
    }
  };

  entries("/paths").forEach((path) => pathItem(childPointer("/paths", path)));
  entries("/webhooks").forEach((name) => pathItem(childPointer("/webhooks", name)));
  entries("/components/pathItems").forEach((name) => pathItem(childPointer("/components/pathItems", name)));
  entries("/components/schemas").forEach((name) => schema(childPointer("/components/schemas", name)));
  entries("/components/parameters").forEach((name) => parameter(childPointer("/components/parameters", name)));
  headers("/components/headers");
  entries("/components/requestBodies").forEach((name) => requestBody(childPointer("/components/requestBodies", name)));
  entries("/components/responses").forEach((name) => response(childPointer("/components/responses", name)));
  return found;
}
