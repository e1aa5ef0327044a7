/**
 * The HTTP core every sandbox shares: binds 127.0.0.1 on an ephemeral port (or where `listen`
 * says), reads each request into a `SandboxRequest`, hands it to the state endpoint or the API,
 * and writes `SandboxReply`s. It knows no provider.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { isIPv6, type AddressInfo } from "node:net";
import type { ExchangeLogEntry, ListenOptions, SandboxReply, SandboxRequest } from "./types.ts";

/** Where the provider-state endpoint lives, outside any base path. */
export const STATE_PATH = "/_payconform/state";
/** Request bodies above this size are refused with 413 before any step runs. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Room for request lines and headers several times the size of Node's default. */
const MAX_HEADER_BYTES = 128 * 1024;

export interface SandboxApp {
  /** The spec server's path prefix, e.g. "/v1", or "" for none. */
  basePath: string;
  api(req: SandboxRequest, res: ServerResponse): void;
  state(req: SandboxRequest): SandboxReply;
  /** Told about every request once its answer is sent or its connection ends. */
  onExchange?(entry: ExchangeLogEntry): void;
}

export interface RunningServer {
  origin: string;
  close(): Promise<void>;
}

export async function startServer(app: SandboxApp, listen: ListenOptions = {}): Promise<RunningServer> {
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    if (app.onExchange) logExchange(req, res, app.onExchange);
    void handle(app, req, res);
  });
  const host = listen.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(listen.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${urlHost(host)}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The host part of a URL that reaches a server bound to `host`: a wildcard address (every
 * interface) is reached on loopback; an IPv6 address goes in brackets.
 */
function urlHost(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return isIPv6(host) ? `[${host}]` : host;
}

function logExchange(req: IncomingMessage, res: ServerResponse, log: (entry: ExchangeLogEntry) => void): void {
  const started = performance.now();
  let logged = false;
  const done = (status: number | undefined): void => {
    if (logged) return;
    logged = true;
    log({ method: req.method ?? "GET", url: req.url ?? "/", status, durationMs: performance.now() - started });
  };
  res.once("finish", () => done(res.statusCode));
  res.once("close", () => done(res.writableFinished ? res.statusCode : undefined));
}

async function handle(app: SandboxApp, req: IncomingMessage, res: ServerResponse): Promise<void> {
  req.on("error", () => res.destroy());
  try {
    const body = await readBody(req);
    if (body === undefined) {
      sendReply(res, { status: 413, headers: { connection: "close" }, body: { message: "Request body too large." } });
      return;
    }
    const request = toSandboxRequest(req, body, app.basePath);
    const pathname = request.rawUrl.split("?")[0];
    if (pathname === STATE_PATH) sendReply(res, app.state(request));
    else app.api(request, res);
  } catch {
    if (res.headersSent || res.destroyed) res.destroy();
    else sendReply(res, { status: 500, body: { message: "The sandbox failed to answer." } });
  }
}

/** The body as UTF-8 text, or undefined when it is larger than MAX_BODY_BYTES (then drained). */
function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on("end", () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function toSandboxRequest(req: IncomingMessage, body: string, basePath: string): SandboxRequest {
  const rawUrl = originForm(req.url ?? "/");
  const at = rawUrl.indexOf("?");
  const pathname = at === -1 ? rawUrl : rawUrl.slice(0, at);
  const query = new URLSearchParams(at === -1 ? "" : rawUrl.slice(at + 1));
  return { method: req.method ?? "GET", rawUrl, segments: segmentsAfter(pathname, basePath), query, headers: distinctHeaders(req), rawHeaders: req.rawHeaders, httpVersion: req.httpVersion, body };
}

/**
 * The request's headers, a field sent on more than one line kept as the list of its lines rather
 * than joined or cut to the first (as Node does for Authorization): a repeated credential is no
 * credential (RFC 9110 §5.3 allows repeating list-based fields only).
 */
function distinctHeaders(req: IncomingMessage): IncomingHttpHeaders {
  // No field sent twice (one header object key per raw line): Node's own object is the answer.
  if (req.rawHeaders.length === 2 * Object.keys(req.headers).length) return req.headers;
  const headers: IncomingHttpHeaders = {};
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    if (values) headers[name] = values.length === 1 ? values[0] : values;
  }
  return headers;
}

/** The request target as path and query, also for an absolute-form target. */
function originForm(target: string): string {
  if (target.startsWith("/")) return target;
  try {
    const url = new URL(target);
    return url.pathname + url.search;
  } catch {
    return "/";
  }
}

/** Still-encoded segments after the base path; none when the path is outside it. */
function segmentsAfter(pathname: string, basePath: string): string[] {
  if (basePath !== "" && pathname !== basePath && !pathname.startsWith(`${basePath}/`)) return [];
  const rest = pathname.slice(basePath.length);
  return rest === "" ? [] : rest.split("/").slice(1);
}

/** Writes a reply: an object body as JSON, a string or bytes as given, nothing as an empty body. */
export function sendReply(res: ServerResponse, reply: SandboxReply): void {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(reply.headers ?? {})) headers[name.toLowerCase()] = value;
  const payload = encodeBody(reply.body, headers);
  const bodyless = reply.status === 204 || reply.status === 304 || reply.status < 200;
  if (!bodyless) headers["content-length"] = String(payload?.length ?? 0);
  res.writeHead(reply.status, headers);
  res.end(bodyless ? undefined : payload);
}

/** A reply's body as bytes, its Content-Type put into `headers` where it has none. */
export function encodeBody(body: unknown, headers: Record<string, string>): Buffer | undefined {
  if (body === undefined) return undefined;
  if (typeof body === "string") {
    headers["content-type"] ??= "text/plain; charset=utf-8";
    return Buffer.from(body, "utf8");
  }
  if (body instanceof Uint8Array) {
    headers["content-type"] ??= "application/octet-stream";
    return Buffer.from(body);
  }
  headers["content-type"] ??= "application/json";
  return Buffer.from(JSON.stringify(body) ?? "null", "utf8");
}
