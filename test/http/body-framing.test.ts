/**
 * How the client reads an answer's body and its framing headers: a compressed body is decoded (no
 * Accept-Encoding is sent, so any coding is acceptable), a body labelled with a coding it is not in
 * is reported, and a Content-Type sent twice (Node keeps the first) is counted from the raw headers;
 * so is a JSON body that is not UTF-8, and one labelled with a charset that reads its bytes as
 * other text, and a 204 whose Content-Length announces content. content_type_conformance fails on each.
 */
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { contentTypeConformance } from "../../src/checks/content-type-conformance.ts";
import { createHttpClient, type HttpClient } from "../../src/http/client.ts";
import type { HttpResponse } from "../../src/http/types.ts";
import { exchange, scenarioOf } from "../checks/exchange.ts";
import { closeTestServers, startTestServer, type Handler } from "./test-server.ts";

const clients: HttpClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await closeTestServers();
});

const BODY = JSON.stringify({ message: "Customer not found with the provided customer ID", code: "customer_not_found", type: "resource_error" });

async function answer(handler: Handler): Promise<HttpResponse> {
  const server = await startTestServer(handler);
  const client = createHttpClient({ concurrency: 1, timeoutMs: 10_000, maxBodyBytes: 1 << 20, maxRetries: 0, maxRetryAfterMs: 0 });
  clients.push(client);
  const exchanged = await client.send({ method: "DELETE", url: server.url, headers: {} });
  return exchanged.response!;
}

function judged(response: HttpResponse) {
  const input = exchange("cashfree", scenarioOf("cashfree", { id: "delete an id that never existed" }), 0, { status: 404 });
  return contentTypeConformance.run({ ...input, response, json: { ok: true, value: JSON.parse(response.text.startsWith("{") ? response.text : "{}") } });
}

describe("an answer's body framing", () => {
  it("decodes a gzip body, and content_type_conformance passes it", async () => {
    const response = await answer((_req, res) => res.writeHead(404, { "content-type": "application/json", "content-encoding": "gzip" }).end(gzipSync(BODY)));
    expect(response).toMatchObject({ text: BODY });
    expect(response.bodyProblem).toBeUndefined();
    expect(judged(response)).toEqual([]);
  });

  it("reports a body labelled gzip that is not", async () => {
    const response = await answer((_req, res) => res.writeHead(404, { "content-type": "application/json", "content-encoding": "gzip" }).end(BODY));
    expect(response.bodyProblem).toMatch(/gzip body does not decode/);
    expect(judged(response)).toMatchObject([{ message: expect.stringMatching(/the 404 body cannot be read/) }]);
  });

  it("reports a 204 whose Content-Length announces content, and passes one with none or 0", async () => {
    const judged204 = (response: HttpResponse) => {
      const input = exchange("cashfree", scenarioOf("cashfree", { id: "delete an existing fixture, then delete it again" }), 0, { status: 204 });
      return contentTypeConformance.run({ ...input, response, json: { ok: false, error: "empty" } });
    };
    const announcing = await answer((_req, res) => res.writeHead(204, { "content-length": "2" }).end());
    expect(announcing.status).toBe(204);
    expect(judged204(announcing)).toMatchObject([{ expected: "no Content-Length (or 0)", actual: "Content-Length: 2", message: expect.stringMatching(/RFC 9110/) }]);
    expect(judged204(await answer((_req, res) => res.writeHead(204).end()))).toEqual([]);
    expect(judged204(await answer((_req, res) => res.writeHead(204, { "content-length": "0" }).end()))).toEqual([]);
  });

  it("counts a Content-Type sent twice", async () => {
    const response = await answer((_req, res) => {
      res.setHeader("content-type", ["application/json", "text/plain;charset=ISO-8859-1"]);
      res.writeHead(404).end(BODY);
    });
    expect(response.mediaType).toBe("application/json");
    expect(response.repeatedFields).toEqual(["content-type"]);
    expect(judged(response)).toMatchObject([{ message: expect.stringMatching(/carries content-type more than once/) }]);
  });

  it("reports a JSON body that is not UTF-8 (Latin-1 bytes), and passes the same text in UTF-8 or plain ASCII", async () => {
    const text = BODY.replace("Customer", "Café customer");
    const latin1 = await answer((_req, res) => res.writeHead(404, { "content-type": "application/json; charset=utf-8" }).end(Buffer.from(text, "latin1")));
    expect(latin1.bodyProblem).toBe("the body is not valid UTF-8, which application/json; charset=utf-8 must be");
    expect((judged(latin1) ?? []).map((f) => f.message)).toEqual(["the 404 body cannot be read: the body is not valid UTF-8, which application/json; charset=utf-8 must be"]);
    const utf8 = await answer((_req, res) => res.writeHead(404, { "content-type": "application/json" }).end(Buffer.from(text, "utf8")));
    expect(utf8.bodyProblem).toBeUndefined();
    // A body that declares another charset is judged by its media type, not by UTF-8.
    const declared = await answer((_req, res) => res.writeHead(404, { "content-type": "text/plain; charset=iso-8859-1" }).end(Buffer.from(text, "latin1")));
    expect(declared.bodyProblem).toBeUndefined();
  });

  it.each([
    ["charset=utf-16 over UTF-8 bytes", "application/json; charset=utf-16", BODY, /labelled charset=utf-16, which reads the UTF-8 JSON it holds as other text/],
    ["charset=ISO-8859-1 over UTF-8 bytes with a non-ASCII character", "application/json;charset=ISO-8859-1", BODY.replace("Customer", "Café customer"), /labelled charset=iso-8859-1, which reads the UTF-8 JSON it holds as other text \(.*Café custom" as .*CafÃ© custo"\)/],
    ["a charset no decoder knows", "application/json; charset=x-made-up", BODY, /labelled charset=x-made-up, which is no known character encoding/],
  ])("reports JSON labelled %s", async (_name, contentType, text, problem) => {
    const response = await answer((_req, res) => res.writeHead(404, { "content-type": contentType }).end(Buffer.from(text, "utf8")));
    expect(response.bodyProblem).toMatch(problem);
    expect(judged(response)).toMatchObject([{ message: expect.stringMatching(/the 404 body cannot be read/) }]);
  });

  it.each([
    ["charset=UTF-8", "application/json;charset=UTF-8", BODY.replace("Customer", "Café customer")],
    ['charset="utf-8"', 'application/json; charset="utf-8"', BODY],
    ["charset=us-ascii over an ASCII body, which it reads as the same text", "application/json; charset=us-ascii", BODY],
    ["charset=iso-8859-1 over an ASCII body", "application/json; charset=iso-8859-1", BODY],
  ])("passes JSON labelled %s", async (_name, contentType, text) => {
    const response = await answer((_req, res) => res.writeHead(404, { "content-type": contentType }).end(Buffer.from(text, "utf8")));
    expect(response.bodyProblem).toBeUndefined();
    expect(judged(response)).toEqual([]);
  });
});
