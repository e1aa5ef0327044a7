/**
 * The two ways payconform compiles a schema with Ajv (JSON Schema 2020-12, the dialect of
 * OpenAPI 3.1; the simple schemas of the 3.0 documents read the same), shared by the run time and
 * by `npm run generate`, which compiles them ahead of time (src/spec/precompiled.ts):
 * - "response": a documented response body; every violation is reported (allErrors);
 * - "value": a request's parameter value or body, as the reference sandboxes check it; the
 *   first violation is enough.
 * Both know the formats of ajv-formats (its int32 is the OpenAPI one) and take the documents'
 * annotations (example, x-payconform-*) as keywords that constrain nothing. `validateSchema:
 * false` spares compiling the 2020-12 meta-schema; `npm run lint:specs` holds every spec schema
 * to it instead.
 */
import type { Ajv2020, Options } from "ajv/dist/2020.js";
import { createHash } from "node:crypto";
import { requireLazily } from "../lazy-require.ts";
import { OPENAPI_SCHEMA_KEYWORDS, PAYCONFORM_KEYWORDS } from "./keywords.ts";

export type AjvProfile = "response" | "value";

/** Keywords that annotate without constraining: OpenAPI's own and payconform's extensions. */
export const ANNOTATION_KEYWORDS: readonly string[] = [...OPENAPI_SCHEMA_KEYWORDS, ...PAYCONFORM_KEYWORDS];

const OPTIONS: Record<AjvProfile, Options> = {
  response: { strict: false, allErrors: true, validateFormats: true, validateSchema: false },
  value: { strict: false, allErrors: false, logger: false, validateSchema: false },
};

/** An Ajv instance of `profile`; `extra` adds options (the generator's `code`). */
export function createProfileAjv(profile: AjvProfile, extra: Options = {}): Ajv2020 {
  // Loaded on first use: a run of the bundled specs finds every validator precompiled.
  const { Ajv2020 } = requireLazily("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
  const addFormats = (requireLazily("ajv-formats") as typeof import("ajv-formats")).default;
  const ajv = new Ajv2020({ ...OPTIONS[profile], ...extra });
  addFormats(ajv);
  for (const keyword of ANNOTATION_KEYWORDS) if (!ajv.getKeyword(keyword)) ajv.addKeyword(keyword);
  return ajv;
}

/** The name a schema's precompiled validator is exported under: a hash of the profile and the schema. */
export function validatorKey(profile: AjvProfile, schema: unknown): string {
  return `v_${createHash("sha256").update(`${profile}\n${JSON.stringify(schema)}`).digest("hex").slice(0, 40)}`;
}
