/**
 * Forwarding: the request reaches the target as the client sent it (method, path and query under
 * the target's base path, headers but the hop-by-hop ones, body bytes), and the answer reaches
 * the client as the target sent it (status, headers, repeated headers, body bytes, compressed or
 * not). A target that is down, too slow or resets becomes an errored exchange answered 502 or
 * 504. The production guard and the credentials are checked before the proxy listens.
 */
import http from "node:http";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.ts";
import { resolveProxyOptions } from "../../src/proxy/options.ts";
import { runProxy } from "../../src/proxy/run.ts";
import { removeTempDirs, tempDir } from "../runner/harness.ts";
import { exchange, findings, startProxy } from "./harness.ts";
import { closeRawTargets, startRawTarget } from "./raw-target.ts";

afterAll(async () => {
  await closeRawTargets();
  removeTempDirs();
});

const TOKEN = "proxyTestToken-0123456789";
const CREDENTIALS = { ENKASH_ACCESS_TOKEN: TOKEN };
const ID = "KC1A2B3C4D5E6F7G";

interface RawAnswer {
  status: number;
  statusMessage: string;
  rawHeaders: string[];
  body: Buffer;
}

/** One request over a fresh connection, the answer read as bytes. */
function request(url: string, method: string, headers: Record<string, string>, body?: Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, statusMessage: res.statusMessage ?? "", rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

const pairs = (raw: readonly string[]): Array<[string, string]> => Array.from({ length: raw.length / 2 }, (_, i) => [raw[2 * i].toLowerCase(), raw[2 * i + 1]]);

describe("what the target receives", () => {
  it("the method, path and query under its base path, every end-to-end header, the body bytes; Host names the target", async () => {
    const target = await startRawTarget("enkash", CREDENTIALS, (_req, res) => res.writeHead(404, { "content-type": "application/json" }).end('{"response_code":404}'));
    const proxy = await startProxy(target);
    const body = Buffer.from([0x7b, 0xff, 0x00, 0x7d]);
    await request(`${proxy.url}/api/v0/customer/${ID}?parentCompanyId=CEK1A2B3C4&x=%2F`, "DELETE", {
      authorization: `Bearer ${TOKEN}`,
      "x-trace-id": "abc",
      "X-Mixed-Case": "Kept",
      "proxy-authorization": "Basic c2VjcmV0",
      connection: "keep-alive, x-hop",
      "x-hop": "dropped",
      "content-type": "application/octet-stream",
      "content-length": String(body.length),
    }, body);
    await proxy.stop();

    const got = target.arrived[0];
    expect(got.method).toBe("DELETE");
    expect(got.url).toBe(`/base/api/v0/customer/${ID}?parentCompanyId=CEK1A2B3C4&x=%2F`);
    const headers = pairs(got.rawHeaders);
    expect(headers).toContainEqual(["authorization", `Bearer ${TOKEN}`]);
    expect(headers).toContainEqual(["x-trace-id", "abc"]);
    expect(got.rawHeaders).toContain("X-Mixed-Case");
    expect(headers).toContainEqual(["host", new URL(target.baseUrl).host]);
    expect(headers.map(([name]) => name)).not.toContain("proxy-authorization");
    expect(headers.map(([name]) => name)).not.toContain("x-hop");
    expect(got.body.equals(body)).toBe(true);
  });

  it("a body the client sends chunked arrives whole, chunked", async () => {
    const target = await startRawTarget("enkash", CREDENTIALS, (_req, res) => res.writeHead(404).end());
    const proxy = await startProxy(target);
    await request(`${proxy.url}/api/v0/customer/${ID}`, "DELETE", { authorization: `Bearer ${TOKEN}`, "transfer-encoding": "chunked" }, Buffer.from("part one, part two"));
    await proxy.stop();

    expect(target.arrived[0].body.toString()).toBe("part one, part two");
    expect(pairs(target.arrived[0].rawHeaders)).toContainEqual(["transfer-encoding", "chunked"]);
  });
});

describe("what the client receives", () => {
  it("the target's status, reason, headers (repeated ones too) and body bytes, unchanged", async () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x0a]);
    const target = await startRawTarget("enkash", CREDENTIALS, (_req, res) => {
      res.sendDate = false;
      res.writeHead(418, "Short And Stout", [["Content-Type", "application/x-odd"], ["Set-Cookie", "a=1"], ["Set-Cookie", "b=2"], ["X-Weird", "Value  with  spaces"], ["Content-Length", String(bytes.length)]].flat());
      res.end(bytes);
    });
    const proxy = await startProxy(target);
    const answer = await request(`${proxy.url}/api/v0/customer/${ID}`, "DELETE", { authorization: `Bearer ${TOKEN}` });
    await proxy.stop();

    expect(answer.status).toBe(418);
    expect(answer.statusMessage).toBe("Short And Stout");
    expect(answer.body.equals(bytes)).toBe(true);
    const headers = pairs(answer.rawHeaders);
    expect(headers.filter(([name]) => name === "set-cookie")).toEqual([["set-cookie", "a=1"], ["set-cookie", "b=2"]]);
    expect(headers).toContainEqual(["x-weird", "Value  with  spaces"]);
    expect(headers).toContainEqual(["content-length", "5"]);
    expect(headers.map(([name]) => name)).not.toContain("date");
  });

  it("a 429 reaches the client unchanged and is not judged as the operation's answer, only for what no answer may show", async () => {
    // The limiter echoes the Authorization header it was sent.
    const target = await startRawTarget("enkash", CREDENTIALS, (req, res) => {
      const sent = req.rawHeaders[req.rawHeaders.findIndex((name, i) => i % 2 === 0 && name.toLowerCase() === "authorization") + 1];
      res.writeHead(429, { "content-type": "application/json", "retry-after": "1" }).end(JSON.stringify({ message: "Too many requests", seen: sent }));
    });
    const proxy = await startProxy(target);
    const answer = await request(`${proxy.url}/api/v0/customer/${ID}`, "DELETE", { authorization: `Bearer ${TOKEN}` });
    const judged = await exchange(proxy, 1);
    await proxy.stop();
    expect(answer.status).toBe(429);
    const target429 = findings(judged.results).filter((r) => r.party === "target");
    expect(target429.map((r) => [r.check, r.outcome])).toEqual([
      ["status_code_conformance", "warning"],
      ["no_secret_echo", "failed"],
    ]);
    expect(target429[0].message).toMatch(/^not judged: the target rate-limited the request \(429, Retry-After: 1\); the client sent faster than the target allows$/);
  });

  it("a gzip answer reaches the client compressed; the checks read it decompressed", async () => {
    const envelope = { errorResponse: { errorType: "RECORD_NOT_FOUND", errorMessage: "Customer not found" }, response_code: 404, response_message: "Not Found" };
    const gzipped = gzipSync(JSON.stringify(envelope));
    const target = await startRawTarget("enkash", CREDENTIALS, (_req, res) => res.writeHead(404, { "content-type": "application/json", "content-encoding": "gzip" }).end(gzipped));
    const proxy = await startProxy(target);
    const answer = await request(`${proxy.url}/api/v0/customer/${ID}`, "DELETE", { authorization: `Bearer ${TOKEN}`, "accept-encoding": "gzip" });
    const judged = await exchange(proxy, 1);
    await proxy.stop();

    expect(answer.body.equals(gzipped)).toBe(true);
    expect(judged.case?.description).toBe("a delete of a customer that does not exist");
    expect(findings(judged.results)).toEqual([]);
    expect(judged.results.find((r) => r.check === "response_schema_conformance")?.outcome).toBe("passed");
  });

  it("an answer labelled gzip that is not, or with Content-Type twice, is forwarded as it is and judged by content_type_conformance, as in run", async () => {
    const envelope = JSON.stringify({ errorResponse: { errorType: "RECORD_NOT_FOUND", errorMessage: "Customer not found" }, response_code: 404, response_message: "Not Found" });
    const target = await startRawTarget("enkash", CREDENTIALS, (req, res) => {
      if (req.url.includes("KC0000000000000A")) res.setHeader("content-type", ["application/json", "text/plain"]);
      else res.setHeader("content-encoding", "gzip");
      if (!res.hasHeader("content-type")) res.setHeader("content-type", "application/json");
      res.writeHead(404).end(envelope);
    });
    const proxy = await startProxy(target);
    await request(`${proxy.url}/api/v0/customer/${ID}`, "DELETE", { authorization: `Bearer ${TOKEN}` });
    await request(`${proxy.url}/api/v0/customer/KC0000000000000A`, "DELETE", { authorization: `Bearer ${TOKEN}` });
    const mislabelled = await exchange(proxy, 1);
    const twice = await exchange(proxy, 2);
    await proxy.stop();

    expect(mislabelled.results.find((r) => r.check === "content_type_conformance")).toMatchObject({ outcome: "warning", message: expect.stringMatching(/gzip body does not decode/) });
    expect(twice.results.find((r) => r.check === "content_type_conformance")).toMatchObject({ message: expect.stringMatching(/carries content-type more than once/) });
  });

  it("a request that matches no documented path is forwarded and not judged", async () => {
    const target = await startRawTarget("enkash", CREDENTIALS, (_req, res) => res.writeHead(200).end("pong"));
    const proxy = await startProxy(target);
    const answer = await request(`${proxy.url}/base/health`, "GET", {});
    const judged = await exchange(proxy, 1);
    const outcome = await proxy.stop();

    expect(answer.body.toString()).toBe("pong");
    expect(judged.results).toEqual([]);
    expect(judged.unchecked).toMatch(/leave \/base out of the client's base URL/);
    expect(outcome).toMatchObject({ exchanges: 1, unchecked: 1 });
  });
});

