/**
 * error_code_conformance: each error code or type in an error body is one the doc gives for that
 * status. Two layers, each with its own basis: the schema's const/enum at that place (a value
 * outside it breaks the keyword, with that keyword's basis), then the values of that status's
 * examples. Examples are not a closed list: a code the examples give for another status (a 404
 * with the 400's code) has the basis of the examples, and so does a code they give spelt another
 * way (`customer_not_found` for `CUSTOMER_NOT_FOUND`), and so does the value they give at another
 * of the envelope's code fields (a code and a type exchanged); any other code they do not show is
 * assumed, and so is a body without any code where the examples show one. Examples payconform
 * wrote itself, where the doc shows no error body, are no layer: they map no code to a status.
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
    const pointers = input.operation.profile.errorCodePointers;
    // No code at all where the status's examples show one (an envelope of another shape, the code
    // wrapped under `error`): a client reading the documented field finds nothing. Assumed where
    // the schema does not require it (the schema check judges a required one).
    if (pointers.length > 0 && pointers.every((pointer) => getPointer(body, pointer) === undefined)) {
      const shown = pointers.flatMap((pointer) => allowedValues(doc, pointer).filter((l) => l.fromExamples).flatMap((l) => l.values.map((v) => `${pointer} = ${JSON.stringify(v)}`)));
      if (shown.length > 0) findings.push({ expected: shown.slice(0, 3).join(" or "), actual: `no ${pointers.join(" or ")}`, message: `the ${doc.status} body has no error code at ${pointers.join(" or ")}, where the doc's examples give one: a client reading the documented field finds nothing`, basis: "assumed" });
      return findings;
    }
    for (const pointer of pointers) {
      const actual = getPointer(body, pointer);
      if (actual === undefined) continue;
      for (const layer of allowedValues(doc, pointer)) {
        if (layer.values.includes(actual as string)) continue;
        // Examples payconform wrote itself (EnKash's errors, documented without bodies) map no code
        // to a status on the doc's word: a value the schema's enum allows is any status's to use.
        if (layer.fromExamples && layer.basis === "assumed") continue;
        const expected = `${pointer} one of ${layer.values.join(", ")}`;
        const shown = `${pointer} = ${JSON.stringify(actual)}`;
        if (!layer.fromExamples) {
          findings.push({ expected, actual: shown, message: `${JSON.stringify(actual)} at ${pointer} is not ${layer.what} for ${doc.status}`, basis: layer.basis });
          break;
        }
        // Examples are not a closed list: a code they give for another status breaks what the doc
        // shows that code to mean; a code no example gives rests only on reading them as complete.
        const other = input.operation.op.responses.find((r) => r !== doc && allowedValues(r, pointer).some((l) => l.fromExamples && l.values.includes(actual as string)));
        // Each of two code fields holds the value the examples give at the other (Cashfree's type
        // where its code belongs, and its code where the type does): the fields exchanged. A value
        // merely copied from another field is an unknown code, below.
        const allowedAt = (at: string, value: unknown): boolean => allowedValues(doc, at).some((l) => l.values.includes(value as string));
        const elsewhere = input.operation.profile.errorCodePointers.find((p) => p !== pointer && allowedAt(p, actual) && allowedAt(pointer, getPointer(body, p)));
        if (elsewhere) {
          findings.push({ expected, actual: shown, message: `${JSON.stringify(actual)} at ${pointer} is the value the doc gives at ${elsewhere} for ${doc.status}: the fields are exchanged`, basis: layer.basis });
        } else if (other) {
          const whose = other.bodyBasis === "assumed" ? "payconform assumes" : "the doc's examples give";
          const basis = layer.basis === "assumed" || other.bodyBasis === "assumed" ? "assumed" : "documented";
          findings.push({ expected, actual: shown, message: `${JSON.stringify(actual)} at ${pointer} is the code ${whose} for ${other.status}, not for ${doc.status}`, basis });
        } else if (typeof actual === "string" && layer.values.some((v) => sameCodeLoosely(v, actual))) {
          // A documented code spelt another way (case, - for _, a space or an invisible character added): clients compare codes exactly.
          const meant = layer.values.find((v) => sameCodeLoosely(v, actual))!;
          findings.push({ expected, actual: shown, message: `${JSON.stringify(actual)} at ${pointer} is the documented code ${JSON.stringify(meant)} spelt another way; clients compare codes exactly`, basis: layer.basis });
        } else {
          const what = layer.basis === "assumed" ? `the code payconform assumes for ${doc.status} (the doc gives no example of it)` : `a code the doc's examples give for ${doc.status} (examples need not list every code)`;
          findings.push({ expected, actual: shown, message: `${JSON.stringify(actual)} at ${pointer} is not ${what}`, basis: "assumed" });
        }
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
  /** The values come from the status's examples, not from a const or enum of its schema. */
  fromExamples: boolean;
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
    if (typeof schema.const === "string") layers.push({ values: [schema.const], what: "the const the schema gives", basis: basisAtSchemaPath(doc.schema, `${path}/const`), fromExamples: false });
    else if (Array.isArray(schema.enum)) {
      const values = schema.enum.filter((v): v is string => typeof v === "string");
      if (values.length > 0) layers.push({ values, what: "a value of the schema's enum", basis: basisAtSchemaPath(doc.schema, `${path}/enum`), fromExamples: false });
    }
  }
  const fromExamples = doc.examples.map((ex) => getPointer(ex, pointer)).filter((v): v is string => typeof v === "string");
  if (fromExamples.length > 0) layers.push({ values: [...new Set(fromExamples)], what: "a code the doc's examples give", basis: doc.bodyBasis, fromExamples: true });
  return layers;
}

/** The same code but for letter case and the separators - _ . and space. */
function sameCodeLoosely(a: string, b: string): boolean {
  // Case, separators, whitespace and invisible format characters (a zero-width space after the code) aside.
  const fold = (code: string): string => code.toLowerCase().replace(/[-_.\s\p{Cf}]/gu, "");
  return a !== b && fold(a) === fold(b);
}
