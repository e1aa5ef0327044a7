/**
 * The HTTP client: 429 Retry-After honoured a bounded number of times, a too-long Retry-After
 * reported as the 429 it is, the concurrency limit, keep-alive, requests Node refuses to send
 * coming back as faults, and the abort signal that stops sending.
 */
import { afterEach, describe, expect, it } from "vitest";
import { InterruptedError } from "../../src/errors.ts";
import { createHttpClient, type HttpClient, type HttpClientOptions } from "../../src/http/client.ts";
import { createLimiter } from "../../src/http/limiter.ts";
import { closeTestServers, startTestServer, type Handler } from "./test-server.ts";

const clients: HttpClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await closeTestServers();
});

function client(options: Partial<HttpClientOptions> = {}): HttpClient {
  const c = createHttpClient({ concurrency: 4, timeoutMs: 10_000, maxBodyBytes: 1 << 20, maxRetries: 3, maxRetryAfterMs: 30_000, ...options });
  clients.push(c);
  return c;
}

/** 429 with `retryAfter` (or none) for the first `times` requests, then 200 "ok". */
function tooManyThenOk(times: number, retryAfter?: string): Handler {
  return (_req, res, server) => {
    if (server.requests <= times) res.writeHead(429, retryAfter === undefined ? {} : { "retry-after": retryAfter }).end("slow down");
    else res.writeHead(200, { "content-type": "text/plain" }).end("ok");
  };
}

describe("429 Retry-After", () => {
  it.each([
    ["Retry-After: 0, twice", tooManyThenOk(2, "0"), {}, { status: 200, retries: 2, requests: 3 }],
    ["Retry-After: 1, once", tooManyThenOk(1, "1"), {}, { status: 200, retries: 1, requests: 2 }],
    ["an HTTP-date in the past", tooManyThenOk(1, "Wed, 21 Oct 2015 07:28:00 GMT"), {}, { status: 200, retries: 1, requests: 2 }],
    ["Retry-After longer than maxRetryAfterMs", tooManyThenOk(1, "60"), { maxRetryAfterMs: 5000 }, { status: 429, retries: 0, requests: 1 }],
    ["no Retry-After, its 1 s default longer than maxRetryAfterMs", tooManyThenOk(1), { maxRetryAfterMs: 500 }, { status: 429, retries: 0, requests: 1 }],
    ["always 429: retries stop at maxRetries", tooManyThenOk(100, "0"), { maxRetries: 3 }, { status: 429, retries: 3, requests: 4 }],
    ["maxRetries 0: no retry at all", tooManyThenOk(100, "0"), { maxRetries: 0 }, { status: 429, retries: 0, requests: 1 }],
  ] as const)("%s", async (_name, handler, options, want) => {
    const server = await startTestServer(handler);
    const exchange = await client(options).send({ method: "DELETE", url: server.url, headers: {} });
    expect({ status: exchange.response?.status, retries: exchange.retries, requests: server.requests }).toEqual(want);
  });
});

