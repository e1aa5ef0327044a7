/**
 * Turns Ajv's findings into violations: validation errors (ErrorObject, located by instancePath)
 * and compile-time exceptions (strict mode, unknown formats).
 */
import type { ErrorObject } from "ajv";
import type { Ajv2020 } from "ajv/dist/2020.js";
import { childPointer, uniqueViolations, type Violation } from "./violation.ts";

/** Violations for the errors of one validation of the value found at `pointer` in `file`. */
export function errorViolations(file: string, pointer: string, errors: ErrorObject[] | null | undefined): Violation[] {
  return uniqueViolations((errors ?? []).map((error) => ({ file, ...locate(pointer, error) })));
}

/** Checks a schema against its meta-schema (by `$schema`, else draft 2020-12). */
export function metaSchemaViolations(ajv: Ajv2020, file: string, pointer: string, schema: unknown): Violation[] {
  try {
    if (ajv.validateSchema(schema as object)) return [];
    return errorViolations(file, pointer, ajv.errors);
  } catch (error) {
    return [{ file, pointer, message: errorMessage(error) }];
  }
}

/**
 * A compile-time exception (strict mode, unknown format, unresolvable `$ref`) as a violation.
 * Ajv names the schema location only inside its message, as `at "<resource URI>#<path>"`;
 * `locate` turns that into a pointer into the file, and `fallback` is used when it cannot.
 */
export function compileViolation(
  file: string,
  error: unknown,
  fallback: string,
  locate: (uri: string, fragment: string) => string | undefined = () => undefined,
): Violation {
  const message = errorMessage(error);
  const at = /at (?:path )?"([^"#]*)#([^"]*)"/.exec(message);
  const pointer = at ? locate(at[1], decodeFragment(at[2])) : undefined;
  return { file, pointer: pointer ?? fallback, message };
}

function locate(pointer: string, error: ErrorObject): { pointer: string; message: string } {
  const at = pointer + error.instancePath;
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties":
      return { pointer: childPointer(at, String(p.additionalProperty)), message: "unexpected property (additionalProperties)" };
    case "unevaluatedProperties":
      return { pointer: childPointer(at, String(p.unevaluatedProperty)), message: "unexpected property (unevaluatedProperties)" };
    case "enum":
      return { pointer: at, message: `${error.message}: ${JSON.stringify(p.allowedValues)}` };
    case "const":
      return { pointer: at, message: `${error.message}: ${JSON.stringify(p.allowedValue)}` };
    default:
      return { pointer: at, message: `${error.message ?? error.keyword} (${error.keyword})` };
  }
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

export function errorMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0];
}
