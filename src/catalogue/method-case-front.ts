/**
 * An adapter behind a front that reads methods case-insensitively: the EnKash sandbox behind a TCP
 * front on 127.0.0.1 whose guard matches the method as written (`DELETE` needs the token) while its
 * router upper-cases it, so `delete` without a token reaches the delete with the front's own
 * credentials. Node's own HTTP parser refuses a method in lower case, so the front rewrites the
 * request line before the sandbox sees it. Caught by auth_enforcement (no credentials, the method
 * in lower case, against a fixture).
 */
import { createServer, connect, type Server, type Socket } from "node:net";
import type { SandboxHandle } from "../sandboxes/types.ts";
import { startCatalogueSandbox, type FaultyAdapter } from "./types.ts";

/** A request line whose method is in lower case, at the start of a chunk (payconform writes a request's head in one piece). */
const LOWER_CASE_METHOD = /^([a-z]+) (\S+) (HTTP\/1\.[01])\r\n/;

export const methodCaseFront: FaultyAdapter[] = [
  {
    name: "enkash-lower-case-method-skips-auth",
    provider: "enkash",
    departure: "its front guards DELETE as written but routes methods upper-cased, so `delete` without a token reaches the delete past the guard",
    expectedCheck: "auth_enforcement",
    start: startBehindFront,
  },
];

async function startBehindFront(): Promise<SandboxHandle> {
  const handle = await startCatalogueSandbox("enkash");
  const backend = new URL(handle.baseUrl);
  const token = handle.credentials.ENKASH_ACCESS_TOKEN;
  const sockets = new Set<Socket>();
  const front: Server = createServer((client) => {
    const upstream = connect(Number(backend.port), backend.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => undefined);
    }
    client.on("data", (chunk: Buffer) => {
      const text = chunk.toString("latin1");
      const line = LOWER_CASE_METHOD.exec(text);
      // The guard saw a method other than DELETE and let it pass; the router serves it as DELETE, with the front's credentials.
      upstream.write(line ? Buffer.from(`${line[1].toUpperCase()} ${line[2]} ${line[3]}\r\nAuthorization: Bearer ${token}\r\n${text.slice(line[0].length)}`, "latin1") : chunk);
    });
    upstream.on("data", (chunk: Buffer) => client.write(chunk));
    client.on("end", () => upstream.end());
    upstream.on("end", () => client.end());
  });
  await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
  const port = (front.address() as { port: number }).port;
  const rebase = (url: string): string => url.replace(`${backend.protocol}//${backend.host}`, `http://127.0.0.1:${port}`);
  return {
    ...handle,
    baseUrl: rebase(handle.baseUrl),
    stateUrl: rebase(handle.stateUrl),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => front.close(() => resolve()));
      await handle.close();
    },
  };
}
