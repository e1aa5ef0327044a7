/**
 * An answer as the checks read it, from Node's incoming message and the body's bytes, the same for
 * `run`'s client and the proxy: header names lower-case with repeated values joined, the media
 * type, the body decoded under its Content-Encoding (`bodyProblem` where it does not decode, or
 * where a JSON or charset=utf-8 body is not UTF-8, or where JSON is labelled with a charset that
 * reads its bytes as other text), and
 * the fields that may appear once but came more than once, counted in the raw headers (Node keeps
 * the first of several Content-Types and drops the rest), and any trailer fields.
 */
import { isUtf8 } from "node:buffer";
import { STATUS_CODES, type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import { decodeBody, isEncoded } from "./content-encoding.ts";
import type { HttpResponse } from "./types.ts";

/** Fields that are not lists (RFC 9110 §5.3), which a checker must see only once. */
const SINGLETONS = new Set(["content-type", "content-length", "content-encoding"]);

export function responseOf(incoming: IncomingMessage, bytes: Buffer, maxBodyBytes: number): HttpResponse {
  const headers = joinedHeaders(incoming.headers);
  const contentType = headers["content-type"];
  const encoding = headers["content-encoding"];
  const decoded = isEncoded(encoding) ? decodeBody(bytes, encoding, maxBodyBytes) : undefined;
  const response: HttpResponse = {
    status: incoming.statusCode ?? 0,
    headers,
    text: decoded?.ok ? decoded.text : bytes.toString("utf8"),
    mediaType: contentType ? contentType.split(";")[0].trim().toLowerCase() : undefined,
  };
  const label = labelOf(contentType);
  if (decoded && !decoded.ok) response.bodyProblem = decoded.message;
  else if (!decoded && bytes.length > 0 && bytes.length < maxBodyBytes && textIsUtf8(label) && !isUtf8(bytes)) response.bodyProblem = `the body is not valid UTF-8, which ${contentType} must be`;
  else if (bytes.length > 0 && bytes.length < maxBodyBytes) {
    const misread = charsetMisreads(label, () => (decoded?.ok ? Buffer.from(decoded.text, "utf8") : bytes), response.text);
    if (misread) response.bodyProblem = misread;
  }
  if (decoded) response.encodedLength = bytes.length;
  const reason = incoming.statusMessage;
  if (reason && reason !== STATUS_CODES[response.status]) response.reason = reason;
  if (incoming.rawTrailers.length > 0) response.trailers = joinedHeaders(incoming.trailers);
  const repeated = repeatedFields(incoming.rawHeaders);
  if (repeated.length > 0) response.repeatedFields = repeated;
  return response;
}

/** A Content-Type read once: whether its media type is JSON, and its charset parameter (lower-case, unquoted). */
interface Label {
  json: boolean;
  charset?: string;
}

function labelOf(contentType: string | undefined): Label | undefined {
  if (!contentType) return undefined;
  const [type, ...params] = contentType.toLowerCase().split(";");
  const charset = params.map((p) => p.trim()).find((p) => p.startsWith("charset="));
  return { json: /^application\/(?:[\w.+-]+\+)?json$/.test(type.trim()), ...(charset === undefined ? {} : { charset: charset.slice("charset=".length).replace(/^"|"$/g, "") }) };
}

/** Whether the body must be UTF-8: JSON (RFC 8259 §8.1), or any text labelled charset=utf-8. */
function textIsUtf8(label: Label | undefined): boolean {
  if (!label) return false;
  return label.charset !== undefined ? /^utf-?8$/.test(label.charset) : label.json;
}

/**
 * JSON is UTF-8 (RFC 8259 §8.1, and application/json has no charset parameter, §11). A JSON body
 * labelled with another charset is read by a client that honours the label (a browser, Python's
 * urllib) as other text: `charset=utf-16` turns `{"a"` into CJK characters. A label that reads the
 * bytes as the same text (us-ascii or iso-8859-1 over an ASCII body) is harmless and passes. The
 * bytes are asked for only when the label is such a one.
 */
function charsetMisreads(label: Label | undefined, bytes: () => Buffer, utf8Text: string): string | undefined {
  const charset = label?.json ? label.charset : undefined;
  if (charset === undefined || /^utf-?8$/.test(charset)) return undefined;
  let read: string;
  try {
    read = new TextDecoder(charset).decode(bytes());
  } catch {
    return `the body is labelled charset=${charset}, which is no known character encoding; JSON is UTF-8 (RFC 8259 §8.1)`;
  }
  if (read === utf8Text) return undefined;
  let at = 0;
  while (at < read.length && at < utf8Text.length && read[at] === utf8Text[at]) at++;
  const from = Math.max(0, at - 8);
  return `the body is labelled charset=${charset}, which reads the UTF-8 JSON it holds as other text (${JSON.stringify(utf8Text.slice(from, at + 8))} as ${JSON.stringify(read.slice(from, at + 8))}); JSON is UTF-8 (RFC 8259 §8.1)`;
}

/** Header names lower-case, each value a string (Node keeps set-cookie as a list). */
export function joinedHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  return out;
}

function repeatedFields(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    if (SINGLETONS.has(name)) seen.set(name, (seen.get(name) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([name]) => name);
}