describe("a target that fails", () => {
  it("down: the client gets 502, the exchange is errored", async () => {
    const target = await startRawTarget("enkash", CREDENTIALS, (_req, res) => res.end());
    await target.close();
    const proxy = await startProxy(target);
    const answer = await request(`${proxy.url}/api/v0/customer/${ID}`, "DELETE", { authorization: `Bearer ${TOKEN}` });
    const judged = await exchange(proxy, 1);
    await proxy.stop();

    expect(answer.status).toBe(502);
    expect(pairs(answer.rawHeaders)).toContainEqual(["x-payconform-fault", "refused"]);
    expect(answer.body.toString()).toMatch(/^payconform proxy: connection refused by the target/);
    expect(findings(judged.results).filter((r) => r.party === "target").map((r) => [r.outcome, r.message])).toEqual([["errored", "refused: connection refused by the target; the client got 502"]]);
  });

  it("too slow: the client gets 504 after the timeout", async () => {
    const target = await startRawTarget("enkash", CREDENTIALS, () => undefined);
    const proxy = await startProxy(target, { timeoutMs: 200 });
    const answer = await request(`${proxy.url}/api/v0/customer/${ID}`, "DELETE", { authorization: `Bearer ${TOKEN}` });
    const judged = await exchange(proxy, 1);
    await proxy.stop();

    expect(answer.status).toBe(504);
    expect(judged.results.find((r) => r.outcome === "errored")?.message).toMatch(/^timeout: no complete answer from the target within 200 ms/);
  });

  it("a reset before the answer: the client gets 502", async () => {
    const target = await startRawTarget("enkash", CREDENTIALS, (_req, res) => res.socket?.destroy());
    const proxy = await startProxy(target);
    const answer = await request(`${proxy.url}/api/v0/customer/${ID}`, "DELETE", { authorization: `Bearer ${TOKEN}` });
    const judged = await exchange(proxy, 1);
    await proxy.stop();

    expect(answer.status).toBe(502);
    expect(judged.results.find((r) => r.outcome === "errored")?.message).toMatch(/^reset: /);
  });

  it("a reset mid-answer: the client's connection is cut too, the exchange is errored", async () => {
    const target = await startRawTarget("enkash", CREDENTIALS, (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write('{"response_code":');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const proxy = await startProxy(target);
    const failure = await request(`${proxy.url}/api/v0/customer/${ID}`, "DELETE", { authorization: `Bearer ${TOKEN}` }).catch((e: unknown) => e);
    const judged = await exchange(proxy, 1);
    await proxy.stop();

    expect(failure).toBeInstanceOf(Error);
    expect(judged.results.find((r) => r.outcome === "errored")?.message).toMatch(/^reset: .*; the client's connection was closed$/);
  });
});

describe("refused before listening", () => {
  const refused = [
    { name: "a production target", partial: { provider: "juspay" as const, target: "https://api.juspay.in", env: { JUSPAY_API_KEY: "0123456789abcdef" } }, message: /production server/ },
    { name: "credentials missing from the environment", partial: { provider: "yuno" as const, target: "http://127.0.0.1:9/v1", env: {} }, message: /YUNO_PUBLIC_API_KEY/ },
    { name: "a target that is not a URL", partial: { provider: "enkash" as const, target: "nope", env: CREDENTIALS }, message: /is not a URL/ },
  ];
  it.each(refused)("$name", async ({ partial, message }) => {
    const error = await runProxy(resolveProxyOptions({ ...partial, port: 0, reportDir: tempDir() })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
  });
});
