/**
 * The requests of the nineteenth independent round's fault classes: credentials spelled for
 * another environment or without their first character, the texts `undefined` and `null`, keys
 * every plain JavaScript object has, one credential left out with a browser's Origin, the path
 * without the server's base path, look-alike and `%uXXXX` spellings of an id; a host claimed
 * in X-Forwarded-Host, which no answer may name; and the answer without credentials for a fixture,
 * which must not differ from that for ids that never existed. And the twentieth round's: a
 * gateway's identity headers, template expressions as ids, an id's last character changed, a
 * UUID header in upper case, a success naming the id as the path spelled it, a credential as a
 * pattern, a form field overriding the method, and Prefer: return=representation. And the
 * twenty-first's: a NUL after a Basic user, a credential changed in its middle or as its digest,
 * another API version, a 401's challenge, a browser's request refused for its Origin, an assumed
 * error envelope's types, and a public key named back. And the twenty-fourth's: no credentials as
 * HTTP/1.0, with same-origin fetch metadata, a sub-request header, a static extension or override
 * flags; a required header left out with override flags; another command under Expect:
 * 100-continue; a credential with a parameter after it; a fixture's own parentCompanyId. And the
 * twenty-fifth's: the method in lower case, a mock server's Prefer, a form body as JSON, a Basic
 * token in the other case, a verb's synonym, an encoded `&` in a value and in an id, a deleted
 * account named under another customer, a 405 without Allow, a 401 to a repeat delete. And the
 * twenty-sixth's: an encoded-word and a run-on scheme word, a JSON escape in an id, a
 * prefix of the command, a header's value in the form, `;x` after the fixture's own company.
 */
import { describe, expect, it } from "vitest";
import { CLAIMED_HOST } from "../../src/cases/claimed-host-cases.ts";
import { keepsForm, nearMissId, nearMissSegment } from "../../src/cases/id-near-miss.ts";
import { challengeFindings } from "../../src/checks/challenge.ts";
import { authEnforcement } from "../../src/checks/enforcement.ts";
import { existenceOracle } from "../../src/checks/existence-oracle.ts";
import { noInternalLeak } from "../../src/checks/no-internal-leak.ts";
import { notAServerError } from "../../src/checks/not-a-server-error.ts";
import { deleteSemantics } from "../../src/checks/delete-semantics.ts";
import { unsupportedMethod } from "../../src/checks/unsupported-method.ts";
import { offPath } from "../../src/checks/preconditions.ts";
import { positiveDataAcceptance } from "../../src/checks/positive-data-acceptance.ts";
import { schemaFindings } from "../../src/checks/schema-findings.ts";
import { PROFILES } from "../../src/profiles/index.ts";
import { authenticatingCredentials, nearMiss } from "../../src/runner/credentials.ts";
import { exchange, response, scenarioOf } from "../checks/exchange.ts";
import { built, credentials, scenario } from "./probe-requests.ts";

const basicUser = (header: string | undefined): string => Buffer.from(String(header).replace(/^Basic /, ""), "base64").toString("utf8").split(":")[0];