describe("a 429 holds back the whole client", () => {
  /** A first request answered 429 with a long Retry-After, then `next` sent after it: nothing more reaches the server. */
  async function heldBack(next: (c: HttpClient, url: string) => Promise<unknown>): Promise<void> {
    const server = await startTestServer((_req, res, s) => (s.requests === 1 ? res.writeHead(429, { "retry-after": "30" }).end("slow down") : res.writeHead(200).end("ok")));
    const controller = new AbortController();
    const c = client({ signal: controller.signal });
    const first = c.send({ method: "DELETE", url: server.url, headers: {} });
    for (let i = 0; i < 400 && server.requests === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = next(c, server.url);
    // Without the shared wait the second request would reach the server within a few ms.
    for (let i = 0; i < 30 && server.requests === 1; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(server.requests).toBe(1);
    controller.abort(new InterruptedError("SIGINT"));
    await expect(first).rejects.toBeInstanceOf(InterruptedError);
    await expect(second).rejects.toBeInstanceOf(InterruptedError);
    expect(server.requests).toBe(1);
  }

  it("no other request is sent while a Retry-After runs, and the waiting request keeps its place", async () => {
    await heldBack((c, url) => c.send({ method: "DELETE", url, headers: {} }));
  });

  it("a burst waits for the Retry-After too", async () => {
    await heldBack((c, url) => c.burst({ method: "DELETE", url, headers: {} }, 3));
  });

  it("--rate-limit spaces the starts: at 1 a second, the second of two requests is still held when the first is answered", async () => {
    const server = await startTestServer((_req, res) => res.writeHead(200).end("ok"));
    const controller = new AbortController();
    const c = client({ rateLimit: 1, signal: controller.signal });
    const first = c.send({ method: "DELETE", url: server.url, headers: {} });
    const second = c.send({ method: "DELETE", url: server.url, headers: {} });
    expect((await first).response?.status).toBe(200);
    for (let i = 0; i < 30 && server.requests === 1; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(server.requests).toBe(1);
    controller.abort(new InterruptedError("SIGINT"));
    await expect(second).rejects.toBeInstanceOf(InterruptedError);
  });
});

describe("concurrency", () => {
  it.each([1, 2, 3])("never more than %i requests in flight, and exactly that many when there is work", async (limit) => {
    const total = 12;
    const held: Array<() => void> = [];
    // Holds requests until `limit` are in flight (or every request has arrived), then lets one go.
    const server = await startTestServer((_req, res, s) => {
      held.push(() => res.writeHead(200).end("ok"));
      if (held.length >= limit || s.requests === total) held.shift()!();
      if (s.requests === total) while (held.length > 0) held.shift()!();
    });
    const c = client({ concurrency: limit });
    const exchanges = await Promise.all(Array.from({ length: total }, () => c.send({ method: "DELETE", url: server.url, headers: {} })));
    expect(exchanges.every((e) => e.response?.status === 200)).toBe(true);
    expect(server.maxInFlight).toBe(limit);
  });

  it.each([0, 1, 2, 3, 4, 5])("the limiter holds when a caller arrives %i microtasks after two tasks finish together", async (hops) => {
    const limit = createLimiter(2);
    let active = 0;
    let max = 0;
    const track = (gate: Promise<void>) => async (): Promise<void> => {
      max = Math.max(max, ++active);
      await gate;
      active--;
    };
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const all: Array<Promise<unknown>> = [limit(track(gate)), limit(track(gate)), limit(track(Promise.resolve())), limit(track(Promise.resolve()))];
    let later: Promise<unknown> = gate;
    for (let i = 0; i < hops; i++) later = later.then(() => undefined);
    all.push(later.then(() => limit(track(Promise.resolve()))));
    open();
    await Promise.all(all);
    expect(max).toBe(2);
  });
});

describe("transport", () => {
  it("reuses one keep-alive connection for requests in sequence", async () => {
    const server = await startTestServer((_req, res) => res.writeHead(200, { "content-length": "2" }).end("ok"));
    const c = client({ concurrency: 1 });
    for (let i = 0; i < 5; i++) expect((await c.send({ method: "DELETE", url: server.url, headers: {} })).response?.text).toBe("ok");
    expect(server.connections).toBe(1);
  });

  it("a header value Node refuses to send is an unsendable fault, not a throw", async () => {
    const server = await startTestServer((_req, res) => res.writeHead(200).end());
    const exchange = await client().send({ method: "DELETE", url: server.url, headers: { "x-routing-id": "\u041aC1" } });
    expect(exchange.fault).toEqual({ kind: "unsendable", message: 'the request cannot be sent: Invalid character in header content ["x-routing-id"]' });
    expect(server.requests).toBe(0);
  });

  it("a body over maxBodyBytes is a body-too-large fault", async () => {
    const server = await startTestServer((_req, res) => res.writeHead(200).end("x".repeat(5000)));
    const exchange = await client({ maxBodyBytes: 1000 }).send({ method: "GET", url: server.url, headers: {} });
    expect(exchange.fault?.kind).toBe("body-too-large");
  });
});

describe("what stops a run instead of becoming a result", () => {
  it("an abort signal: no request is sent once it fired", async () => {
    const server = await startTestServer((_req, res) => res.writeHead(200).end("ok"));
    const controller = new AbortController();
    controller.abort(new InterruptedError("SIGTERM"));
    const error = await client({ signal: controller.signal }).send({ method: "GET", url: server.url, headers: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InterruptedError);
    expect((error as InterruptedError).signal).toBe("SIGTERM");
    expect(server.requests).toBe(0);
  });

  it("a 429 wait ends when the signal fires, and nothing more is sent", async () => {
    const server = await startTestServer(tooManyThenOk(100, "20"));
    const controller = new AbortController();
    const sent = client({ signal: controller.signal }).send({ method: "GET", url: server.url, headers: {} });
    for (let i = 0; i < 400 && server.requests === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort(new InterruptedError("SIGINT"));
    await expect(sent).rejects.toBeInstanceOf(InterruptedError);
    expect(server.requests).toBe(1);
  });
});
