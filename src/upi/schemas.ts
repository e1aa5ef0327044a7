/**
 * The upiDeleteAccount JSON Schemas (specs/juspay-upi/, JSON Schema 2020-12), compiled once per
 * process. payconform's own `x-payconform-*` keywords are registered as annotations: Ajv keeps
 * them out of validation, and its strict mode still rejects any other unknown keyword. Each
 * schema is compiled with its `$ref`s resolved in place, so that every error's schemaPath is a
 * path from the root of the compiled schema (Ajv gives a path relative to the `$ref` target
 * otherwise): the path the `x-payconform-assumed` marks and the contradictions' `schemaPath`s use.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { ValidateFunction } from "ajv";
import f from "ajv-formats";
import { SpecError } from "../errors.ts";
import { SPECS_DIR } from "../providers.ts";
import { deref } from "../spec/deref.ts";
import { isObject } from "./json-value.ts";

const addFormats = f.default;

export const UPI_SPEC_DIR = join(SPECS_DIR, "juspay-upi");
export const REQUEST_SCHEMA_FILE = join(UPI_SPEC_DIR, "request.schema.json");
export const RESPONSE_SCHEMA_FILE = join(UPI_SPEC_DIR, "response.schema.json");

const ANNOTATION_PREFIX = "x-payconform-";

export interface UpiValidators {
  request: ValidateFunction;
  response: ValidateFunction;
}

let compiled: UpiValidators | undefined;

/** The request and response validators; the first call reads and compiles both schemas. */
export function upiValidators(): UpiValidators {
  compiled ??= compileSchemas();
  return compiled;
}

function compileSchemas(): UpiValidators {
  const request = readSchema(REQUEST_SCHEMA_FILE);
  const response = readSchema(RESPONSE_SCHEMA_FILE);
  // allErrors: report every violation; verbose: keep the offending value for messages.
  const ajv = new Ajv2020({ allErrors: true, verbose: true });
  addFormats(ajv);
  for (const keyword of annotationKeywords([request, response])) ajv.addKeyword({ keyword });
  return {
    request: compile(ajv, deref(request, REQUEST_SCHEMA_FILE) as Record<string, unknown>, REQUEST_SCHEMA_FILE),
    response: compile(ajv, deref(response, RESPONSE_SCHEMA_FILE) as Record<string, unknown>, RESPONSE_SCHEMA_FILE),
  };
}

function readSchema(file: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new SpecError(`cannot load schema ${file}: ${(error as Error).message.split("\n")[0]}`, { cause: error });
  }
  if (!isObject(parsed)) throw new SpecError(`${file} is not a JSON Schema object`);
  return parsed;
}

function compile(ajv: Ajv2020, schema: Record<string, unknown>, file: string): ValidateFunction {
  try {
    return ajv.compile(schema);
  } catch (error) {
    throw new SpecError(`cannot compile schema ${file}: ${(error as Error).message.split("\n")[0]}`, { cause: error });
  }
}

/** Every `x-payconform-*` key used anywhere in the schemas (values are not descended into). */
export function annotationKeywords(schemas: unknown[]): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith(ANNOTATION_PREFIX)) found.add(key);
      else visit(value);
    }
  };
  schemas.forEach(visit);
  return [...found].sort();
}
