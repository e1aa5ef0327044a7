/** Annotation keywords: accepted by Ajv's strict mode, never affecting validation. */

/** payconform's own extension keywords, which mark provenance and assumptions in the specs. */
export const PAYCONFORM_KEYWORDS = [
  "x-payconform-provider",
  "x-payconform-source",
  "x-payconform-contradictions",
  "x-payconform-assumed",
  "x-payconform-from-prose",
] as const;

/** Schema Object keywords the OpenAPI base vocabulary adds to JSON Schema (OpenAPI 3.1 §4.8.24). */
export const OPENAPI_SCHEMA_KEYWORDS = ["example", "discriminator", "xml", "externalDocs"] as const;
