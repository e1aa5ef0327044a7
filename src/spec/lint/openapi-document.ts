/**
 * Validates an OpenAPI document against the official JSON Schema of its version line.
 */
import type { ErrorObject } from "ajv";
import { errorViolations } from "./ajv-errors.ts";
import { officialValidator, openApiLine } from "./official-schemas.ts";
import { isObj } from "./schema-walk.ts";
import type { Violation } from "./violation.ts";

export function checkOpenApiDocument(file: string, doc: unknown): Violation[] {
  const version = isObj(doc) ? doc.openapi : undefined;
  const line = openApiLine(version);
  if (!line) {
    return [{ file, pointer: isObj(doc) ? "/openapi" : "", message: `not an OpenAPI 3.0.x or 3.1.x document (openapi: ${JSON.stringify(version)})` }];
  }
  const validate = officialValidator(line);
  if (validate(doc)) return [];
  return errorViolations(file, "", meaningfulErrors(validate.errors ?? []));
}

/**
 * Drops the echoes a single mistake leaves in the official schemas' alternatives, keeping the
 * errors that name it:
 * - a failed `oneOf`/`anyOf`/`if` when another error sits at or below the same place;
 * - a missing `$ref` (the "or a Reference Object" alternative) when another error sits there;
 * - several `enum` errors at one place (one per alternative) merged into one.
 */
export function meaningfulErrors(errors: ErrorObject[]): ErrorObject[] {
  const covered = (e: ErrorObject) =>
    errors.some((o) => o !== e && !isSummary(o) && (o.instancePath === e.instancePath || o.instancePath.startsWith(`${e.instancePath}/`)));
  const kept = errors.filter((e) => !((isSummary(e) || isMissingRef(e)) && covered(e)));
  const enums = new Map<string, ErrorObject>();
  const out: ErrorObject[] = [];
  for (const e of kept) {
    if (e.keyword !== "enum") {
      out.push(e);
      continue;
    }
    const first = enums.get(e.instancePath);
    if (!first) {
      const copy = { ...e, params: { allowedValues: [...(e.params as { allowedValues: unknown[] }).allowedValues] } };
      enums.set(e.instancePath, copy);
      out.push(copy);
    } else (first.params as { allowedValues: unknown[] }).allowedValues.push(...(e.params as { allowedValues: unknown[] }).allowedValues);
  }
  return out;
}

function isSummary(e: ErrorObject): boolean {
  return e.keyword === "oneOf" || e.keyword === "anyOf" || e.keyword === "if";
}

function isMissingRef(e: ErrorObject): boolean {
  return e.keyword === "required" && (e.params as { missingProperty?: string }).missingProperty === "$ref";
}
