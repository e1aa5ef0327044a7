/**
 * error_code_conformance: each error code or type in an error body is one the doc gives for that
 * status: a value from that status's examples, or from a const/enum in its schema.
 */
import { getPointer } from "../spec/deref.ts";
import type { JsonSchema, ResponseSpec } from "../spec/model.ts";
import { both, documented, documentedJsonBody, errorStatus, parsedJson, when } from "./preconditions.ts";
import type { Check, Finding } from "./types.ts";

export const errorCodeConformance: Check = {
  id: "error_code_conformance",
  run: when(both(both(documentedJsonBody, errorStatus), parsedJson), (input) => {
    const doc = documented(input)!;
    const body = input.json.ok ? input.json.value : undefined;
    const findings: Finding[] = [];
    for (const pointer of input.operation.profile.errorCodePointers) {
      const allowed = allowedValues(doc, pointer);
      const actual = getPointer(body, pointer);
      if (allowed.length === 0 || actual === undefined || allowed.includes(actual as string)) continue;
      findings.push({
        expected: `${pointer} one of ${allowed.join(", ")}`,
        actual: `${pointer} = ${JSON.stringify(actual)}`,
        message: `${JSON.stringify(actual)} at ${pointer} is not a code the doc gives for ${doc.status}`,
        basis: doc.bodyBasis,
      });
    }
    return findings;
  }),
};

/** Allowed values already worked out, per documented response and pointer: they depend on the spec only. */
const allowedCache = new WeakMap<ResponseSpec, Map<string, string[]>>();

/** The documented values at `pointer` for a status: its examples' values, else its schema's const/enum. */
export function allowedValues(doc: ResponseSpec, pointer: string): string[] {
  let byPointer = allowedCache.get(doc);
  if (!byPointer) allowedCache.set(doc, (byPointer = new Map()));
  let allowed = byPointer.get(pointer);
  if (!allowed) byPointer.set(pointer, (allowed = computeAllowedValues(doc, pointer)));
  return allowed;
}

function computeAllowedValues(doc: ResponseSpec, pointer: string): string[] {
  const fromExamples = doc.examples.map((ex) => getPointer(ex, pointer)).filter((v): v is string => typeof v === "string");
  if (fromExamples.length > 0) return [...new Set(fromExamples)];
  const schema = schemaAt(doc.schema, pointer);
  if (!schema) return [];
  if (typeof schema.const === "string") return [schema.const];
  return Array.isArray(schema.enum) ? schema.enum.filter((v): v is string => typeof v === "string") : [];
}

function schemaAt(schema: JsonSchema | undefined, pointer: string): JsonSchema | undefined {
  let node = schema;
  for (const part of pointer.split("/").slice(1)) {
    if (!node) return undefined;
    const merged = [node, ...((node.allOf as JsonSchema[] | undefined) ?? [])];
    node = merged.map((s) => (s.properties as Record<string, JsonSchema> | undefined)?.[part]).find(Boolean);
  }
  return node;
}
