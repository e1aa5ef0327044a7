/**
 * A burst puts every copy of a request in flight at once, whatever the client's concurrency
 * bound: the server answers none of them until all five have arrived.
 */
import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpClient } from "../../src/http/client.ts";
import { closeTestServers, startTestServer } from "./test-server.ts";

afterEach(closeTestServers);

describe("burst", () => {
  it("sends five copies at once, past a concurrency of 1, on five connections", async () => {
    const held: ServerResponse[] = [];
    const server = await startTestServer((_req, res) => {
      held.push(res);
      if (held.length === 5) held.forEach((r, i) => r.writeHead(200, { "content-type": "text/plain" }).end(`answer ${i}`));
    });
    const client = createHttpClient({ concurrency: 1, timeoutMs: 5000, maxBodyBytes: 1024, maxRetries: 0, maxRetryAfterMs: 0 });
    try {
      const exchanges = await client.burst({ method: "DELETE", url: `${server.url}customer/1`, headers: {} }, 5);
      expect(exchanges.map((e) => e.fault?.kind ?? e.response?.status)).toEqual([200, 200, 200, 200, 200]);
      expect(server.maxInFlight).toBe(5);
      expect(server.connections).toBe(5);
    } finally {
      client.close();
    }
  });

  it("sends every other copy as the other request given, all at once, and records which request each answer is for", async () => {
    const held: Array<{ res: ServerResponse; url: string }> = [];
    const server = await startTestServer((req, res) => {
      held.push({ res, url: req.url ?? "" });
      if (held.length === 5) held.forEach(({ res: r, url }) => r.writeHead(200, { "content-type": "text/plain" }).end(url));
    });
    const client = createHttpClient({ concurrency: 1, timeoutMs: 5000, maxBodyBytes: 1024, maxRetries: 0, maxRetryAfterMs: 0 });
    try {
      const plain = { method: "DELETE", url: `${server.url}customer/c1`, headers: {} };
      const respelled = { method: "DELETE", url: `${server.url}customer/%631`, headers: {} };
      const exchanges = await client.burst(plain, 5, [respelled]);
      expect(exchanges.map((e) => e.request.url.slice(server.url.length))).toEqual(["customer/c1", "customer/%631", "customer/c1", "customer/%631", "customer/c1"]);
      expect(exchanges.map((e) => e.response?.text)).toEqual(["/customer/c1", "/customer/%631", "/customer/c1", "/customer/%631", "/customer/c1"]);
      expect(server.maxInFlight).toBe(5);
    } finally {
      client.close();
    }
  });
});
