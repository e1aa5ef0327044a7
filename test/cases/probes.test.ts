/**
 * The requests the fault classes of the independent-implementation rounds need, as derived and as
 * built: credentials swapped between headers and moved to the query, the refusals against a
 * fixture (a cookie-collecting delete first, the trailing slash, the same path after the delete),
 * the new id near misses, HEAD/OPTIONS/TRACE, metacharacter ids, an undocumented Accept, UUID
 * spellings of Yuno's account code, a percent-encoded form body, the late fixture, a Basic user
 * with another password, an id with another script's digit, and a query parameter sent twice.
 */
import { describe, expect, it } from "vitest";
import { deriveScenarios } from "../../src/cases/derive.ts";
import { nearMissSegment } from "../../src/cases/id-near-miss.ts";
import { operationContext } from "../../src/runner/run.ts";
import { built, credentials, scenario } from "./probe-requests.ts";

describe("probes of the fault classes", () => {
  it("swaps Yuno's two keys between their headers", () => {
    const request = built("yuno", "credentials swapped");
    expect([request.headers["public-api-key"], request.headers["private-secret-key"]]).toEqual([credentials.YUNO_PRIVATE_SECRET_KEY, credentials.YUNO_PUBLIC_API_KEY]);
  });

  it("moves a credential to the query: an API key under its header's name, a bearer token as access_token", () => {
    const cashfree = built("cashfree", "credential ApiSecret in the query");
    expect(cashfree.headers["x-client-secret"]).toBeUndefined();
    expect(new URL(cashfree.url).searchParams.get("x-client-secret")).toBe(credentials.CASHFREE_CLIENT_SECRET);
    const enkash = built("enkash", "credential bearerAuth in the query");
    expect(enkash.headers.authorization).toBeUndefined();
    expect(new URL(enkash.url).searchParams.get("access_token")).toBe(credentials.ENKASH_ACCESS_TOKEN);
    expect(() => scenario("juspay", "credential basicAuth in the query")).toThrow();
  });

  it("refuses without credentials against a fixture: cookies collected first, the trailing slash, the path after the delete", () => {
    const s = scenario("enkash", "credentials against a fixture");
    expect(s.fixtures).toBe(2);
    expect(s.steps.map((step) => [step.label, step.fixture, step.expect])).toEqual([
      ["another fixture deleted the documented way", 1, "success"],
      ["credentials missing, an id of the fixture's shape that never existed", undefined, "rejected"],
      ["credentials missing", 0, "rejected"],
      ["credentials missing, another id of the fixture's shape that never existed", undefined, "rejected"],
      ["credentials missing, the cookies the target set sent back", 0, "rejected"],
      ["credentials wrong", 0, "rejected"],
      ["credentials wrong, the cookies the target set sent back", 0, "rejected"],
      ["credentials missing, the path with a trailing slash", 0, "not-deleted"],
      ["credentials missing, a letter of the path percent-encoded", 0, "not-deleted"],
      ["credentials missing, a letter of the path in the other case", 0, "not-deleted"],
      ["credentials missing, the path's first slash doubled", 0, "not-deleted"],
      ["credentials missing, a detour through /health/.. before the path", 0, "not-deleted"],
      ["credentials missing, a detour through /public/.. after the origin", 0, "not-deleted"],
      ["credentials only in a JSON body, under their headers' names and the usual field names", 0, "not-deleted"],
      ["credentials only in a form body, under their headers' names and the usual field names", 0, "not-deleted"],
      ["credentials missing, Expect: 100-continue", 0, "not-deleted"],
      ["credentials missing, the request target in absolute form", 0, "not-deleted"],
      ["credentials missing, the path's version one up", 0, "not-deleted"],
      ["credentials missing, the path without its version", 0, "not-deleted"],
      ["credentials missing, the path's version zero-padded", 0, "not-deleted"],
      ["credentials missing, /internal before the path's version (or before the path)", 0, "not-deleted"],
      ["credentials missing, X-HTTP-Method-Override: OPTIONS", 0, "not-deleted"],
      ["credentials missing, HEAD on the path", 0, "not-deleted"],
      ["credentials missing, ;x after the path's first segment", 0, "not-deleted"],
      ["credentials missing, the segment before the id in the other number", 0, "not-deleted"],
      ["credentials missing, GET on the path", 0, "not-deleted"],
      ["credentials missing, a health probe's User-Agent", 0, "not-deleted"],
      ["credentials missing, Host: localhost", 0, "not-deleted"],
      ["credentials missing, an in-cluster Host (.svc.cluster.local)", 0, "not-deleted"],
      ["credentials missing, an internal Host (.internal)", 0, "not-deleted"],
      ["credentials missing, Upgrade: websocket", 0, "not-deleted"],
      ["credentials missing, Upgrade: h2c", 0, "not-deleted"],
      ["credentials missing, Accept: text/html", 0, "not-deleted"],
      ["credentials missing, a browser's same-origin fetch metadata", 0, "not-deleted"],
      ["credentials missing, a framework's sub-request header", 0, "not-deleted"],
      ["credentials missing, a query ending in .css", 0, "not-deleted"],
      ["credentials missing, override flags in the query", 0, "not-deleted"],
      ["credentials missing, HTTP/1.0", 0, "not-deleted"],
      ["credentials missing, the method as delete", 0, "not-deleted"],
      ["credentials missing, a mock server's Prefer: code=200", 0, "not-deleted"],
      ["credentials missing, a gateway's identity headers", 0, "rejected"],
      ["credentials missing, the CORS preflight headers", 0, "rejected"],
      ["credentials missing, Origin: null", 0, "rejected"],
      ["the bearerAuth token only in a form body", 0, "not-deleted"],
      ["credentials missing, the optional query parameters present and valid", 0, "rejected"],
      ["credentials missing, the path in X-Original-URL", 0, "carried"],
      ["the documented delete afterwards", 0, "survives"],
      ["credentials missing, after the delete", 0, "rejected"],
      ["credentials wrong, after the delete", 0, "rejected"],
    ]);
    expect(built("enkash", "credentials against a fixture", 7).url).toBe("http://127.0.0.1:1/base/api/v0/customer/KC0000000000000A/");
    // The base path is the target's; the operation's own path gets the encoded letter.
    expect(built("enkash", "credentials against a fixture", 8).url).toBe("http://127.0.0.1:1/base/%61pi/v0/customer/KC0000000000000A");
    expect(built("enkash", "credentials against a fixture", 9).url).toBe("http://127.0.0.1:1/base/Api/v0/customer/KC0000000000000A");
    expect(built("enkash", "credentials against a fixture", 6).headers.cookie).toBeUndefined();
    const yunoStep = scenario("yuno", "credentials against a fixture").steps.findIndex((step) => step.plan.literalSpelling === "percent-encoded");
    expect(built("yuno", "credentials against a fixture", yunoStep).url).toMatch(/^http:\/\/127\.0\.0\.1:1\/base\/%63ustomers\//);
  });

  it("sends the new id near misses as one segment each", () => {
    expect(nearMissSegment("cust_abc", "separator-swapped")).toBe("cust-abc");
    expect(nearMissSegment("KC0000000000000A", "separator-swapped")).toBe("KC-0000000000000A");
    expect(nearMissSegment("KC0000000000000A", "newline-suffix")).toBe("KC0000000000000A%0A");
    expect(nearMissSegment("KC0000000000000A", "nul-suffix")).toBe("KC0000000000000A%00x");
    expect(nearMissSegment("KC0000000000000A", "dot-extension")).toBe("KC0000000000000A.json");
  });

  it("tries HEAD, OPTIONS and TRACE, an id of metacharacters and an undocumented Accept", () => {
    const ids = deriveScenarios(operationContext("cashfree").op, 1).map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(["method HEAD", "method OPTIONS", "method TRACE", "path customer_id metacharacters", "accept application/xml"]));
    expect(built("cashfree", "path customer_id metacharacters").url).toBe("http://127.0.0.1:1/base/customer/pc%22x'%3Cy%3E%5Cz");
    expect(built("cashfree", "accept application/xml").headers.accept).toBe("application/xml");
  });

  it("writes Yuno's account code without hyphens, in braces and as a URN", () => {
    const code = credentials.YUNO_ACCOUNT_CODE;
    expect(["unhyphenated", "braced", "urn"].map((spelling) => built("yuno", `header x-account-code ${spelling}`).headers["x-account-code"])).toEqual([code.replace(/-/g, ""), `{${code}}`, `urn:uuid:${code}`]);
  });

  it("sends Juspay's Basic user with another password than the documented empty one, judged on an assumption", () => {
    const s = scenario("juspay", "credential basicAuth with another password");
    expect(s.basis).toBe("assumed");
    const request = built("juspay", "credential basicAuth with another password");
    expect(Buffer.from(String(request.headers.authorization).replace(/^Basic /, ""), "base64").toString()).toBe(`${credentials.JUSPAY_API_KEY}:pc-not-the-password`);
    expect(() => scenario("enkash", "credential bearerAuth with another password")).toThrow();
  });

  it("writes an ASCII digit of an id as the Arabic-Indic digit of the same value", () => {
    const s = scenario("enkash", "path customerId unicode-digit");
    const value = s.steps[0].plan.pathParams.customerId;
    expect(value).toMatch(/^KC[A-Z0-9\u0660-\u0669]{14}$/);
    expect(value).toMatch(/[\u0660-\u0669]/);
    expect(new RegExp("^KC[A-Z0-9]{14}$").test(value.replace(/[\u0660-\u0669]/g, (d) => String(d.codePointAt(0)! - 0x0660)))).toBe(true);
  });

  it("sends EnKash's parentCompanyId twice against a fixture, a valid value first, judged on an assumption", () => {
    const id = "the parentCompanyId pattern, the parameter sent twice, against a fixture";
    expect(scenario("enkash", id)).toMatchObject({ basis: "assumed", fixtures: 1, check: "query_pattern_enforcement" });
    const values = new URL(built("enkash", id).url).searchParams.getAll("parentCompanyId");
    expect(values).toHaveLength(2);
    expect(values.map((v) => /^CEK[A-Z0-9]{7}$/.test(v))).toEqual([true, false]);
  });

  it("sends Yuno's account code as the nil UUID too, and each API key after a wrong one in its header", () => {
    const own = scenario("yuno", "x-account-code of another account");
    expect(own.steps.map((step) => step.label)).toEqual([
      "foreign x-account-code, an id of the fixture's shape that never existed",
      "foreign x-account-code",
      "foreign x-account-code, another id of the fixture's shape that never existed",
      "nil x-account-code",
      "max x-account-code",
      "x-account-code with its first three groups byte-swapped",
      "x-account-code with a digit or letter as its superscript",
      "x-account-code with a soft hyphen in its middle",
      "foreign x-account-code on a line before its own",
      "x-account-code with its last character changed",
      "x-account-code with its version and variant digits changed",
      "own scope afterwards",
      "foreign x-account-code, after its own delete",
    ]);
    expect(own.steps[2].around).toEqual({ fixture: 1, unknown: 0 });
    expect(built("yuno", "x-account-code of another account", 3).headers["x-account-code"]).toBe("00000000-0000-0000-0000-000000000000");
    expect(built("yuno", "x-account-code of another account", 4).headers["x-account-code"]).toBe("ffffffff-ffff-ffff-ffff-ffffffffffff");
    const configured = credentials.YUNO_ACCOUNT_CODE;
    expect(built("yuno", "x-account-code of another account", 5).headers["x-account-code"]).toBe(`${configured.slice(6, 8)}${configured.slice(4, 6)}${configured.slice(2, 4)}${configured.slice(0, 2)}-${configured.slice(11, 13)}${configured.slice(9, 11)}-${configured.slice(16, 18)}${configured.slice(14, 16)}${configured.slice(18)}`);
    expect(built("yuno", "x-account-code of another account", 6).headers["x-account-code"].normalize("NFKC")).toBe(configured);
    expect(built("yuno", "x-account-code of another account", 7).headers["x-account-code"].replace("\u00ad", "")).toBe(configured);
    const lines = built("yuno", "x-account-code of another account", 8);
    expect([lines.headers["x-account-code"] !== configured, lines.repeatedHeaders]).toEqual([true, [["x-account-code", configured]]]);
    const listed = built("cashfree", "credential ApiSecret listed after a wrong one");
    const [wrong, valid] = String(listed.headers["x-client-secret"]).split(", ");
    expect(valid).toBe(credentials.CASHFREE_CLIENT_SECRET);
    expect(wrong).toBe(`wrong_${credentials.CASHFREE_CLIENT_SECRET}`);
    // A bearer token too, as one Authorization field: `Bearer wrong, Bearer valid`.
    const bearer = String(built("enkash", "credential bearerAuth listed after a wrong one").headers.authorization).split(", ");
    expect(bearer[1]).toBe(`Bearer ${credentials.ENKASH_ACCESS_TOKEN}`);
    expect(bearer[0]).toMatch(/^Bearer /);
  });

  it("sends a 258-character id where the doc gives neither a pattern nor a maximum, judged on an assumption", () => {
    const s = scenario("yuno", "valid path customer_id long");
    expect(s.basis).toBe("assumed");
    expect(s.steps[0].plan.pathParams.customer_id).toHaveLength(258);
    // EnKash's and Cashfree's ids have a pattern: no such case.
    expect(() => scenario("enkash", "valid path customerId long")).toThrow();
    expect(() => scenario("cashfree", "valid path customer_id long")).toThrow();
  });

  it("sets the repeat-delete case's second fixture up after the first delete", () => {
    const s = scenario("cashfree", "delete an existing fixture, then delete it again");
    expect([s.fixtures, s.lateFixture, s.steps.map((step) => step.fixture)]).toEqual([2, 1, [0, undefined, 0, undefined, 1]]);
    // Between the deletes, an id of the fixture's shape that never existed: the not-found answer the repeat delete is compared with.
    expect(s.steps[1]).toMatchObject({ label: "an id of its shape that never existed", expect: "not-found", plan: { shapedLike: 0 } });
  });
});
