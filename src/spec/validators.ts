/**
 * Compiles every documented response schema of an operation once, with Ajv (JSON Schema 2020-12,
 * the dialect of OpenAPI 3.1; the simple schemas of the 3.0 documents read the same).
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import type { ValidateFunction } from "ajv";
import formats from "ajv-formats";
import type { OperationSpec } from "./model.ts";

const addFormats = formats.default;

/** Keywords that annotate without constraining: OpenAPI's own and payconform's extensions. */
export const ANNOTATION_KEYWORDS = [
  "example",
  "xml",
  "externalDocs",
  "discriminator",
  "x-payconform-assumed",
  "x-payconform-from-prose",
  "x-payconform-provider",
  "x-payconform-source",
  "x-payconform-contradictions",
];

export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  for (const keyword of ANNOTATION_KEYWORDS) if (!ajv.getKeyword(keyword)) ajv.addKeyword(keyword);
  return ajv;
}

export function compileResponseValidators(op: OperationSpec, ajv = createAjv()): Map<number, ValidateFunction> {
  const validators = new Map<number, ValidateFunction>();
  for (const response of op.responses) {
    if (response.schema) validators.set(response.status, ajv.compile(response.schema));
  }
  return validators;
}
