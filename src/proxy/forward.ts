/**
 * Forwards one client request to the target and the target's answer back, bytes unchanged: the
 * method, the path and query (appended to the target's base URL), every header but the
 * hop-by-hop ones (RFC 9110 §7.6.1) with Host naming the target, and the body, streamed both
 * ways. A copy of each body, up to the cap, is kept for the checks. The target down, a reset or
 * a timeout gets the client a 502 or 504 from the proxy and becomes a fault of the exchange.
 */
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { httpsModule, type Agents } from "../http/agents.ts";
import { isTlsError, tlsFailureMessage } from "../http/tls.ts";
import { joinedHeaders, responseOf } from "../http/response-of.ts";
import type { TransportFault } from "../http/types.ts";
import type { ClientRequest, Forwarded } from "./exchange.ts";

export interface ForwardContext {
  /** The target's base URL, without a trailing slash. */
  target: URL;
  /** The target's base path ("/v1"), or "". */
  basePath: string;
  timeoutMs: number;
  maxBodyBytes: number;
  agents: Agents;
}

/** Headers that describe one connection, not the message: never forwarded. */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "proxy-authorization", "proxy-authenticate", "te", "trailer", "transfer-encoding", "upgrade", "host"]);

export function forward(ctx: ForwardContext, req: IncomingMessage, res: ServerResponse): Promise<Forwarded> {
  const began = performance.now();
  const path = originForm(req.url ?? "/");
  const request: ClientRequest = { method: req.method ?? "GET", path, headers: joinedHeaders(req.headers), bodyTooLarge: false };
  const secure = ctx.target.protocol === "https:";
  return new Promise<Forwarded>((resolve) => {
    let settled = false;
    let clientGone = false;
    let timer: NodeJS.Timeout | undefined;
    let upstream: http.ClientRequest | undefined;
    const requestBody = capture(ctx.maxBodyBytes);
    const finish = (outcome: Pick<Forwarded, "status" | "response" | "fault">): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.body = requestBody.text();
      request.bodyTooLarge = requestBody.tooLarge;
      resolve({ request, ...outcome, clientGone, ms: performance.now() - began });
    };
    /** No answer from the target: the client gets `status` from the proxy, unless the answer had begun. */
    const fail = (fault: TransportFault, status: 502 | 504): void => {
      if (settled) return;
      upstream?.destroy();
      if (res.headersSent) {
        res.destroy();
        finish({ fault });
        return;
      }
      const text = `payconform proxy: ${fault.message}\n`;
      res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "content-length": String(Buffer.byteLength(text)), "x-payconform-fault": fault.kind });
      res.end(text);
      finish({ status, fault });
    };

    const options = {
      protocol: ctx.target.protocol,
      hostname: ctx.target.hostname.replace(/^\[|\]$/g, ""),
      port: ctx.target.port || (secure ? 443 : 80),
      method: request.method,
      path: ctx.basePath + path,
      headers: forwardedHeaders(req.rawHeaders, ctx.target.host, req.headers["transfer-encoding"] !== undefined && req.headers["content-length"] === undefined),
      setHost: false,
      agent: secure ? ctx.agents.https : ctx.agents.http,
    };
    try {
      upstream = (secure ? httpsModule() : http).request(options as http.RequestOptions);
    } catch (error) {
      // Node refuses some requests before any byte is sent, e.g. a header value it cannot encode.
      req.resume();
      fail({ kind: "unsendable", message: `the request cannot be forwarded: ${(error as Error).message}` }, 502);
      return;
    }
    const sending = upstream;
    timer = setTimeout(() => fail({ kind: "timeout", message: `no complete answer from the target within ${ctx.timeoutMs} ms` }, 504), ctx.timeoutMs);

    res.on("close", () => {
      if (settled || res.writableFinished) return;
      clientGone = true;
      sending.destroy();
      finish({ fault: { kind: "reset", message: "the client closed the connection before the answer was complete" } });
    });
    req.on("data", (chunk: Buffer) => requestBody.add(chunk));
    req.pipe(sending);

    sending.on("error", (error: NodeJS.ErrnoException) => {
      const fault = isTlsError(error) ? { kind: "tls" as const, message: tlsFailureMessage(ctx.target.origin, error) } : faultOf(error);
      fail(fault, 502);
    });
    sending.on("response", (incoming) => {
      const status = incoming.statusCode ?? 502;
      const body = capture(ctx.maxBodyBytes);
      try {
        res.writeHead(status, incoming.statusMessage, forwardedResponseHeaders(incoming.rawHeaders));
      } catch (error) {
        incoming.resume();
        fail({ kind: "protocol", message: `the target's answer cannot be passed on: ${(error as Error).message}` }, 502);
        return;
      }
      incoming.on("data", (chunk: Buffer) => {
        body.add(chunk);
        res.write(chunk);
      });
      incoming.on("close", () => {
        if (!incoming.complete) fail({ kind: "reset", message: "the target closed the connection mid-answer" }, 502);
      });
      incoming.on("error", (error: NodeJS.ErrnoException) => fail(faultOf(error), 502));
      incoming.on("end", () => {
        if (settled) return;
        res.end();
        if (body.tooLarge) {
          finish({ status, fault: { kind: "body-too-large", message: `the answer's body exceeds ${ctx.maxBodyBytes} bytes: forwarded, not checked` } });
          return;
        }
        finish({ status, response: responseOf(incoming, body.bytes(), ctx.maxBodyBytes) });
      });
    });
  });
}

