/**
 * Content negotiation: a delete of an id that never existed, sent with an Accept header that
 * names only a media type the doc does not give (application/xml). The doc describes one
 * representation, so the answer is the documented one regardless (a server may ignore Accept,
 * RFC 9110 §12.5.1) or 406 Not Acceptable; a body in the asked-for type that the doc never
 * describes fails content_type_conformance.
 */
import type { OperationSpec } from "../spec/model.ts";
import { plan, type Scenario } from "./model.ts";

/** The Accept header of the case: a media type no spec of payconform's documents. */
export const UNDOCUMENTED_ACCEPT = "application/xml";

export function negotiationScenarios(op: OperationSpec): Scenario[] {
  if (!op.responses.some((r) => r.contentType !== undefined)) return [];
  return [
    {
      id: `accept ${UNDOCUMENTED_ACCEPT}`,
      provider: op.provider,
      operationId: op.operationId,
      check: "content_type_conformance",
      basis: "documented",
      fixtures: 0,
      description: `an id that never existed, with Accept: ${UNDOCUMENTED_ACCEPT}: the documented answer in the documented media type, or 406`,
      steps: [{ label: `Accept: ${UNDOCUMENTED_ACCEPT}`, plan: plan({ headers: { accept: UNDOCUMENTED_ACCEPT } }), expect: "refused" }],
    },
  ];
}
