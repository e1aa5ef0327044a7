/**
 * Compiles every documented response schema of an operation once: taken from the validators
 * `npm run generate` compiled ahead of time where it has this very schema (src/spec/precompiled.ts),
 * compiled with Ajv now otherwise (a spec edited since, or one given by file).
 */
import type { Ajv2020 } from "ajv/dist/2020.js";
import type { ValidateFunction } from "ajv";
import { ANNOTATION_KEYWORDS, createProfileAjv } from "./ajv-profiles.ts";
import type { OperationSpec } from "./model.ts";
import { validatorFor } from "./precompiled.ts";

export { ANNOTATION_KEYWORDS };

export function createAjv(): Ajv2020 {
  return createProfileAjv("response");
}

/**
 * One validator per documented status. Statuses that document the same schema (EnKash's six
 * error statuses share one envelope) share one validator.
 */
export function compileResponseValidators(op: OperationSpec): Map<number, ValidateFunction> {
  const validators = new Map<number, ValidateFunction>();
  for (const response of op.responses) if (response.schema) validators.set(response.status, validatorFor("response", response.schema));
  return validators;
}
