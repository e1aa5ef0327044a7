/**
 * The proxy's listening side: binds 127.0.0.1, forwards every request (forward.ts) over
 * keep-alive connections to the target, and hands each finished exchange to `onExchange` after
 * the client has its answer, so checking never delays an answer. `close` stops accepting, lets
 * the exchanges in flight finish (each bounded by the timeout), then closes every connection.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { UsageError } from "../errors.ts";
import { createAgents } from "../http/agents.ts";
import type { Forwarded } from "./exchange.ts";
import { forward, type ForwardContext } from "./forward.ts";

export interface ProxyServerOptions {
  port: number;
  /** The target's base URL. */
  target: URL;
  timeoutMs: number;
  maxBodyBytes: number;
  caCert?: string;
}

export interface ProxyServer {
  /** http://127.0.0.1:PORT */
  url: string;
  close(): Promise<void>;
}

/** Room for request lines and headers several times the size of Node's default, as the sandboxes allow. */
const MAX_HEADER_BYTES = 128 * 1024;

export async function startProxyServer(options: ProxyServerOptions, onExchange: (exchange: Forwarded) => void): Promise<ProxyServer> {
  const ctx: ForwardContext = {
    target: options.target,
    basePath: options.target.pathname.replace(/\/+$/, ""),
    timeoutMs: options.timeoutMs,
    maxBodyBytes: options.maxBodyBytes,
    agents: createAgents({ keepAlive: true }, options.caCert),
  };
  const inFlight = new Set<Promise<void>>();
  const server = http.createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    // The target's Date header, or none: the proxy adds nothing to the answer.
    res.sendDate = false;
    const done = forward(ctx, req, res).then(onExchange);
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(new UsageError(`cannot listen on 127.0.0.1:${options.port}: ${error.code ?? error.message}${error.code === "EADDRINUSE" ? " (pass --port with a free port, or --port 0 for any)" : ""}`, { cause: error }));
    });
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.allSettled([...inFlight]);
      server.closeAllConnections();
      await closed;
      ctx.agents.destroy();
    },
  };
}
