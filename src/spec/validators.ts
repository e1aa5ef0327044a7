/**
 * Compiles every documented response schema of an operation once: taken from the validators
 * `npm run generate` compiled ahead of time where it has this very schema (src/spec/precompiled.ts),
 * compiled with Ajv now otherwise (a spec edited since, or one given by file).
 */
import type { ValidateFunction } from "ajv";
import type { OperationSpec } from "./model.ts";
import { validatorFor } from "./precompiled.ts";

/**
 * One validator per documented status. Statuses that document the same schema (EnKash's six
 * error statuses share one envelope) share one validator.
 */
export function compileResponseValidators(op: OperationSpec): Map<number, ValidateFunction> {
  const validators = new Map<number, ValidateFunction>();
  for (const response of op.responses) if (response.schema) validators.set(response.status, validatorFor("response", response.schema));
  return validators;
}