describe("credential lookups", () => {
  it("spells a credential for another environment, and cuts its first character", () => {
    expect(nearMiss("sk_test_abc", "other-environment")).toBe("sk_live_abc");
    expect(nearMiss("sandbox_abc", "other-environment")).toBe("production_abc");
    expect(nearMiss("KEY_LIVE_1", "other-environment")).toBe("KEY_TEST_1");
    expect(nearMiss("jp_key_1", "other-environment")).toBe("live_jp_key_1");
    expect(nearMiss("abc", "leading-cut")).toBe("bc");
    expect(built("cashfree", "credential ApiSecret leading-cut").headers["x-client-secret"]).toBe(credentials.CASHFREE_CLIENT_SECRET.slice(1));
    expect(built("cashfree", "credential ApiSecret leading-cut").headers["x-client-id"]).toBe(credentials.CASHFREE_CLIENT_ID);
  });

  it("sends one credential as the text undefined or null, the others right", () => {
    const request = built("yuno", "credential sec1 the text undefined");
    expect(request.headers["private-secret-key"]).toBe("undefined");
    expect(request.headers["public-api-key"]).toBe(credentials.YUNO_PUBLIC_API_KEY);
    expect(built("enkash", "credential bearerAuth the text null").headers.authorization).toBe("Bearer null");
    expect(basicUser(built("juspay", "credential basicAuth the text undefined").headers.authorization)).toBe("undefined");
  });

  it("sends the keys every plain object has: constructor for all, __proto__ and [object Object] for two API keys", () => {
    expect(built("enkash", "credentials named after Object.prototype").headers.authorization).toBe("Bearer constructor");
    const pair = built("cashfree", "credentials an Object.prototype pair").headers;
    expect([pair["x-client-id"], pair["x-client-secret"]]).toEqual(["__proto__", "[object Object]"]);
    expect(() => scenario("enkash", "credentials an Object.prototype pair")).toThrow();
  });

  it("leaves one credential out with a browser's Origin, where two are required", () => {
    const request = built("yuno", "credential sec1 missing, from a browser origin");
    expect(request.headers.origin).toBe("https://payconform.invalid");
    expect(request.headers["private-secret-key"]).toBeUndefined();
    expect(request.headers["public-api-key"]).toBe(credentials.YUNO_PUBLIC_API_KEY);
    expect(() => scenario("enkash", "credential bearerAuth missing, from a browser origin")).toThrow();
  });

  it("sends a request without credentials to the path without the documented base path, where the server has one", () => {
    const s = scenario("cashfree", "credentials against a fixture");
    const at = s.steps.findIndex((step) => step.label === "credentials missing, the path without the base path /router");
    expect(at).toBeGreaterThan(0);
    expect(built("cashfree", "credentials against a fixture", at).url).toBe("http://127.0.0.1:1/customer/cust_abc");
    expect(scenario("enkash", "credentials against a fixture").steps.some((step) => step.label.includes("base path"))).toBe(false);
  });
});

describe("id foldings", () => {
  it("swaps the first look-alike character, and spells the first character as a raw %u escape", () => {
    expect(nearMissId("KCRS0BEACPNAKHFJ", "look-alike")).toBe("KCRSOBEACPNAKHFJ");
    expect(nearMissId("KCABIDE", "look-alike")).toBe("KCAB1DE");
    expect(nearMissId("KCABCDE", "look-alike")).toBe("KCABCD");
    expect(nearMissSegment("abc", "percent-u")).toBe("%u0061bc");
    expect(decodeURIComponent(nearMissSegment("a b", "percent-u").replace(/%u(\w{4})/, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))))).toBe("a b");
  });
});

describe("a claimed host", () => {
  const s = scenarioOf("juspay", { id: "a forwarded host claimed" });
  const judge = (answer: { status: number; body?: unknown }, headers: Record<string, string> = {}) => {
    const input = exchange("juspay", s, 0, answer);
    return noInternalLeak.run({ ...input, response: { ...input.response, headers } })!;
  };

  it("claims the host in X-Forwarded-Host and Forwarded, with and without credentials", () => {
    expect(s.steps.map((step) => step.label)).toEqual(["an id that never existed", "credentials missing"]);
    const request = built("juspay", "a forwarded host claimed");
    expect(request.headers["x-forwarded-host"]).toBe(CLAIMED_HOST);
    expect(request.headers.forwarded).toBe(`host=${CLAIMED_HOST};proto=https`);
  });

  it("fails a body naming the claimed host, warns of a header naming it, and passes an answer naming neither", () => {
    const body = { status: "invalid_request_error", error_info: { href: `https://${CLAIMED_HOST}/docs/errors` } };
    const [found] = judge({ status: 404, body });
    expect(found.message).toMatch(/names the host the request claimed/);
    expect(found.basis).toBeUndefined();
    const [header] = judge({ status: 404, body: { error_info: { href: "NA" } } }, { location: `https://${CLAIMED_HOST}/x` });
    expect(header.basis).toBe("assumed");
    expect(judge({ status: 404, body: { error_info: { href: "NA" } } })).toEqual([]);
  });

  it("looks for the host only where the request claimed it", () => {
    const other = scenarioOf("juspay", { id: "delete an id that never existed" });
    const input = exchange("juspay", other, 0, { status: 404, body: { href: `https://${CLAIMED_HOST}/` } });
    expect(noInternalLeak.run(input)).toEqual([]);
  });
});

