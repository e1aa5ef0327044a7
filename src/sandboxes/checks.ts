/**
 * Spec-derived value checks: each parameter value and the request body are validated against the
 * schema the operation documents, with Ajv (patterns as `new RegExp(pattern, "u")`, formats from
 * ajv-formats). Nothing here knows a provider; every rule comes from loadSpec.
 */
import type { ValidateFunction } from "ajv";
import { validatorFor } from "../spec/precompiled.ts";
import type { OperationSpec } from "../spec/model.ts";
import type { SpecChecks } from "./types.ts";

const cache = new WeakMap<OperationSpec, SpecChecks>();

/** The checks of one operation, compiled once per loaded spec. */
export function specChecks(op: OperationSpec): SpecChecks {
  const hit = cache.get(op);
  if (hit) return hit;
  const byName = new Map<string, ValidateFunction>();
  for (const p of op.parameters) byName.set(p.name.toLowerCase(), validatorFor("value", p.schema));
  const body = op.requestBody ? validatorFor("value", op.requestBody.schema) : undefined;
  const checks: SpecChecks = {
    parameter(name, value) {
      const validate = byName.get(name.toLowerCase());
      return validate ? validate(value) : true;
    },
    body: (value) => (body ? body(value) : true),
  };
  cache.set(op, checks);
  return checks;
}
