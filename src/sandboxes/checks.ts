/**
 * Spec-derived value checks: each parameter value and the request body are validated against the
 * schema the operation documents, with Ajv (patterns as `new RegExp(pattern, "u")`, formats from
 * ajv-formats). Nothing here knows a provider; every rule comes from loadSpec.
 */
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import f from "ajv-formats";
import type { OperationSpec } from "../spec/model.ts";
import type { SpecChecks } from "./types.ts";

const addFormats = f.default;
const cache = new WeakMap<OperationSpec, SpecChecks>();

function createAjv(): Ajv2020 {
  // strict: false lets the documents' annotations (example, x-payconform-*) pass as unknown keywords.
  const ajv = new Ajv2020({ strict: false, allErrors: false, logger: false });
  addFormats(ajv);
  ajv.addFormat("int32", { type: "number", validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  return ajv;
}

/** The checks of one operation, compiled once per loaded spec. */
export function specChecks(op: OperationSpec): SpecChecks {
  const hit = cache.get(op);
  if (hit) return hit;
  const ajv = createAjv();
  const byName = new Map<string, ValidateFunction>();
  for (const p of op.parameters) byName.set(p.name.toLowerCase(), ajv.compile(p.schema));
  const body = op.requestBody ? ajv.compile(op.requestBody.schema) : undefined;
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