describe("an existence oracle", () => {
  const s = scenarioOf("cashfree", { id: "credentials against a fixture" });
  const last = s.steps.findIndex((step) => step.around !== undefined);
  type Answer = { status: number; body?: unknown; headers?: Record<string, string> };
  const judge = (unknownBefore: Answer, atFixture: Answer, unknownAfter: Answer) => {
    const { fixture, unknown } = s.steps[last].around!;
    const before = [];
    before[unknown] = [response(unknownBefore)];
    before[fixture] = [response(atFixture)];
    return existenceOracle(exchange("cashfree", s, last, unknownAfter, { before }));
  };
  const refusal = (extra: Record<string, unknown> = {}) => ({ status: 401, body: { message: "Invalid API credentials provided", code: "invalid_credentials", type: "authentication_error", ...extra } });

  it("asks for ids that never existed just before and just after the fixture", () => {
    const { fixture, unknown } = s.steps[last].around!;
    expect([unknown, fixture, last]).toEqual([fixture - 1, last - 1, last]);
    expect(s.steps[fixture].fixture).toBe(0);
    expect(s.steps[unknown].plan.shapedLike).toBe(0);
  });

  it("passes answers alike, and leaves aside what differs between the two for ids that never existed", () => {
    expect(judge(refusal(), refusal(), refusal())).toEqual([]);
    expect(judge(refusal({ request_id: "r1" }), refusal({ request_id: "r2" }), refusal({ request_id: "r3" }))).toEqual([]);
    expect(judge(refusal({ at: "12:00:01" }), refusal({ at: "12:00:01" }), refusal({ at: "12:00:01" }))).toEqual([]);
  });

  it("warns of a value, a field or a status that only the existing fixture's answer has", () => {
    const [named] = judge(refusal(), refusal({ message: "Invalid API credentials provided for customer Priya" }), refusal());
    expect(named.basis).toBe("assumed");
    expect(named.actual).toMatch(/^\/message: "Invalid API credentials provided for customer Priya"/);
    expect(judge(refusal(), refusal({ customer_name: "Priya" }), refusal())[0].actual).toMatch(/only in its answer/);
    expect(judge(refusal(), { status: 403, body: refusal().body }, refusal())[0].actual).toBe("403");
  });

  it("warns of a header that only the existing fixture's answer has, or lacks; not of how the answer travels", () => {
    const withHeaders = (headers: Record<string, string>) => ({ ...refusal(), headers });
    const [validator] = judge(refusal(), withHeaders({ etag: '"5f3a"', "last-modified": "Tue, 01 Dec 2026 10:00:00 GMT" }), refusal());
    expect(validator.basis).toBe("assumed");
    expect(validator.actual).toBe('header etag: "\\"5f3a\\"" (only in its answer)');
    const challenge = { "www-authenticate": 'Basic realm="api"' };
    expect(judge(withHeaders(challenge), refusal(), withHeaders(challenge))[0].actual).toBe(`header www-authenticate: absent where ids that never existed get ${JSON.stringify(challenge["www-authenticate"])}`);
    expect(judge(withHeaders({ "x-request-id": "r1" }), withHeaders({ "x-request-id": "r2" }), withHeaders({ "x-request-id": "r3" }))).toEqual([]);
    expect(judge(refusal(), withHeaders({ connection: "close", "set-cookie": "lb=1", "transfer-encoding": "chunked" }), refusal())).toEqual([]);
  });
});

