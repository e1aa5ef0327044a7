/**
 * A loopback provider-state server (Pact convention) for fixture tests: records every POST body
 * and answers through a function, e.g. forwarding to a sandbox's own state endpoint or giving a
 * canned answer. Every server started here is closed by `closeStateServers`.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface StateAnswer {
  status: number;
  contentType?: string;
  text: string;
}

export type StateHandler = (body: unknown) => StateAnswer | Promise<StateAnswer>;

export interface StateServer {
  url: string;
  /** Parsed JSON bodies of every call, in arrival order (the raw text when it is not JSON). */
  calls: unknown[];
  close(): Promise<void>;
}

const open: StateServer[] = [];

export async function startStateServer(handler: StateHandler): Promise<StateServer> {
  const calls: unknown[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // recorded as text
      }
      calls.push(body);
      void Promise.resolve(handler(body)).then((answer) => {
        res.writeHead(answer.status, answer.contentType ? { "content-type": answer.contentType } : {});
        res.end(answer.text);
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const handle: StateServer = {
    url: `http://127.0.0.1:${port}/_state`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  open.push(handle);
  return handle;
}

export async function closeStateServers(): Promise<void> {
  await Promise.all(open.splice(0).map((s) => s.close()));
}

/** Passes each call on to another state endpoint (a sandbox's own) and answers what it answers. */
export function forwardTo(stateUrl: string): StateHandler {
  return async (body) => {
    const res = await fetch(stateUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    return { status: res.status, contentType: res.headers.get("content-type") ?? undefined, text: await res.text() };
  };
}

/** Always the same answer. */
export function answer(status: number, text: string, contentType = "application/json"): StateHandler {
  return () => ({ status, contentType, text });
}

/** A port on 127.0.0.1 that was just free: nothing listens on it. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
