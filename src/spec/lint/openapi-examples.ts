/**
 * Checks every example of one OpenAPI document against the schema it belongs to, after
 * compiling all of the document's Schema Objects. OpenAPI 3.0 schemas are translated to draft
 * 2020-12 first (see dialects.ts). A schema that fails to compile fails again for each schema
 * referring to it; it is reported once.
 */
import { errorViolations } from "./ajv-errors.ts";
import { openApi30ToDraft2020 } from "./dialects.ts";
import type { OpenApiLine } from "./official-schemas.ts";
import { compileDocumentSchemas } from "./openapi-schemas.ts";
import { openApiTargets } from "./openapi-walk.ts";
import { uniqueViolations, type Violation } from "./violation.ts";

export interface ExamplesCheck {
  violations: Violation[];
  /** Schema Objects compiled. */
  schemas: number;
  /** Example values validated. */
  examples: number;
}

export function checkOpenApiExamples(file: string, doc: Record<string, unknown>, line: OpenApiLine): ExamplesCheck {
  const targets = openApiTargets(doc);
  const translated = structuredClone(doc);
  if (line === "3.0") openApi30ToDraft2020(translated, targets.schemas);
  const compiled = compileDocumentSchemas(file, translated, targets.schemas);
  const found: Violation[] = [];
  let examples = 0;
  for (const example of targets.examples) {
    const validate = compiled.validator(example.schemaPointer);
    if (!validate) continue;
    examples += 1;
    if (!validate(example.value)) found.push(...errorViolations(file, example.pointer, validate.errors));
  }
  return { violations: uniqueViolations([...compiled.violations, ...found]), schemas: targets.schemas.length, examples };
}

