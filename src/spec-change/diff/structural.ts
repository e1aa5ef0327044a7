/**
 * The structural diff of two OpenAPI documents, from api-smart-diff: every added, removed or
 * replaced node, with `$ref`s resolved so a change to a shared component shows where it is used.
 * payconform's own rules (rules.ts) then decide what each change means for a consumer.
 */
import { apiCompare } from "api-smart-diff";

export interface RawChange {
  action: "add" | "remove" | "replace" | "rename";
  /** Path of the node: object keys and array indexes. */
  path: Array<string | number>;
  before?: unknown;
  after?: unknown;
  /** The library's own classification, used where no payconform rule applies. */
  libraryType: string;
}

export function structuralDiff(before: object, after: object): RawChange[] {
  const { diffs } = apiCompare(structuredClone(before), structuredClone(after));
  return diffs.map((d) => ({ action: d.action, path: [...d.path], before: d.before, after: d.after, libraryType: String(d.type) }));
}
