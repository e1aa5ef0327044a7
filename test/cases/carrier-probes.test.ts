/**
 * The requests of the tenth independent round's fault classes, as derived, built and sent: a
 * credential moved to undocumented carriers, API keys as HTTP Basic, a credential header repeated
 * on two lines (and those two lines on the wire), a padded Basic user, a quoted credential, proxy
 * headers naming a loopback client, the percent-encoded separators after and before an id, a
 * `+` for a space in an id, a Basic user without its colon, Expect: 100-continue without
 * credentials, and a non-ASCII x-routing-id.
 */
import { describe, expect, it } from "vitest";
import { createAgents } from "../../src/http/agents.ts";
import { toCurl } from "../../src/http/curl.ts";
import { sendOnce } from "../../src/http/send.ts";
import { nearMissSegment } from "../../src/cases/id-near-miss.ts";
import { buildRequest } from "../../src/runner/build-request.ts";
import { built, contextOf, credentials, rawHeaderRecorder, scenario, wrong } from "./probe-requests.ts";

const basicPair = (header: string | undefined): string => Buffer.from(String(header).replace(/^Basic /, ""), "base64").toString("utf8");

describe("credentials in carriers the doc does not name", () => {
  it("moves an API key to Authorization: Bearer and x-api-key, the other key staying right", () => {
    const request = built("yuno", "credential sec1 in another carrier");
    expect(request.headers["private-secret-key"]).toBeUndefined();
    expect(request.headers.authorization).toBe(`Bearer ${credentials.YUNO_PRIVATE_SECRET_KEY}`);
    expect(request.headers["x-api-key"]).toBe(credentials.YUNO_PRIVATE_SECRET_KEY);
    expect(request.headers["public-api-key"]).toBe(credentials.YUNO_PUBLIC_API_KEY);
  });

  it("moves an Authorization credential to Proxy-Authorization and its key or token to x-api-key", () => {
    const juspay = built("juspay", "credential basicAuth in another carrier");
    expect(juspay.headers.authorization).toBeUndefined();
    expect(basicPair(juspay.headers["proxy-authorization"])).toBe(`${credentials.JUSPAY_API_KEY}:`);
    expect(juspay.headers["x-api-key"]).toBe(credentials.JUSPAY_API_KEY);
    const enkash = built("enkash", "credential bearerAuth in another carrier");
    expect(enkash.headers["proxy-authorization"]).toBe(`Bearer ${credentials.ENKASH_ACCESS_TOKEN}`);
  });

  it("sends API keys together as HTTP Basic, only where no scheme is an Authorization one", () => {
    const request = built("cashfree", "credentials as HTTP Basic");
    expect(request.headers["x-client-id"]).toBeUndefined();
    expect(request.headers["x-client-secret"]).toBeUndefined();
    expect(basicPair(request.headers.authorization)).toBe(`${credentials.CASHFREE_CLIENT_ID}:${credentials.CASHFREE_CLIENT_SECRET}`);
    expect(() => scenario("juspay", "credentials as HTTP Basic")).toThrow();
    expect(() => scenario("enkash", "credentials as HTTP Basic")).toThrow();
  });

  it("pads a Basic user inside the encoded pair, quotes a credential, and puts a space or an é in its middle", () => {
    expect(basicPair(built("juspay", "credential basicAuth user padded").headers.authorization)).toBe(` ${credentials.JUSPAY_API_KEY} :`);
    expect(built("enkash", "credential bearerAuth quoted").headers.authorization).toBe(`Bearer "${credentials.ENKASH_ACCESS_TOKEN}"`);
    expect(built("cashfree", "credential ApiSecret quoted").headers["x-client-secret"]).toBe(`"${credentials.CASHFREE_CLIENT_SECRET}"`);
    expect(() => scenario("enkash", "credential bearerAuth user padded")).toThrow();
    expect(built("yuno", "credential sec0 inner-space").headers["public-api-key"]).toBe("pk_test_abcd efghijklmnop");
    expect(built("yuno", "credential sec0 inner-latin1").headers["public-api-key"]).toBe("pk_test_abcd\u00e9efghijklmnop");
  });

  it("sends no credentials but proxy headers naming a loopback client", () => {
    const request = built("enkash", "credentials missing, the request claiming a local origin");
    expect(request.headers.authorization).toBeUndefined();
    expect(request.headers).toMatchObject({ "x-forwarded-for": "127.0.0.1", "x-real-ip": "127.0.0.1", forwarded: "for=127.0.0.1" });
  });
});

