/**
 * error_code_conformance: each error code or type in an error body is one the doc gives for that
 * status. Two layers, each with its own basis: the schema's const/enum at that place (a value
 * outside it breaks the keyword, with that keyword's basis), then the values of that status's
 * examples (a value they do not show has the basis of the examples: assumed where the body is).
 */
import { basisAtSchemaPath, schemaForPointer } from "../spec/basis.ts";
import { getPointer } from "../spec/deref.ts";
import type { Basis, ResponseSpec } from "../spec/model.ts";
import { both, documented, documentedJsonBody, errorStatus, parsedJson, when } from "./preconditions.ts";
import type { Check, Finding } from "./types.ts";

export const errorCodeConformance: Check = {
  id: "error_code_conformance",
  run: when(both(both(documentedJsonBody, errorStatus), parsedJson), (input) => {
    const doc = documented(input)!;
    const body = input.json.ok ? input.json.value : undefined;
    const findings: Finding[] = [];
    for (const pointer of input.operation.profile.errorCodePointers) {
      const actual = getPointer(body, pointer);
      if (actual === undefined) continue;
      for (const layer of allowedValues(doc, pointer)) {
        if (layer.values.includes(actual as string)) continue;
        findings.push({
          expected: `${pointer} one of ${layer.values.join(", ")}`,
          actual: `${pointer} = ${JSON.stringify(actual)}`,
          message: `${JSON.stringify(actual)} at ${pointer} is not ${layer.what} for ${doc.status}`,
          basis: layer.basis,
        });
        break;
      }
    }
    return findings;
  }),
};

/** One set of documented values at a pointer, where it comes from, and its basis. */
export interface AllowedLayer {
  values: string[];
  what: string;
  basis: Basis;
}

/** Allowed values already worked out, per documented response and pointer: they depend on the spec only. */
const allowedCache = new WeakMap<ResponseSpec, Map<string, AllowedLayer[]>>();

/** The documented values at `pointer` for a status: its schema's const/enum, then its examples' values. */
export function allowedValues(doc: ResponseSpec, pointer: string): AllowedLayer[] {
  let byPointer = allowedCache.get(doc);
  if (!byPointer) allowedCache.set(doc, (byPointer = new Map()));
  let allowed = byPointer.get(pointer);
  if (!allowed) byPointer.set(pointer, (allowed = computeAllowedValues(doc, pointer)));
  return allowed;
}

/** The values at `pointer` this check accepts for a status without a finding: those every layer allows. */
export function documentedCodes(doc: ResponseSpec, pointer: string): string[] {
  const [first, ...rest] = allowedValues(doc, pointer);
  return first ? first.values.filter((v) => rest.every((layer) => layer.values.includes(v))) : [];
}

function computeAllowedValues(doc: ResponseSpec, pointer: string): AllowedLayer[] {
  const layers: AllowedLayer[] = [];
  const found = schemaForPointer(doc.schema, pointer);
  if (found) {
    const { schema, path } = found;
    if (typeof schema.const === "string") layers.push({ values: [schema.const], what: "the const the schema gives", basis: basisAtSchemaPath(doc.schema, `${path}/const`) });
    else if (Array.isArray(schema.enum)) {
      const values = schema.enum.filter((v): v is string => typeof v === "string");
      if (values.length > 0) layers.push({ values, what: "a value of the schema's enum", basis: basisAtSchemaPath(doc.schema, `${path}/enum`) });
    }
  }
  const fromExamples = doc.examples.map((ex) => getPointer(ex, pointer)).filter((v): v is string => typeof v === "string");
  if (fromExamples.length > 0) layers.push({ values: [...new Set(fromExamples)], what: "a code the doc's examples give", basis: doc.bodyBasis });
  return layers;
}