describe("the twentieth round's probes", () => {
  it("sends a gateway's identity headers without credentials against a fixture", () => {
    const s = scenario("enkash", "credentials against a fixture");
    const at = s.steps.findIndex((step) => step.label === "credentials missing, a gateway's identity headers");
    const request = built("enkash", "credentials against a fixture", at);
    expect(request.headers["x-authenticated-userid"]).toBe("payconform");
    expect(request.headers.authorization).toBeUndefined();
    expect(s.steps[at].expect).toBe("rejected");
  });

  it("sends template expressions and environment lookups as ids", () => {
    const s = scenario("enkash", "path customerId template expressions");
    expect(s.steps.map((step) => step.label)).toEqual(["expressions", "${env:ENKASH_ACCESS_TOKEN}"]);
    expect(decodeURIComponent(built("enkash", "path customerId template expressions").url.split("/").at(-1)!)).toBe("pc-${7919*7907}-#{7919*7907}-{{7919*7907}}-<%= 7919*7907 %>");
    const evaluated = exchange("enkash", s, 0, { status: 400, body: { errorResponse: { errorMessage: "bad id pc-62615533-x" } } });
    expect(noInternalLeak.run(evaluated)!.map((f) => f.actual)).toEqual([expect.stringMatching(/^an evaluated template expression/)]);
    expect(noInternalLeak.run(exchange("enkash", s, 0, { status: 400, body: { errorResponse: { errorMessage: "bad id pc-${7919*7907}" } } }))).toEqual([]);
  });

  it("leaves one credential out with a gateway's consumer headers, and replaces a credential's last character by a regular expression's dot", () => {
    const request = built("cashfree", "credential ApiSecret missing, a gateway's identity headers");
    expect([request.headers["x-client-secret"], request.headers["x-client-id"], request.headers["x-consumer-id"]]).toEqual([undefined, credentials.CASHFREE_CLIENT_ID, "payconform"]);
    expect(nearMiss("abcd", "regex-dot")).toBe("abc.");
  });

  it("sends a POST overridden to DELETE in the query, the headers and a form field, and a delete with Prefer: return=representation", () => {
    const request = built("yuno", "method POST overridden to DELETE");
    expect([request.method, request.body, request.headers["content-type"]]).toEqual(["POST", "_method=DELETE", "application/x-www-form-urlencoded"]);
    expect(built("yuno", "method GET overridden to DELETE").body).toBeUndefined();
    expect(built("cashfree", "prefer return=representation").headers.prefer).toBe("return=representation");
  });

  it("leaves a request claiming another host to no status check: a server may refuse it with 421", () => {
    expect(offPath(scenario("cashfree", "a forwarded host claimed").steps[0].plan)).toBe(true);
  });

  it("changes an id's last character within its kind, its shape kept", () => {
    expect(nearMissId("KC7U5Q10C6SUG66L", "last-changed")).toBe("KC7U5Q10C6SUG66M");
    expect(nearMissId("cust_ab9", "last-changed")).toBe("cust_ab0");
  });

  it("deletes a fixture with a UUID header in upper case, expecting the documented success (assumed)", () => {
    const s = scenario("yuno", "valid uuid headers in upper case");
    expect(s.basis).toBe("assumed");
    expect(built("yuno", "valid uuid headers in upper case").headers["x-account-code"]).toBe(credentials.YUNO_ACCOUNT_CODE.toUpperCase());
    expect(() => scenario("enkash", "valid uuid headers in upper case")).toThrow();
  });

  it("fails a success that names the fixture's id as the path spelled it", () => {
    const s = scenarioOf("juspay", { id: "valid path ids with a percent-encoded letter" });
    const ids = { customer_id: "cst_a1", customer_account_id: "bank_b2" };
    const judge = (accountId: string) => positiveDataAcceptance.run(exchange("juspay", s, 0, { status: 200, body: { customer_account_status: "DELETED", customer_account_id: accountId } }, { pathParams: ids }));
    expect(judge("bank_b2")).toEqual([]);
    expect(judge("%62ank_b2")).toMatchObject([{ message: "the success body names another customer_account_id than the one deleted", basis: "documented" }]);
  });
});

