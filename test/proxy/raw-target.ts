/**
 * A target written by hand, for the forwarding tests: it keeps every request exactly as it
 * arrived (raw headers, body bytes) and answers through a handler, so a test can compare bytes
 * on both sides of the proxy. Binds 127.0.0.1; closed by `closeRawTargets`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { HttpProvider } from "../../src/providers.ts";
import type { SandboxHandle } from "../../src/sandboxes/types.ts";

export interface Arrived {
  method: string;
  url: string;
  rawHeaders: string[];
  body: Buffer;
}

export interface RawTarget extends SandboxHandle {
  arrived: Arrived[];
}

const open: RawTarget[] = [];

export async function startRawTarget(provider: HttpProvider, credentials: Record<string, string>, handler: (req: Arrived, res: ServerResponse) => void, basePath = "/base"): Promise<RawTarget> {
  const arrived: Arrived[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const got = { method: req.method ?? "", url: req.url ?? "", rawHeaders: req.rawHeaders, body: Buffer.concat(chunks) };
      arrived.push(got);
      handler(got, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  const target: RawTarget = {
    provider,
    baseUrl: `http://127.0.0.1:${port}${basePath}`,
    stateUrl: `http://127.0.0.1:${port}/state`,
    credentials,
    arrived,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  open.push(target);
  return target;
}

export async function closeRawTargets(): Promise<void> {
  await Promise.all(open.splice(0).map((t) => t.close()));
}