/** The request target as path and query, also for an absolute-form target (`GET http://host/x`). */
function originForm(target: string): string {
  if (target.startsWith("/")) return target;
  try {
    const url = new URL(target);
    return url.pathname + url.search;
  } catch {
    return `/${target}`;
  }
}

/**
 * The client's raw headers without the hop-by-hop ones (and those its Connection header names),
 * with Host naming the target. A body the client sent chunked goes on chunked: Node would not
 * chunk a DELETE body by itself, and the target could not tell where it ends.
 */
function forwardedHeaders(raw: readonly string[], host: string, chunked: boolean): string[] {
  const out = withoutHopByHop(raw);
  out.push("Host", host);
  if (chunked) out.push("Transfer-Encoding", "chunked");
  return out;
}

function forwardedResponseHeaders(raw: readonly string[]): string[] {
  return withoutHopByHop(raw);
}

function withoutHopByHop(raw: readonly string[]): string[] {
  const named = new Set<string>();
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i].toLowerCase() === "connection") for (const name of raw[i + 1].split(",")) named.add(name.trim().toLowerCase());
  }
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    if (!HOP_BY_HOP.has(name) && !named.has(name)) out.push(raw[i], raw[i + 1]);
  }
  return out;
}

interface Capture {
  add(chunk: Buffer): void;
  bytes(): Buffer;
  text(): string | undefined;
  readonly tooLarge: boolean;
}

/** Keeps a copy of a body up to `max` bytes; past that, only the fact that it was larger. */
function capture(max: number): Capture {
  let chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  return {
    add(chunk) {
      size += chunk.length;
      if (size > max) {
        tooLarge = true;
        chunks = [];
      } else if (!tooLarge) chunks.push(chunk);
    },
    bytes: () => (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)),
    text: () => (tooLarge || size === 0 ? undefined : (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).toString("utf8")),
    get tooLarge() {
      return tooLarge;
    },
  };
}

function faultOf(error: NodeJS.ErrnoException): TransportFault {
  switch (error.code) {
    case "ECONNREFUSED":
      return { kind: "refused", message: "connection refused by the target" };
    case "ECONNRESET":
    case "EPIPE":
      return { kind: "reset", message: "connection reset by the target" };
    case "ETIMEDOUT":
      return { kind: "timeout", message: "connection to the target timed out" };
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return { kind: "refused", message: `the target's host name does not resolve (${error.code})` };
    default:
      if (error.code?.startsWith("HPE_")) return { kind: "protocol", message: `malformed HTTP answer from the target (${error.code})` };
      return { kind: "protocol", message: error.code ? `${error.code}: ${error.message}` : error.message };
  }
}