describe("the twenty-first round's probes", () => {
  it("spells a Basic user followed by a NUL, a credential changed in its middle, and its SHA-256", () => {
    const pair = built("juspay", "credential basicAuth user followed by a NUL").headers.authorization;
    expect(Buffer.from(String(pair).replace(/^Basic /, ""), "base64").toString("utf8")).toBe(`${credentials.JUSPAY_API_KEY}\u0000x:`);
    expect(nearMiss("enk_tok_0123456789abcdef", "middle-changed")).toBe("enk_tok_0123556789abcdef");
    expect(nearMiss("abc", "sha256-hex")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("sends the path's version one up without credentials, where the path has a version", () => {
    const s = scenario("enkash", "credentials against a fixture");
    const at = s.steps.findIndex((step) => step.label === "credentials missing, the path's version one up");
    expect(built("enkash", "credentials against a fixture", at).url).toBe("http://127.0.0.1:1/base/api/v1/customer/KC0000000000000A");
    // Without a version in the path: /v1 put before it (an older versioned router), and /internal.
    const cashfree = scenario("cashfree", "credentials against a fixture");
    expect(cashfree.steps.filter((step) => step.label.includes("version")).map((step) => step.label)).toEqual(["credentials missing, /v1 before the path (an older versioned router)", "credentials missing, /internal before the path's version (or before the path)"]);
    const added = cashfree.steps.findIndex((step) => step.label.startsWith("credentials missing, /v1"));
    expect(new URL(built("cashfree", "credentials against a fixture", added).url).pathname).toMatch(/^\/base\/v1\/customer\//);
    const internal = s.steps.findIndex((step) => step.label.startsWith("credentials missing, /internal"));
    expect(built("enkash", "credentials against a fixture", internal).url).toBe("http://127.0.0.1:1/base/api/internal/v0/customer/KC0000000000000A");
  });

  it("judges a 401's challenge by the documented HTTP scheme, and leaves API keys' challenges alone", () => {
    const s = scenarioOf("juspay", { id: "credentials missing" });
    const challenged = (provider: "juspay" | "enkash" | "cashfree", value: string) => {
      const input = exchange(provider, scenarioOf(provider, { id: "credentials missing" }), 0, { status: 401, body: {} });
      return challengeFindings({ ...input, response: { ...input.response, headers: { "www-authenticate": value } } });
    };
    expect(s.steps).toHaveLength(1);
    expect(challenged("juspay", 'Bearer realm="api", error="invalid_token"')[0].message).toBe("the 401 challenges the client for bearer, not the documented basic scheme");
    expect(challenged("juspay", 'Basic realm="api"')).toEqual([]);
    expect(challenged("juspay", 'Newauth realm="a", Basic realm="b"')).toEqual([]);
    expect(challenged("enkash", 'Basic realm="Realm"')).toHaveLength(1);
    expect(challenged("cashfree", 'Bearer realm="x"')).toEqual([]);
  });

  it("warns, not fails, of a browser's request refused with another 4xx than 401", () => {
    const s = scenarioOf("cashfree", { id: "credential ApiKeyAuth missing, from a browser origin" });
    const [found] = authEnforcement.run(exchange("cashfree", s, 0, { status: 403, body: { message: "Invalid CORS request" } }))!;
    expect(found.basis).toBe("assumed");
    expect(authEnforcement.run(exchange("cashfree", s, 0, { status: 404, body: { message: "Customer not found", code: "customer_not_found", type: "invalid_request_error" } }))!.some((f) => f.basis !== "assumed")).toBe(true);
  });

  it("holds an assumed error envelope's types as assumed, and a documented enum in it as documented", () => {
    const s = scenarioOf("enkash", { id: "delete an id that never existed" });
    const input = (body: unknown) => exchange("enkash", s, 0, { status: 404, body });
    const nulls = schemaFindings(input({ payload: null, errorResponse: { errorType: "RECORD_NOT_FOUND", apiSubErrors: null } }), { payload: null, errorResponse: { errorType: "RECORD_NOT_FOUND", apiSubErrors: null } });
    expect(nulls.length).toBeGreaterThan(0);
    expect(nulls.every((f) => f.basis === "assumed")).toBe(true);
    const array = schemaFindings(input([{ errorType: "RECORD_NOT_FOUND" }]), [{ errorType: "RECORD_NOT_FOUND" }]);
    expect(array.map((f) => [f.message, f.basis])).toEqual([["the 404 body breaks its schema at /: must be object", "assumed"]]);
    const enumBroken = { errorResponse: { errorType: "NOT_FOUND" } };
    expect(schemaFindings(input(enumBroken), enumBroken).map((f) => f.basis)).toEqual(["documented"]);
  });

  it("leaves Yuno's public key, which browsers hold, out of the credentials no_secret_echo looks for", () => {
    const judged = authenticatingCredentials(credentials, PROFILES.yuno);
    expect(Object.keys(judged)).toEqual(["YUNO_PRIVATE_SECRET_KEY"]);
  });
});

describe("the twenty-second round's probes", () => {
  const pairOf = (header: string | undefined) => Buffer.from(String(header).replace(/^Basic /, ""), "base64");

  it("sends a Basic password undefined or null, and the user with bit 7 set on each byte", () => {
    expect(pairOf(built("juspay", "credential basicAuth password the text undefined").headers.authorization).toString("utf8")).toBe(`${credentials.JUSPAY_API_KEY}:undefined`);
    expect(pairOf(built("juspay", "credential basicAuth password the text null").headers.authorization).toString("utf8")).toBe(`${credentials.JUSPAY_API_KEY}:null`);
    const high = pairOf(built("juspay", "credential basicAuth user with bit 7 set").headers.authorization);
    expect(Buffer.from(high.map((byte) => byte & 0x7f)).toString("latin1")).toBe(`${credentials.JUSPAY_API_KEY}:`);
    expect(high[0] & 0x80).toBe(0x80);
  });

  it("sends the body's media type in another case, an Upgrade without credentials, and an account code one digit off", () => {
    expect(built("juspay", "valid body media type in another case").headers["content-type"]).toBe("Application/X-Www-Form-Urlencoded");
    const s = scenario("cashfree", "credentials against a fixture");
    const at = s.steps.findIndex((step) => step.label === "credentials missing, Upgrade: h2c");
    expect(built("cashfree", "credentials against a fixture", at).headers.upgrade).toBe("h2c");
    const own = scenario("yuno", "x-account-code of another account");
    const changed = own.steps.findIndex((step) => step.label === "x-account-code with its last character changed");
    expect(built("yuno", "x-account-code of another account", changed).headers["x-account-code"]).toBe("3f2a9c1e-7b4d-4e8a-9c21-5d6e7f8a9b0d");
  });

  it("spells an id's first character as an HTML reference, and as a search query naming it", () => {
    expect(nearMissId("cust_ab", "html-entity")).toBe("&#99;ust_ab");
    expect(nearMissId("cust_ab", "or-query")).toBe("x OR cust_ab");
  });

  it("looks for internals in the headers too", () => {
    const s = scenarioOf("yuno", { id: "delete an id that never existed" });
    const input = exchange("yuno", s, 0, { status: 400, body: { code: "CUSTOMER_NOT_FOUND", messages: ["Customer not found."] } });
    const found = noInternalLeak.run({ ...input, response: { ...input.response, headers: { "server-timing": 'db;desc="DELETE FROM customers WHERE id = $1"' } } })!;
    expect(found.map((f) => f.message)).toEqual(["the 400 answer's headers show an SQL statement"]);
  });
});

describe("the twenty-third round's probes", () => {
  it("sends API keys under underscored names, a Basic key unencoded, a token with padding, and no credentials with Accept: text/html", () => {
    const underscored = built("cashfree", "credentials under underscored names").headers;
    expect([underscored.x_client_id, underscored.x_client_secret, underscored["x-client-id"]]).toEqual([credentials.CASHFREE_CLIENT_ID, credentials.CASHFREE_CLIENT_SECRET, undefined]);
    expect(built("juspay", "credential basicAuth not base64-encoded").headers.authorization).toBe(`Basic ${credentials.JUSPAY_API_KEY}`);
    expect(built("enkash", "credential bearerAuth padding-added").headers.authorization).toBe(`Bearer ${credentials.ENKASH_ACCESS_TOKEN}==`);
    const s = scenario("enkash", "credentials against a fixture");
    expect(built("enkash", "credentials against a fixture", s.steps.findIndex((step) => step.label === "credentials missing, Accept: text/html")).headers.accept).toMatch(/^text\/html/);
  });

  it("sends the pinned form value with a NUL after it and the field's name in another case", () => {
    expect(built("juspay", "body command followed by a NUL").body).toBe("command=delete%00x");
    expect(built("juspay", "body command named COMMAND").body).toBe("COMMAND=delete");
  });

  it("spells an id's first letter as its Cyrillic twin, and deletes a fixture naming the optional query parameters' examples", () => {
    expect(nearMissSegment("cust_ab", "homoglyph")).toBe("%D1%81ust_ab");
    const s = scenario("enkash", "a fixture deleted naming the optional query parameters");
    expect(s.steps.map((step) => [step.expect, step.ifCarried])).toEqual([["carried", undefined], ["not-found", 0]]);
    expect(built("enkash", "a fixture deleted naming the optional query parameters").url).toMatch(/\?parentCompanyId=CEK/);
  });
});

describe("the twenty-fourth round's probes", () => {
  const against = (provider: "enkash" | "yuno" | "juspay" | "cashfree", label: string) => {
    const s = scenario(provider, "credentials against a fixture");
    const at = s.steps.findIndex((step) => step.label === label);
    expect(at, label).toBeGreaterThan(0);
    return { step: s.steps[at], request: built(provider, "credentials against a fixture", at) };
  };

  it("sends no credentials as HTTP/1.0, with same-origin fetch metadata, a sub-request header, a query ending in .css and override flags; none may delete the fixture", () => {
    const http10 = against("enkash", "credentials missing, HTTP/1.0");
    expect([http10.request.http10, http10.request.headers.authorization, http10.step.expect]).toEqual([true, undefined, "not-deleted"]);
    expect(offPath(http10.step.plan)).toBe(true);
    expect(against("cashfree", "credentials missing, a browser's same-origin fetch metadata").request.headers["sec-fetch-site"]).toBe("same-origin");
    expect(against("yuno", "credentials missing, a framework's sub-request header").request.headers["x-middleware-subrequest"]).toBe("middleware");
    expect(against("yuno", "credentials missing, a query ending in .css").request.url).toMatch(/\.css$/);
    expect(new URL(against("juspay", "credentials missing, override flags in the query").request.url).searchParams.get("admin")).toBe("true");
  });

  it("takes a 505 to HTTP/1.0 for a refusal, not a server error", () => {
    const s = scenarioOf("enkash", { id: "credentials against a fixture" });
    const at = s.steps.findIndex((step) => step.label === "credentials missing, HTTP/1.0");
    const input = exchange("enkash", s, at, { status: 505 });
    expect(notAServerError.run(input)).toEqual([]);
    expect(authEnforcement.run(input)).toEqual([]);
    expect(notAServerError.run(exchange("enkash", s, at - 1, { status: 505 }))).toHaveLength(1);
  });

  it("leaves a required header out with override flags, sends another command under Expect: 100-continue, and a credential with ;v=1 after it", () => {
    const headers = scenario("yuno", "the header rules against a fixture");
    const flagged = headers.steps.find((step) => step.label === "header x-account-code missing, override flags in the query")!;
    expect([flagged.plan.omitHeaders, flagged.plan.query.force, flagged.expect]).toEqual([["x-account-code"], "true", "refused"]);
    const body = scenario("juspay", "the body rules against a fixture");
    const expecting = body.steps.find((step) => step.label === "body command not delete, with Expect: 100-continue")!;
    expect([expecting.plan.expectContinue, expecting.plan.body]).toEqual([true, "command=delete_not"]);
    expect(nearMiss("cfsk_abc", "parameter-added")).toBe("cfsk_abc;v=1");
    expect(built("cashfree", "credential ApiSecret parameter-added").headers["x-client-secret"]).toBe(`${credentials.CASHFREE_CLIENT_SECRET};v=1`);
  });

  it("deletes a fixture naming its own parentCompanyId, where the fixture source names it, then finds it gone with and without it", () => {
    const s = scenario("enkash", "valid query parameters naming the fixture's own");
    expect(s.steps.map((step) => [step.plan.scopeQuery, step.expect, step.fixture])).toEqual([
      [true, "success", 0],
      [true, "not-found", 0],
      [undefined, "not-found", 0],
    ]);
    expect(s.basis).toBe("documented");
  });
});

describe("the twenty-fifth round's probes", () => {
  const against = (provider: "enkash" | "yuno" | "juspay" | "cashfree", label: string) => {
    const s = scenario(provider, "credentials against a fixture");
    const at = s.steps.findIndex((step) => step.label === label);
    expect(at, label).toBeGreaterThan(0);
    return built(provider, "credentials against a fixture", at);
  };

  it("sends no credentials with the method in lower case, a mock server's Prefer: code=, and the form body as JSON", () => {
    const lower = against("enkash", "credentials missing, the method as delete");
    expect([lower.method, lower.methodSpelling, lower.headers.authorization]).toEqual(["DELETE", "delete", undefined]);
    expect(against("yuno", "credentials missing, a mock server's Prefer: code=202").headers.prefer).toBe("code=202");
    const json = against("juspay", "credentials missing, the body as JSON");
    expect([json.headers["content-type"], json.body, json.headers.authorization]).toEqual(["application/json", JSON.stringify({ command: "delete" }), undefined]);
  });

  it("sends a Basic token in the other case, another command spelled as a synonym or with an encoded &, and an id with an encoded & after it", () => {
    const swapped = built("juspay", "credential basicAuth encoded pair case-swapped").headers.authorization!;
    const valid = `Basic ${Buffer.from(`${credentials.JUSPAY_API_KEY}:`).toString("base64")}`;
    expect(swapped).not.toBe(valid);
    expect(swapped.toLowerCase()).toBe(valid.toLowerCase());
    expect(built("juspay", "body command remove").body).toBe("command=remove");
    expect(built("juspay", "body command with an encoded &x=1").body).toBe("command=delete%26x%3D1");
    expect(nearMissSegment("cust_ab", "encoded-ampersand")).toBe("cust_ab%26x%3D1");
  });

  it("breaks the fixture's own parentCompanyId with one character more, a space or a line feed after it, and respells it for a second decoding or NFKC", () => {
    const s = scenario("enkash", "the parentCompanyId pattern, the fixture's own value broken, against a fixture");
    expect(s.steps.map((step) => [step.plan.scopeQuery, step.plan.scopeSuffix ?? step.plan.scopeSpelling, step.expect])).toEqual([
      [true, "0", "refused"],
      [true, " ", "refused"],
      [true, "\n", "refused"],
      [true, ";x", "refused"],
      [true, "\u200b", "refused"],
      [true, "\u0000x", "refused"],
      [true, "&x=1", "refused"],
      [true, "encoded-first", "refused"],
      [true, "fullwidth-first", "refused"],
      [true, "lower-case", "refused"],
      [true, expect.stringMatching(/^,CEK[A-Z0-9]{7}$/), "refused"],
      [undefined, undefined, "survives"],
    ]);
  });

  it("sends an Authorization header beside API keys, where the security names none", () => {
    expect(built("cashfree", "valid with an Authorization header the operation does not use").headers).toMatchObject({ authorization: "Bearer payconform-unused", "x-client-id": credentials.CASHFREE_CLIENT_ID });
    expect(() => scenario("enkash", "valid with an Authorization header the operation does not use")).toThrow();
  });

  it("sends the twenty-sixth round's spellings: an encoded-word and a run-on scheme word; a JSON escape in an id; a prefix of the command; a header's value in the form; ;x after the fixture's own company", () => {
    expect(nearMiss("sk_1", "encoded-word")).toBe(`=?utf-8?B?${Buffer.from("sk_1").toString("base64")}?=`);
    expect(built("juspay", "credential basicAuth scheme word run on").headers.authorization).toMatch(/^Basicx[A-Za-z0-9+/=]+$/);
    expect(nearMissSegment("cust_ab", "json-escape")).toBe("%5Cu0063ust_ab");
    expect(built("juspay", "body command cut short").body).toBe("command=delet");
    const headers = scenario("juspay", "the assumed header rules against a fixture");
    const at = headers.steps.findIndex((step) => step.label === "header x-routing-id missing, its value in the form body");
    const inForm = built("juspay", "the assumed header rules against a fixture", at);
    expect(inForm.headers["x-routing-id"]).toBeUndefined();
    expect(new URLSearchParams(inForm.body).get("x-routing-id")).toBeTruthy();
    const own = scenario("enkash", "the parentCompanyId pattern, the fixture's own value broken, against a fixture");
    expect(own.steps.map((step) => step.plan.scopeSuffix)).toContain(";x");
  });

  it("sends the crossed account again after its own delete, which must still be refused", () => {
    const s = scenario("juspay", "customer_account_id under another customer_id");
    expect(s.steps.at(-1)!.label).toBe("customer_account_id of fixture 2 under customer_id of fixture 1, after its own delete");
    expect(s.steps.at(-1)!.expect).toBe("refused");
    expect(s.steps.at(-2)!.expect).toBe("survives");
  });

  it("warns of a 405 without Allow, and fails a 401 to a repeat delete with the credentials that deleted", () => {
    const methods = scenarioOf("yuno", { id: "method PUT" });
    const [noAllow] = unsupportedMethod.run(exchange("yuno", methods, 0, { status: 405 }))!;
    expect(noAllow.basis).toBe("assumed");
    expect(unsupportedMethod.run(exchange("yuno", methods, 0, { status: 405, headers: { allow: "DELETE" } }))).toEqual([]);
    const repeat = scenarioOf("cashfree", { id: "delete an existing fixture, then delete it again" });
    const at = repeat.steps.findIndex((step) => step.label === "second delete");
    const [refused] = deleteSemantics.run(exchange("cashfree", repeat, at, { status: 401, body: { message: "unauthorized", code: "unauthorized", type: "authentication_error" } }))!;
    expect(refused.basis).toBeUndefined();
    expect(refused.message).toMatch(/401 says the credentials are missing or wrong/);
  });
});

describe("near misses that keep an id's form", () => {
  it("are the form-keeping kinds and those that come out as the id shortened, never those spelled in the path", () => {
    expect(keepsForm("cust_104", "truncated")).toBe(true);
    expect(keepsForm("cust_104", "uuid-unhyphenated")).toBe(true);
    expect(keepsForm("cust_104", "glob-star")).toBe(false);
    expect(keepsForm("cust_104", "byte-escaped")).toBe(false);
  });
});