describe("the edges of HTTP parsing", () => {
  it("encodes a Basic user alone, without its colon", () => {
    expect(basicPair(built("juspay", "credential basicAuth user without the colon").headers.authorization)).toBe(credentials.JUSPAY_API_KEY);
    expect(() => scenario("enkash", "credential bearerAuth user without the colon")).toThrow();
  });

  it("sends Expect: 100-continue without credentials against a fixture, with a small JSON body where the operation has none", () => {
    const s = scenario("enkash", "credentials against a fixture");
    const at = s.steps.findIndex((step) => step.label === "credentials missing, Expect: 100-continue");
    expect(s.steps[at]).toMatchObject({ fixture: 0, expect: "not-deleted" });
    const request = built("enkash", "credentials against a fixture", at);
    expect(request).toMatchObject({ headers: { expect: "100-continue", "content-type": "application/json" }, body: "{}" });
    expect(request.headers.authorization).toBeUndefined();
    const juspay = scenario("juspay", "credentials against a fixture");
    const form = built("juspay", "credentials against a fixture", juspay.steps.findIndex((step) => step.label === "credentials missing, Expect: 100-continue"));
    expect(form.body).toBe("command=delete");
  });

  it("sends a Basic key as the password, one API key's value in another's header, a bracketed form field and another language", () => {
    expect(basicPair(built("juspay", "credential basicAuth user as the password").headers.authorization)).toBe(`:${credentials.JUSPAY_API_KEY}`);
    const holding = built("yuno", "credential sec1 holding another key");
    expect([holding.headers["public-api-key"], holding.headers["private-secret-key"]]).toEqual([credentials.YUNO_PUBLIC_API_KEY, credentials.YUNO_PUBLIC_API_KEY]);
    expect(() => scenario("enkash", "credential bearerAuth holding another key")).toThrow();
    expect(built("juspay", "body command as command[]").body).toBe("command%5B%5D=delete");
    expect(scenario("cashfree", "accept-language of another language")).toMatchObject({ check: "error_code_conformance", basis: "documented" });
    expect(built("cashfree", "accept-language of another language").headers["accept-language"]).toMatch(/^es-419/);
  });

  it("doubles the path's first slash without credentials, overrides the method in the query too, and accents an id's first letter", () => {
    const s = scenario("cashfree", "credentials against a fixture");
    const at = s.steps.findIndex((step) => step.label === "credentials missing, the path's first slash doubled");
    expect(built("cashfree", "credentials against a fixture", at).url).toBe("http://127.0.0.1:1/base//customer/cust_abc");
    expect(new URL(built("cashfree", "method GET overridden to DELETE").url).searchParams.get("_method")).toBe("DELETE");
    expect(nearMissSegment("cust_abc", "accented")).toBe(encodeURIComponent("\u0107ust_abc"));
  });

  it("sends a bearer token in a form body, the path in X-Original-URL, the optional parameters' examples, an empty header, UUID spellings and a leading zero", () => {
    const s = scenario("enkash", "credentials against a fixture");
    const inBody = built("enkash", "credentials against a fixture", s.steps.findIndex((step) => step.label === "the bearerAuth token only in a form body"));
    expect(inBody).toMatchObject({ body: `access_token=${credentials.ENKASH_ACCESS_TOKEN}`, headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(inBody.headers.authorization).toBeUndefined();
    expect(() => scenario("enkash", "credential bearerAuth in a form body")).toThrow();
    const rewrite = built("enkash", "credentials against a fixture", s.steps.findIndex((step) => step.label === "credentials missing, the path in X-Original-URL"));
    expect([rewrite.url, rewrite.headers["x-original-url"], rewrite.headers["x-rewrite-url"]]).toEqual(["http://127.0.0.1:1/", "/base/api/v0/customer/KC0000000000000A", "/base/api/v0/customer/KC0000000000000A"]);
    const named = built("enkash", "credentials against a fixture", s.steps.findIndex((step) => step.label === "credentials missing, the optional query parameters present and valid"));
    expect(new URL(named.url).searchParams.get("parentCompanyId")).toMatch(/^CEK[A-Z0-9]{7}$/);
    expect(scenario("juspay", "header x-routing-id empty").basis).toBe("assumed");
    expect(built("juspay", "header x-routing-id empty").headers["x-routing-id"]).toBe("");
    expect(nearMissSegment("3f2a9c1e-7b4d-4e8a-9c21-5d6e7f8a9b0c", "uuid-unhyphenated")).toBe("3f2a9c1e7b4d4e8a9c215d6e7f8a9b0c");
    expect(nearMissSegment("3f2a9c1e-7b4d-4e8a-9c21-5d6e7f8a9b0c", "uuid-braced")).toBe("%7B3f2a9c1e-7b4d-4e8a-9c21-5d6e7f8a9b0c%7D");
    expect(nearMissSegment("7000004", "leading-zero")).toBe("07000004");
  });

  it("sends Juspay's x-routing-id with an é, judged on an assumption", () => {
    expect(scenario("juspay", "valid header x-routing-id non-ASCII").basis).toBe("assumed");
    expect(built("juspay", "valid header x-routing-id non-ASCII").headers["x-routing-id"]).toMatch(/^[\x20-\x7e]*\u00e9[\x20-\x7e]*$/);
  });
});

describe("a credential header repeated on two lines", () => {
  const recorder = rawHeaderRecorder();
  const seen = recorder.seen;

  it("puts the wrong line first, and for an API key (assumed) the valid line first too", () => {
    const first = built("cashfree", "credential ApiSecret repeated, a wrong line first");
    expect(first.headers["x-client-secret"]).toBe(wrong(credentials.CASHFREE_CLIENT_SECRET));
    expect(first.repeatedHeaders).toEqual([["x-client-secret", credentials.CASHFREE_CLIENT_SECRET]]);
    expect(first.headers["x-client-id"]).toBe(credentials.CASHFREE_CLIENT_ID);
    expect(scenario("cashfree", "credential ApiSecret repeated, the valid line first").basis).toBe("assumed");
    const validFirst = built("cashfree", "credential ApiSecret repeated, the valid line first");
    expect([validFirst.headers["x-client-secret"], validFirst.repeatedHeaders]).toEqual([credentials.CASHFREE_CLIENT_SECRET, [["x-client-secret", wrong(credentials.CASHFREE_CLIENT_SECRET)]]]);
    // Node's own server keeps the first of repeated Authorization lines: not sent valid first.
    expect(() => scenario("enkash", "credential bearerAuth repeated, the valid line first")).toThrow();
    expect(built("enkash", "credential bearerAuth repeated, a wrong line first").repeatedHeaders).toEqual([["authorization", `Bearer ${credentials.ENKASH_ACCESS_TOKEN}`]]);
  });

  it("sends them as two header lines, and the curl line repeats the header, masked", async () => {
    const request = { ...built("enkash", "credential bearerAuth repeated, a wrong line first"), url: `${recorder.base()}/x` };
    const agents = createAgents({}, undefined);
    try {
      const answer = await sendOnce(request, { timeoutMs: 5000, maxBodyBytes: 1024, agents });
      expect("status" in answer && answer.status).toBe(200);
    } finally {
      agents.destroy();
    }
    const raw = seen.at(-1)!;
    const lines = raw.flatMap((value, i) => (i % 2 === 0 && value.toLowerCase() === "authorization" ? [raw[i + 1]] : []));
    expect(lines).toEqual([`Bearer ${wrong(credentials.ENKASH_ACCESS_TOKEN)}`, `Bearer ${credentials.ENKASH_ACCESS_TOKEN}`]);
    const curl = toCurl(request, [credentials.ENKASH_ACCESS_TOKEN]);
    expect(curl.match(/-H 'authorization: /g)).toHaveLength(2);
    expect(curl).not.toContain(credentials.ENKASH_ACCESS_TOKEN);
  });
});

describe("percent-encoded separators after and before an id", () => {
  it("sends /x, ?x and #x percent-encoded after each id, and the slash before the last id encoded", () => {
    const s = scenario("enkash", "near misses of a fixture's id");
    const ctx = contextOf("enkash", "http://127.0.0.1:1");
    const path = (label: string): string => new URL(buildRequest(ctx, s.steps.find((step) => step.label === label)!.plan, { customerId: "KC0000000000000A" }).url).pathname;
    expect(path("customerId encoded-slash")).toBe("/api/v0/customer/KC0000000000000A%2Fx");
    expect(path("customerId encoded-query")).toBe("/api/v0/customer/KC0000000000000A%3Fx");
    expect(path("customerId encoded-fragment")).toBe("/api/v0/customer/KC0000000000000A%23x");
    expect(path("the slash before customerId percent-encoded")).toBe("/api/v0/customer%2FKC0000000000000A");
    expect(path("customerId plus-for-space")).toBe("/api/v0/customer/KC0000000000000A+x");
    expect(nearMissSegment("cust_a b", "plus-for-space")).toBe("cust_a+b");
    expect(s.steps.find((step) => step.label === "the slash before customerId percent-encoded")!.expect).toBe("not-deleted");
  });
});
