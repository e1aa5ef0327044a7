/** Ajv's errors for a value at a JSON path, as Problems located by each error's instancePath. */
import type { ErrorObject } from "ajv";
import { appendKey, appendPointer } from "./json-path.ts";
import type { Problem } from "./model.ts";

/** Keywords whose error only repeats a more specific error reported next to it. */
const SUMMARY_KEYWORDS = new Set(["if", "anyOf", "oneOf", "allOf"]);

export function ajvProblems(path: string, errors: readonly ErrorObject[] | null | undefined, what: string): Problem[] {
  return (errors ?? [])
    .filter((error) => !SUMMARY_KEYWORDS.has(error.keyword))
    .map((error) => {
      const at = appendPointer(path, error.instancePath);
      const missing = error.keyword === "required" ? String((error.params as { missingProperty?: unknown }).missingProperty) : undefined;
      return {
        path: missing === undefined ? at : appendKey(at, missing),
        message: `${what}${error.instancePath === "" ? "" : ` at ${error.instancePath}`} ${error.message ?? error.keyword}${detail(error)}`,
      };
    });
}

function detail(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "enum") return ` (${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")})`;
  if (error.keyword === "const") return ` (${JSON.stringify(params.allowedValue)})`;
  return "";
}
