/**
 * Compiles the Schema Objects of one OpenAPI document (already in draft 2020-12 form) with one
 * Ajv2020 instance. Each top-level schema location is added as its own resource, and local
 * `$ref`s are pointed at those resources, so a schema compiles without the rest of the document
 * being read as a schema, and Ajv's messages name the resource they are about.
 */
import type { ValidateFunction } from "ajv";
import { compileViolation, metaSchemaViolations } from "./ajv-errors.ts";
import { openApiSchemaAjv, unknownKeywords } from "./keywords.ts";
import { walkSchema } from "./schema-walk.ts";
import { atPointer, pointerFragment, refPointer, type Violation } from "./violation.ts";

export interface DocumentSchemas {
  /** A validator for a schema or any subschema of one, by its pointer; undefined if it failed. */
  validator(pointer: string): ValidateFunction | undefined;
  /** Problems found so far; a `validator` call that compiles a failing subschema adds to it. */
  violations: Violation[];
}

export function compileDocumentSchemas(file: string, doc: unknown, locations: string[]): DocumentSchemas {
  const base = `https://payconform.invalid/${file}/schema/`;
  const keyOf = (pointer: string): string | undefined => {
    const i = owner(locations, pointer);
    return i === undefined ? undefined : `${base}${i}#${pointerFragment(pointer.slice(locations[i].length))}`;
  };
  const extensions = new Set<string>();
  for (const location of locations) {
    walkSchema(atPointer(doc, location), location, (node) => Object.keys(node).forEach((key) => extensions.add(key)));
  }
  const ajv = openApiSchemaAjv(extensions);

  const problems = locations.flatMap((l) => {
    const unknown = unknownKeywords(ajv, file, atPointer(doc, l), l);
    return unknown.length > 0 ? unknown : metaSchemaViolations(ajv, file, l, atPointer(doc, l));
  });
  // A schema with an unknown keyword or a malformed one cannot compile; nor can the ones that
  // refer to it. Those problems are reported precisely, and nothing of the document is compiled.
  if (problems.length > 0) return { validator: () => undefined, violations: problems };

  locations.forEach((location, i) => {
    const schema = structuredClone(atPointer(doc, location));
    walkSchema(schema, "", (node) => {
      const target = refPointer(node.$ref);
      const key = target === undefined ? undefined : keyOf(target);
      if (key !== undefined) node.$ref = key;
    });
    ajv.addSchema(schema as object, `${base}${i}`, undefined, false);
  });

  const violations: Violation[] = [];
  const failed = new Set<string>();
  const locate = (uri: string, fragment: string) => {
    const i = uri.startsWith(base) ? Number(uri.slice(base.length)) : NaN;
    return Number.isInteger(i) && locations[i] !== undefined ? locations[i] + fragment : undefined;
  };
  const validator = (pointer: string): ValidateFunction | undefined => {
    const key = keyOf(pointer);
    if (key === undefined || failed.has(key)) return undefined;
    try {
      return ajv.getSchema(key);
    } catch (error) {
      failed.add(key);
      violations.push(compileViolation(file, error, pointer, locate));
      return undefined;
    }
  };
  locations.forEach(validator);
  return { validator, violations };
}

/** The index of the location that holds `pointer` (the longest one that is a prefix of it). */
function owner(locations: string[], pointer: string): number | undefined {
  let best: number | undefined;
  locations.forEach((location, i) => {
    const holds = pointer === location || pointer.startsWith(`${location}/`);
    if (holds && (best === undefined || location.length > locations[best].length)) best = i;
  });
  return best;
}
