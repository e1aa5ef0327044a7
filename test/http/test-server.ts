/**
 * A loopback HTTP server for client tests: answers through a handler, counts requests,
 * connections and the most requests in flight at once. Closed by `closeTestServers`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface TestServer {
  url: string;
  requests: number;
  connections: number;
  maxInFlight: number;
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, server: TestServer) => void;

const open: TestServer[] = [];

export async function startTestServer(handler: Handler): Promise<TestServer> {
  let inFlight = 0;
  const server = createServer((req, res) => {
    state.requests++;
    state.maxInFlight = Math.max(state.maxInFlight, ++inFlight);
    res.on("close", () => inFlight--);
    req.resume();
    req.on("end", () => handler(req, res, state));
  });
  server.on("connection", () => state.connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  const state: TestServer = {
    url: `http://127.0.0.1:${port}/`,
    requests: 0,
    connections: 0,
    maxInFlight: 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  open.push(state);
  return state;
}

export async function closeTestServers(): Promise<void> {
  await Promise.all(open.splice(0).map((s) => s.close()));
}
