/**
 * Sends one request over node:http(s) with a keep-alive agent, a per-request timeout and a cap
 * on the body size. Transport failures, and requests Node refuses to send, come back as a
 * `TransportFault`, never as a throw; a request that finds its kept-alive connection closed by the
 * server before any answer is sent once more on a new one.
 */
import http from "node:http";
import { httpsModule, type Agents } from "./agents.ts";
import { responseOf } from "./response-of.ts";
import { isTlsError, tlsFailureMessage } from "./tls.ts";
import { headerLines } from "./header-lines.ts";
import type { HttpRequest, HttpResponse, TransportFault } from "./types.ts";

export interface SendOptions {
  timeoutMs: number;
  maxBodyBytes: number;
  agents: Agents;
  /** Aborts the request in flight. */
  signal?: AbortSignal;
  /** Names the far end in TLS fault messages. Default: "target". */
  label?: string;
}

export function sendOnce(req: HttpRequest, options: SendOptions, retried = false): Promise<HttpResponse | TransportFault> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (value: HttpResponse | TransportFault): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(value);
    };
    const url = new URL(req.url);
    const label = options.label ?? "target";
    const secure = url.protocol === "https:";
    const body = req.body === undefined ? undefined : Buffer.from(req.body, "utf8");
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of headerLines(req)) headers[name] = name in headers ? [...[headers[name]].flat(), value] : value;
    if (body && req.chunked) headers[req.titleCaseNames ? "Transfer-Encoding" : "transfer-encoding"] = "chunked";
    else if (body) headers[req.titleCaseNames ? "Content-Length" : "content-length"] = String(body.length);
    let outgoing: http.ClientRequest;
    try {
      // HTTP/1.0 without keep-alive: the server closes the connection after its answer, and the agent drops it.
      if (req.http10) headers[req.titleCaseNames ? "Connection" : "connection"] = "close";
      outgoing = (secure ? httpsModule() : http).request(url, { method: req.method, headers, agent: secure ? options.agents.https : options.agents.http, signal: options.signal, ...(req.absoluteForm ? { path: url.href } : req.pathAsIs ? { path: req.url.slice(url.origin.length) } : {}), ...(secure ? { servername: tlsServername(url.hostname) } : {}) });
      if (req.http10 || req.methodSpelling) rewriteRequestLine(outgoing, req);
    } catch (error) {
      // Node refuses some values before any byte is sent, e.g. a header value outside Latin-1.
      resolve({ kind: "unsendable", message: `the request cannot be sent: ${(error as Error).message}` });
      return;
    }
    const timer = setTimeout(() => {
      finish({ kind: "timeout", message: `no complete response within ${options.timeoutMs} ms` });
      outgoing.destroy();
    }, options.timeoutMs);
    let answered = false;
    outgoing.on("error", (error: NodeJS.ErrnoException) => {
      // A kept-alive connection the server closed while it sat idle, found closed as this request
      // went out on it: no answer came, and the request is sent once more on a new connection
      // (Node's documented remedy). Any other fault, or a second one, is the target's.
      if (!answered && !settled && !retried && outgoing.reusedSocket && (error.code === "ECONNRESET" || error.code === "EPIPE")) {
        settled = true;
        clearTimeout(timer);
        resolve(sendOnce(req, options, true));
        return;
      }
      finish(isTlsError(error) ? { kind: "tls", message: tlsFailureMessage(url.origin, error, label) } : faultOf(error, label));
    });
    outgoing.on("response", (incoming) => {
      answered = true;
      const chunks: Buffer[] = [];
      let size = 0;
      incoming.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBodyBytes) {
          finish({ kind: "body-too-large", message: `response body exceeds ${options.maxBodyBytes} bytes` });
          incoming.destroy();
          return;
        }
        chunks.push(chunk);
      });
      incoming.on("error", (error: NodeJS.ErrnoException) => finish(faultOf(error, label)));
      incoming.on("aborted", () => finish({ kind: "reset", message: `${label} closed the connection mid-response` }));
      incoming.on("end", () => finish(responseOf(incoming, Buffer.concat(chunks), options.maxBodyBytes)));
    });
    if (body && req.chunked && body.length > 1) {
      // Two chunks: a server that reads only the first, or needs a Content-Length, shows.
      outgoing.write(body.subarray(0, body.length >> 1));
      outgoing.end(body.subarray(body.length >> 1));
    } else outgoing.end(body);
  });
}

/**
 * Has the request go out with `HTTP/1.0` on its request line, or its method spelled as given
 * (`delete`). Node's client writes `HTTP/1.1` and the method in upper case there whatever it is
 * asked; the line is composed by the request's `_storeHeader` (the same in every Node release
 * since 0.x), which is wrapped for this request alone. Node's parser reads an HTTP/1.0 answer,
 * framed by its length or by the closing connection.
 */
function rewriteRequestLine(outgoing: http.ClientRequest, req: HttpRequest): void {
  const request = outgoing as http.ClientRequest & { _storeHeader(firstLine: string, headers: unknown): void };
  const store = request._storeHeader;
  request._storeHeader = function (this: unknown, firstLine: string, headers: unknown): void {
    let line = req.http10 ? firstLine.replace(/ HTTP\/1\.1\r\n$/, " HTTP/1.0\r\n") : firstLine;
    if (req.methodSpelling && line.startsWith(`${req.method.toUpperCase()} `)) line = `${req.methodSpelling}${line.slice(req.method.length)}`;
    store.call(this, line, headers);
  };
}

/**
 * The TLS server name: the URL's host, never the Host header a request may set to something else
 * (`Host: localhost`), which Node would otherwise verify the certificate against; "" (no SNI) for
 * an IP address, which is checked against the certificate's IP entries.
 */
function tlsServername(hostname: string): string {
  return /^[\d.]+$|^\[|:/.test(hostname) ? "" : hostname;
}

export function isFault(value: HttpResponse | TransportFault): value is TransportFault {
  return "kind" in value;
}

function faultOf(error: NodeJS.ErrnoException, label: string): TransportFault {
  switch (error.code) {
    case "ECONNREFUSED":
      return { kind: "refused", message: `connection refused by ${label}` };
    case "ECONNRESET":
    case "EPIPE":
      return { kind: "reset", message: `connection reset by ${label}` };
    case "ETIMEDOUT":
      return { kind: "timeout", message: "connection timed out" };
    default:
      if (error.code?.startsWith("HPE_")) return { kind: "protocol", message: `malformed HTTP response (${error.code})` };
      return { kind: "protocol", message: error.code ? `${error.code}: ${error.message}` : error.message };
  }
}
