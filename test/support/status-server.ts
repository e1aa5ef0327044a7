/**
 * A loopback HTTP server that gives one canned answer: a documented status of an operation with
 * the spec's example body for it. `cannedAnswers` derives the answers from a loaded spec, so a
 * test drives a client through every documented status without writing any body by hand.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import type { OperationSpec } from "../../src/spec/model.ts";

export interface CannedAnswer {
  /** Row name for test tables, e.g. "400 (example 2 of 2)". */
  label: string;
  status: number;
  /** Documented media type; undefined when the status documents no body. */
  contentType?: string;
  /** The example value; undefined when there is no body. */
  body?: unknown;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface StatusServer {
  baseUrl: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** One answer per documented status and example (a status without a body gives one empty answer). */
export function cannedAnswers(op: OperationSpec): CannedAnswer[] {
  return op.responses.flatMap((response): CannedAnswer[] => {
    const { status, contentType, examples } = response;
    if (!contentType) return [{ label: `${status} (no body)`, status }];
    if (examples.length === 0) throw new Error(`${op.operationId} ${status}: the spec gives no example body`);
    return examples.map((body, i) => ({ label: `${status} (example ${i + 1} of ${examples.length})`, status, contentType, body }));
  });
}

/** Starts a server on 127.0.0.1 (ephemeral port) that answers every request with `answer`. */
export async function startStatusServer(answer: CannedAnswer): Promise<StatusServer> {
  const requests: RecordedRequest[] = [];
  const payload = answer.contentType === undefined ? "" : JSON.stringify(answer.body);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const headers: Record<string, string | number> = {};
      if (answer.contentType !== undefined) headers["content-type"] = answer.contentType;
      if (answer.status !== 204) headers["content-length"] = Buffer.byteLength(payload);
      res.writeHead(answer.status, headers);
      res.end(payload);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Runs `fn` against a fresh server for `answer` and always closes the server afterwards. */
export async function withStatusServer<T>(answer: CannedAnswer, fn: (server: StatusServer) => Promise<T>): Promise<T> {
  const server = await startStatusServer(answer);
  try {
    return await fn(server);
  } finally {
    await server.close();
  }
}
