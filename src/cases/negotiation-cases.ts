/**
 * Content negotiation: a delete of an id that never existed, sent with an Accept header that
 * names only a media type the doc does not give (application/xml). The doc describes one
 * representation, so the answer is the documented one regardless (a server may ignore Accept,
 * RFC 9110 §12.5.1) or 406 Not Acceptable; a body in the asked-for type that the doc never
 * describes fails content_type_conformance. Without any Accept header, the documented not-found
 * answer in the documented media type (no Accept means any, so never 406). And the same delete with an Accept-Language of other
 * languages than the doc's: a message may come translated, but the error code is an identifier,
 * so it must be the documented not-found code (error_code_conformance). And a delete of a fixture,
 * then of an id that never existed, with the query parameters JSONP support reads
 * (`callback`, `jsonp`): the doc documents neither, so the target may carry the delete out or
 * refuse it, but answers in the documented media type, never as a script that calls the named
 * function (which any page could include and read, a cross-site leak). And a fixture deleted with
 * an Accept-Encoding of every coding the client decodes: a compressed answer must decode under the
 * coding it names (raw deflate labelled `deflate`, a body compressed twice, fail). And a fixture
 * deleted with Prefer: return=representation, which a server may ignore (RFC 7240 §2): the answer is
 * the documented success, not the deleted record handed out.
 */
import type { OperationSpec } from "../spec/model.ts";
import { plan, type Scenario } from "./model.ts";

/** Languages a provider serving Latin America or India may translate its answers into. */
const OTHER_LANGUAGES = "es-419,es;q=0.9,pt-BR;q=0.8,hi;q=0.7";

/** The query parameters by which frameworks (Express's res.jsonp, Spring's JSONP advice) wrap JSON in a call. */
export const JSONP_QUERY = { callback: "payconform", jsonp: "payconform" };

/** What the compression case asks for: every content coding payconform's client decodes. */
export const ACCEPTED_ENCODINGS = "gzip, deflate, br";

/** An Accept list that names JSON among others, as HTTP libraries send it (axios's default). */
export const LIBRARY_ACCEPT = "application/json, text/plain, */*";

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
    {
      id: "no accept header",
      provider: op.provider,
      operationId: op.operationId,
      check: "content_type_conformance",
      basis: "documented",
      fixtures: 0,
      description: "an id that never existed, with no Accept header (what Go's and Python's HTTP clients send, read as any media type, RFC 9110 §12.5.1): the documented not-found answer in the documented media type, never 406 or another type",
      steps: [{ label: "no Accept", plan: plan({ omitHeaders: ["accept"] }), expect: "not-found" }],
    },
    {
      id: "accept of an HTTP library",
      provider: op.provider,
      operationId: op.operationId,
      check: "content_type_conformance",
      basis: "documented",
      fixtures: 0,
      description: `an id that never existed, with Accept: ${LIBRARY_ACCEPT} (axios's default, which names the documented type among others): the documented not-found answer in the documented media type, never 406`,
      steps: [{ label: `Accept: ${LIBRARY_ACCEPT}`, plan: plan({ headers: { accept: LIBRARY_ACCEPT } }), expect: "not-found" }],
    },
    {
      id: "accept-language of another language",
      provider: op.provider,
      operationId: op.operationId,
      check: "error_code_conformance",
      basis: "documented",
      fixtures: 0,
      description: `an id that never existed, with Accept-Language: ${OTHER_LANGUAGES}: the documented not-found answer, its code the documented one (a message may be translated, a code is not)`,
      steps: [{ label: `Accept-Language: ${OTHER_LANGUAGES}`, plan: plan({ headers: { "accept-language": OTHER_LANGUAGES } }), expect: "not-found" }],
    },
    {
      id: "accept-encoding of every coding",
      provider: op.provider,
      operationId: op.operationId,
      check: "content_type_conformance",
      basis: "documented",
      fixtures: 1,
      description: `a delete of a fixture, then of it again, with Accept-Encoding: ${ACCEPTED_ENCODINGS}: the documented answers, whose bodies, compressed or not, decode under their Content-Encoding to the documented media type`,
      steps: [
        { label: "a fixture", plan: plan({ headers: { "accept-encoding": ACCEPTED_ENCODINGS } }), fixture: 0, expect: "success" },
        { label: "the fixture again", plan: plan({ headers: { "accept-encoding": ACCEPTED_ENCODINGS } }), fixture: 0, expect: "refused" },
      ],
    },
    {
      id: "prefer return=representation",
      provider: op.provider,
      operationId: op.operationId,
      check: "delete_semantics",
      basis: "documented",
      fixtures: 1,
      description: "a delete of a fixture with Prefer: return=representation (RFC 7240), which a server may ignore: the documented success, not an answer that hands out the deleted record",
      steps: [{ label: "a fixture", plan: plan({ headers: { prefer: "return=representation" } }), fixture: 0, expect: "success" }],
    },
    {
      id: "jsonp callback parameters",
      provider: op.provider,
      operationId: op.operationId,
      check: "content_type_conformance",
      basis: "documented",
      fixtures: 1,
      description: "a delete of a fixture, then of an id that never existed, with ?callback=payconform&jsonp=payconform, which the doc does not document: carried out or refused, the answer is in the documented media type, not a script calling the named function",
      steps: [
        { label: "a fixture", plan: plan({ query: JSONP_QUERY }), fixture: 0, expect: "carried" },
        { label: "an id that never existed", plan: plan({ query: JSONP_QUERY }), expect: "refused" },
      ],
    },
  ];
}
