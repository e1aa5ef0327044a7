/**
 * A spec diff as data: every change between two versions of an effective spec, classified for a
 * consumer of the API (the party that sends requests and reads answers, as payconform's generated
 * clients and conformance cases do).
 */

/** breaking: a consumer that worked before may fail now; non-breaking: it keeps working; annotation: nothing on the wire changes. */
export type ChangeClass = "breaking" | "non-breaking" | "annotation";

export interface SpecChange {
  class: ChangeClass;
  /** What changed, stable and kebab-case: `status-removed`, `error-code-added`, `pattern-tightened`, … */
  kind: string;
  /** "DELETE /customers/{customer_id}", or "document" for servers, security and info. */
  operation: string;
  /** JSON pointer of the change, into the new document (into the old one for removals). */
  pointer: string;
  before?: unknown;
  after?: unknown;
  /** One line for people. */
  message: string;
}

export interface SpecDiff {
  changes: SpecChange[];
  /** How many changes of each class. */
  counts: Record<ChangeClass, number>;
  breaking: boolean;
}

export const CLASS_ORDER: readonly ChangeClass[] = ["breaking", "non-breaking", "annotation"];

export function summarizeChanges(changes: SpecChange[]): SpecDiff {
  const sorted = [...changes].sort((a, b) => CLASS_ORDER.indexOf(a.class) - CLASS_ORDER.indexOf(b.class) || a.operation.localeCompare(b.operation) || a.pointer.localeCompare(b.pointer));
  const counts = { breaking: 0, "non-breaking": 0, annotation: 0 };
  for (const c of sorted) counts[c.class] += 1;
  return { changes: sorted, counts, breaking: counts.breaking > 0 };
}
