/**
 * The page's contradictions a schema records in `x-payconform-contradictions`. An entry with a
 * `schemaPath` names the keyword its choice became, as Ajv reports it for the schema with its
 * `$ref`s resolved (`#/properties/requestId/pattern`), so a finding from that keyword can say the
 * page contradicts itself there.
 */
import { isObject } from "./json-value.ts";

export interface Contradiction {
  topic: string;
  documents: string;
  choice: string;
  schemaPath?: string;
}

export function contradictionsOf(schema: unknown): Contradiction[] {
  const list = isObject(schema) ? schema["x-payconform-contradictions"] : undefined;
  return Array.isArray(list) ? list.filter(isContradiction) : [];
}

/** " (page contradiction "topic": documents choice)" for a keyword a contradiction is about, else "". */
export function contradictionNote(schema: unknown, schemaPath: string): string {
  const entry = contradictionsOf(schema).find((contradiction) => contradiction.schemaPath === schemaPath);
  return entry === undefined ? "" : ` (page contradiction "${entry.topic}": ${entry.documents} ${entry.choice})`;
}

function isContradiction(value: unknown): value is Contradiction {
  return isObject(value) && typeof value.topic === "string" && typeof value.documents === "string" && typeof value.choice === "string";
}
