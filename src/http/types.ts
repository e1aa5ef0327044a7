/** One HTTP exchange as payconform sends and sees it. */
export interface HttpRequest {
  method: string;
  /** Absolute URL, path already percent-encoded. */
  url: string;
  headers: Record<string, string>;
  /** Header lines sent after `headers`, each naming a field of `headers` again: a field repeated (RFC 9110 §5.3). */
  repeatedHeaders?: Array<[string, string]>;
  /** Send the request line's target in absolute form (`POST http://host/path HTTP/1.1`, RFC 9112 §3.2.2), not origin form. */
  absoluteForm?: boolean;
  /** Send the body with Transfer-Encoding: chunked, in two chunks, without Content-Length. */
  chunked?: boolean;
  /** Send the URL's path and query as written, dot segments (`/health/../`) included, which a URL parser would resolve. */
  pathAsIs?: boolean;
  /** Send the request as HTTP/1.0, without keep-alive: the connection closes after the answer. */
  http10?: boolean;
  /** The method as written on the request line (`delete`), where it differs from `method` in case only. */
  methodSpelling?: string;
  /** Send every field name title-cased (`X-Routing-Id`); `headers` keeps them lowercase. */
  titleCaseNames?: boolean;
  body?: string;
}

export interface HttpResponse {
  status: number;
  /** Header names lowercased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The raw body as text (UTF-8). */
  text: string;
  /** The media type without parameters, lowercased, or undefined when absent. */
  mediaType?: string;
  /** Why the body as sent cannot be read: a Content-Encoding it does not decode under. `text` is then the bytes as UTF-8. */
  bodyProblem?: string;
  /** Fields that may appear once (Content-Type, Content-Length, Content-Encoding) but came more than once, lowercased. */
  repeatedFields?: string[];
  /** The body's length as sent, where a Content-Encoding was decoded (`text` is the decoded body). */
  encodedLength?: number;
  /** The status line's reason phrase, where it is not the standard one for the status (RFC 9112 §4: a client should ignore it, but it is text the target sends). */
  reason?: string;
  /** Trailer fields after a chunked body (RFC 9110 §6.5), names lower-case, when there were any. */
  trailers?: Record<string, string>;
}

/**
 * `unsendable`: Node refused the request before sending it (e.g. a header value outside Latin-1).
 * `tls`: the TLS handshake failed (an untrusted certificate); the client stops the run on it.
 */
export type FaultKind = "timeout" | "reset" | "refused" | "body-too-large" | "protocol" | "unsendable" | "tls";

/** The target failed at the transport level: no usable HTTP response. */
export interface TransportFault {
  kind: FaultKind;
  message: string;
}

export interface Exchange {
  request: HttpRequest;
  response?: HttpResponse;
  fault?: TransportFault;
  /** How many 429 answers were waited out before this one. */
  retries: number;
  /** Milliseconds spent sending and receiving (every retry's exchange; not waits for a free slot or a Retry-After). */
  durationMs: number;
}
