/**
 * Turns Ajv's errors into payload findings: the instancePath becomes the pointer and each
 * keyword gets a message a developer can act on without reading the schema. A keyword the schema
 * marks `x-payconform-assumed` gives a warning; one a recorded contradiction is about says so.
 */
import type { ErrorObject } from "ajv";
import { basisAtSchemaPath } from "../spec/basis.ts";
import type { JsonSchema } from "../spec/model.ts";
import { contradictionNote } from "./contradictions.ts";
import type { PayloadCheckId, PayloadFinding, PayloadTarget } from "./model.ts";
import { isObject, jsonType, show } from "./json-value.ts";

/** Keywords whose error only repeats a more specific error reported next to it. */
const SUMMARY_KEYWORDS = new Set(["if", "anyOf", "oneOf"]);

export function ajvFindings(
  check: PayloadCheckId,
  target: PayloadTarget,
  errors: readonly ErrorObject[] | null | undefined,
  schema: JsonSchema,
): PayloadFinding[] {
  const findings = (errors ?? [])
    .filter((error) => !SUMMARY_KEYWORDS.has(error.keyword))
    .map((error): PayloadFinding => {
      const assumed = basisAtSchemaPath(schema, error.schemaPath) === "assumed";
      return {
        check,
        target,
        pointer: error.instancePath,
        message: `${ajvMessage(error)}${assumed ? " (assumed)" : ""}${contradictionNote(schema, error.schemaPath)}`,
        severity: assumed ? "warning" : "error",
      };
    });
  return withoutRepeats(findings);
}

/** A readable one-line message for one Ajv error (Ajv was compiled with `verbose: true`). */
export function ajvMessage(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return missingProperty(String(params.missingProperty), error.data);
    case "const":
      return `is ${show(error.data)}, must be ${show(params.allowedValue)}`;
    case "enum":
      return `is ${describe(error.data)}, must be one of ${(params.allowedValues as unknown[]).map(show).join(", ")}`;
    case "type":
      return `is ${jsonType(error.data)}, must be ${String(params.type)}`;
    case "format":
      return `${show(error.data)} is not a valid ${String(params.format)}`;
    case "minLength":
      return params.limit === 1 ? "must not be empty" : `must be at least ${String(params.limit)} characters long`;
    case "pattern":
      return `is ${show(error.data)}, must be ${patternTitle(error) ?? `text matching ${String(params.pattern)}`}`;
    case "additionalProperties":
    case "unevaluatedProperties":
      return `has unexpected property ${show(params.additionalProperty ?? params.unevaluatedProperty)}`;
    default:
      return `${error.message ?? `fails ${error.keyword}`} (${error.keyword})`;
  }
}

/** A schema that holds a pattern says in its `title` what the pattern accepts. */
function patternTitle(error: ErrorObject): string | undefined {
  const title = isObject(error.parentSchema) ? error.parentSchema.title : undefined;
  return typeof title === "string" ? title : undefined;
}

/** The same finding twice (two schemas on the way both checking `type`, say) is reported once. */
function withoutRepeats(findings: PayloadFinding[]): PayloadFinding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.pointer}\u0000${finding.message}\u0000${finding.severity}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "is true (boolean)": enum values are often strings that look like other types. */
function describe(value: unknown): string {
  return typeof value === "string" ? show(value) : `${show(value)} (${jsonType(value)})`;
}

/** Names the missing property and points at a differently-cased key the payload does carry. */
function missingProperty(name: string, data: unknown): string {
  const message = `missing required property ${show(name)}`;
  if (!isObject(data)) return message;
  const lookalike = Object.keys(data).find((key) => key !== name && key.toLowerCase() === name.toLowerCase());
  return lookalike === undefined ? message : `${message} (found ${show(lookalike)}: field names are camelCase)`;
}
