/**
 * Schema validators, compiled ahead of time where possible. `npm run generate` writes each
 * provider's validators as Ajv standalone code (generated/<provider>/<profile>-validators.ts), each exported
 * under a hash of its profile and its schema (src/spec/ajv-profiles.ts); `npm run generate:check`
 * keeps them in step with specs/. A schema none of them has (a spec edited since, or one given
 * by file) is compiled with Ajv on first use. Either way a schema is compiled once per process.
 */
import type { Ajv2020 } from "ajv/dist/2020.js";
import type { ValidateFunction } from "ajv";
import { createProfileAjv, validatorKey, type AjvProfile } from "./ajv-profiles.ts";
import * as cashfreeResponse from "../../generated/cashfree/response-validators.ts";
import * as cashfreeValue from "../../generated/cashfree/value-validators.ts";
import * as enkashResponse from "../../generated/enkash/response-validators.ts";
import * as enkashValue from "../../generated/enkash/value-validators.ts";
import * as juspayResponse from "../../generated/juspay/response-validators.ts";
import * as juspayValue from "../../generated/juspay/value-validators.ts";
import * as yunoResponse from "../../generated/yuno/response-validators.ts";
import * as yunoValue from "../../generated/yuno/value-validators.ts";
const AHEAD: Record<string, unknown> = { ...cashfreeResponse, ...cashfreeValue, ...enkashResponse, ...enkashValue, ...juspayResponse, ...juspayValue, ...yunoResponse, ...yunoValue };
const compiled = new Map<string, ValidateFunction>();
/** The same, by schema object: a schema asked for again is not hashed again. */
const byObject = new WeakMap<object, Partial<Record<AjvProfile, ValidateFunction>>>();
const ajvs = new Map<AjvProfile, Ajv2020>();

/** Whether `npm run generate` compiled `schema` under `profile` ahead of time. */
export function isPrecompiled(profile: AjvProfile, schema: object): boolean {
  return validatorKey(profile, schema) in AHEAD;
}

/** The validator of `schema` under `profile`. */
export function validatorFor(profile: AjvProfile, schema: object): ValidateFunction {
  const known = byObject.get(schema)?.[profile];
  if (known) return known;
  const key = validatorKey(profile, schema);
  let validate = compiled.get(key) ?? (AHEAD[key] as ValidateFunction | undefined);
  if (!validate) {
    let ajv = ajvs.get(profile);
    if (!ajv) ajvs.set(profile, (ajv = createProfileAjv(profile)));
    validate = ajv.compile(schema);
  }
  compiled.set(key, validate);
  byObject.set(schema, { ...byObject.get(schema), [profile]: validate });
  return validate;
}
