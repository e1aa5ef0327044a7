/**
 * content_type_conformance: the response media type is the documented one, stated once, the body
 * reads under the Content-Encoding it is labelled with, and the body is empty where the doc says
 * it is (Yuno 202, Cashfree 204), a 204 announcing no content in its Content-Length either.
 * Whatever the request, no answer is chunked where HTTP/1.1 forbids Transfer-Encoding: on a 1xx,
 * 204 or 304, and to a request that was not HTTP/1.1 (RFC 9112 §6.1).
 */
import { documented, documentedStatus } from "./preconditions.ts";
import type { Check, CheckInput, Finding } from "./types.ts";

export const contentTypeConformance: Check = {
  id: "content_type_conformance",
  run: (input) => {
    const chunked = forbiddenTransferEncoding(input);
    if (!documentedStatus(input)) return chunked.length > 0 ? chunked : undefined;
    return [...chunked, ...(documentedAnswer(input) ?? [])];
  },
};

/** A Transfer-Encoding where RFC 9112 §6.1 says a server MUST NOT send one. */
function forbiddenTransferEncoding(input: CheckInput): Finding[] {
  const coding = input.response.headers["transfer-encoding"];
  if (coding === undefined) return [];
  const { status } = input.response;
  const where = status < 200 || status === 204 || status === 304 ? `a ${status} answer` : input.request.http10 ? "the answer to an HTTP/1.0 request" : undefined;
  if (where === undefined) return [];
  return [{ expected: "no Transfer-Encoding", actual: `Transfer-Encoding: ${coding}`, message: `${where} carries Transfer-Encoding, which a server must not send there (RFC 9112 §6.1): a client that does not expect a chunked body misreads this answer and the next one on the connection`, basis: "documented" }];
}

/**
 * A JSON string holding half of a surrogate pair (`"KC…\\ud83d"`, an id cut between the two
 * UTF-16 units of a character): no UTF-8 text can hold it, and parsers differ on it (RFC 8259 §8.2;
 * RFC 7493 §2.1, I-JSON, forbids it). No doc names I-JSON, so this is assumed.
 */
function loneSurrogate(input: CheckInput): Finding | undefined {
  if (!input.json.ok || !/\\u[dD][89a-fA-F]/.test(input.response.text)) return undefined;
  const found = findLoneSurrogate(input.json.value, 0);
  if (found === undefined) return undefined;
  return { expected: "JSON strings of whole characters", actual: `${JSON.stringify(found.slice(0, 60))}`, message: `the ${input.response.status} body holds a string with half of a UTF-16 surrogate pair, which no UTF-8 text can carry and JSON parsers read differently (RFC 8259 §8.2, RFC 7493 §2.1): text cut between the two halves of a character`, basis: "assumed" };
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The first string (key or value) in `value` with a lone surrogate; bounded depth. */
function findLoneSurrogate(value: unknown, depth: number): string | undefined {
  if (typeof value === "string") return LONE_SURROGATE.test(value) ? value : undefined;
  if (depth > 32 || value === null || typeof value !== "object") return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (LONE_SURROGATE.test(key)) return key;
    const found = findLoneSurrogate(item, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

function documentedAnswer(input: CheckInput): Finding[] | undefined {
  const doc = documented(input)!;
  const { mediaType, text, status, bodyProblem, repeatedFields = [] } = { ...input.response };
  const framing = [
    ...(bodyProblem ? [{ expected: "a body that reads under its Content-Encoding", actual: bodyProblem, message: `the ${status} body cannot be read: ${bodyProblem}`, basis: doc.bodyBasis }] : []),
    ...repeatedFields.map((field) => ({ expected: `one ${field} field`, actual: `${field} more than once`, message: `the ${status} answer carries ${field} more than once, which a field that is not a list may not (RFC 9110 §5.3); clients keep different ones`, basis: doc.bodyBasis })),
    ...(status === 204 && /[1-9]/.test(input.response.headers["content-length"] ?? "")
      ? [{ expected: "no Content-Length (or 0)", actual: `Content-Length: ${input.response.headers["content-length"]}`, message: `the 204 answer announces content in Content-Length, which a 204 may not carry (RFC 9110 §8.6, §15.3.5): a client that trusts it takes the next answer's first bytes for this one's body`, basis: doc.bodyBasis }]
      : []),
  ];
  if (framing.length > 0) return framing;
  const lone = loneSurrogate(input);
  if (lone) return [lone];
  if (doc.contentType === undefined) {
    if (text.length === 0 && !input.response.encodedLength) return [];
    if (text.length === 0) return [{ expected: "an empty body", actual: `${input.response.encodedLength} bytes of ${input.response.headers["content-encoding"]} (nothing, compressed)`, message: `the doc says the ${status} body is empty, but the answer sends ${input.response.encodedLength} bytes: an empty body compressed is still content (RFC 9110 §8.4), which a client expecting none does not read`, basis: doc.bodyBasis }];
    return [{ expected: "an empty body", actual: `${Buffer.byteLength(text)} bytes${mediaType ? ` of ${mediaType}` : ""}`, message: `the doc says the ${status} body is empty`, basis: doc.bodyBasis }];
  }
  if (mediaType === doc.contentType.toLowerCase()) return [];
  return [{ expected: doc.contentType, actual: mediaType ?? "no content-type", message: `the ${status} body is ${doc.contentTypeBasis === "assumed" ? "assumed to be" : "documented as"} ${doc.contentType}`, basis: doc.contentTypeBasis }];
}
