/**
 * Compiles every documented response schema of an operation once, with Ajv (JSON Schema 2020-12,
 * the dialect of OpenAPI 3.1; the simple schemas of the 3.0 documents read the same).
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import type { ValidateFunction } from "ajv";
import formats from "ajv-formats";
import { OPENAPI_SCHEMA_KEYWORDS, PAYCONFORM_KEYWORDS } from "./keywords.ts";
import type { OperationSpec } from "./model.ts";

const addFormats = formats.default;

/** Keywords that annotate without constraining: OpenAPI's own and payconform's extensions. */
export const ANNOTATION_KEYWORDS: readonly string[] = [...OPENAPI_SCHEMA_KEYWORDS, ...PAYCONFORM_KEYWORDS];

export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  for (const keyword of ANNOTATION_KEYWORDS) if (!ajv.getKeyword(keyword)) ajv.addKeyword(keyword);
  return ajv;
}

/**
 * One validator per documented status. Statuses that document the same schema (EnKash's six
 * error statuses share one envelope) share one compiled validator.
 */
export function compileResponseValidators(op: OperationSpec, ajv = createAjv()): Map<number, ValidateFunction> {
  const validators = new Map<number, ValidateFunction>();
  const bySchema = new Map<string, ValidateFunction>();
  for (const response of op.responses) {
    if (!response.schema) continue;
    const key = JSON.stringify(response.schema);
    let validate = bySchema.get(key);
    if (!validate) {
      validate = ajv.compile(response.schema);
      bySchema.set(key, validate);
    }
    validators.set(response.status, validate);
  }
  return validators;
}
