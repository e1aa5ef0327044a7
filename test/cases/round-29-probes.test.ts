/**
 * The requests and readings of the twenty-ninth independent round's fault classes: the path's
 * version left out, zero-padded or one down, a method override naming OPTIONS, credentials in a
 * form body, all in the query or under x- names, client-IP headers, an Accept list, JSON and
 * multipart bodies, a body field as a header, ids with a Kelvin sign, a prefix in the other case,
 * a Windows path or an NTFS stream name; and codes with an invisible character, Rust panics,
 * private addresses and a Date header that is not IMF-fixdate.
 */
import { describe, expect, it } from "vitest";
import { nearMissId, nearMissSegment } from "../../src/cases/id-near-miss.ts";
import { errorCodeConformance } from "../../src/checks/error-code-conformance.ts";
import { INTERNAL_LEAK_PATTERNS } from "../../src/checks/internal-leak-patterns.ts";
import { responseSchemaConformance } from "../../src/checks/response-schema-conformance.ts";
import { unsupportedMethod } from "../../src/checks/unsupported-method.ts";
import { noSecretEcho } from "../../src/checks/no-secret-echo.ts";
import { GET_AFTER_DELETE } from "../../src/cases/method-cases.ts";
import { exchange, scenarioOf } from "../checks/exchange.ts";
import { built, credentials, scenario } from "./probe-requests.ts";

/** Step `label` of the credentials-against-a-fixture scenario, as built. */
function againstFixture(provider: "enkash" | "yuno" | "juspay" | "cashfree", label: string) {
  const s = scenario(provider, "credentials against a fixture");
  const at = s.steps.findIndex((step) => step.label === label);
  expect(at, label).toBeGreaterThan(0);
  return built(provider, "credentials against a fixture", at);
}

const leaks = (text: string): string[] => INTERNAL_LEAK_PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([what]) => what);

describe("the twenty-ninth round's probes", () => {
  it("sends the path without its version, zero-padded and one down, with a method override naming OPTIONS, and as HEAD, without credentials", () => {
    expect(new URL(againstFixture("enkash", "credentials missing, the path without its version").url).pathname).toBe("/base/api/customer/KC0000000000000A");
    expect(new URL(againstFixture("enkash", "credentials missing, the path's version zero-padded").url).pathname).toBe("/base/api/v00/customer/KC0000000000000A");
    expect(() => againstFixture("enkash", "credentials missing, the path's version one down")).toThrow();
    const override = againstFixture("enkash", "credentials missing, X-HTTP-Method-Override: OPTIONS");
    expect([override.method, override.headers["x-http-method-override"], override.headers.authorization]).toEqual(["DELETE", "OPTIONS", undefined]);
    expect(againstFixture("enkash", "credentials missing, HEAD on the path").method).toBe("HEAD");
  });

  it("sends credentials in a form body, all in the query, and under x- names", () => {
    const form = new URLSearchParams(againstFixture("cashfree", "credentials only in a form body, under their headers' names and the usual field names").body);
    expect([form.get("client_id"), form.get("client_secret")]).toEqual([credentials.CASHFREE_CLIENT_ID, credentials.CASHFREE_CLIENT_SECRET]);
    const query = built("cashfree", "credentials all in the query");
    const params = new URL(query.url).searchParams;
    expect([params.get("client_id"), params.get("client_secret"), query.headers["x-client-id"]]).toEqual([credentials.CASHFREE_CLIENT_ID, credentials.CASHFREE_CLIENT_SECRET, undefined]);
    expect(built("juspay", "credential basicAuth in another carrier").headers["x-authorization"]).toBe(`Basic ${Buffer.from(`${credentials.JUSPAY_API_KEY}:`).toString("base64")}`);
    expect(built("yuno", "credential sec1 in another carrier").headers["x-private-secret-key"]).toBe(credentials.YUNO_PRIVATE_SECRET_KEY);
    expect(built("yuno", "credentials missing, the request claiming a local origin").headers["true-client-ip"]).toBe("127.0.0.1");
  });

  it("sends an Accept list, JSON and multipart bodies, and the command as a header", () => {
    expect(built("enkash", "accept of an HTTP library").headers.accept).toBe("application/json, text/plain, */*");
    const media = scenario("juspay", "the body's media type against a fixture");
    const at = (label: string) => built("juspay", "the body's media type against a fixture", media.steps.findIndex((s) => s.label === label));
    expect(at("the documented fields as JSON").headers["content-type"]).toBe("application/json");
    const multipart = at("the documented fields as multipart/form-data");
    expect(multipart.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(multipart.body).toMatch(/name="command"\r\n\r\ndelete\r\n/);
    const header = built("juspay", "body command in a header");
    expect([header.headers.command, header.body]).toEqual(["delete", ""]);
  });

  it("names ids NFC, a prefix folded, a Windows path or an NTFS stream would take for the fixture's", () => {
    expect(nearMissId("cust_Kx9", "kelvin-sign")).toBe("cust_\u212ax9");
    expect("cust_\u212ax9".normalize("NFC")).toBe("cust_Kx9");
    expect(nearMissId("cust_ab12", "prefix-case-swapped")).toBe("CUST_ab12");
    const uuid = "3f2a9c1e-7b4d-4e8a-9c21-5d6e7f8a9b0c";
    expect(nearMissId(uuid, "prefix-case-swapped")).not.toBe(uuid.toUpperCase().slice(0, 8) + uuid.slice(8));
    expect(nearMissSegment("cust_ab12", "backslash-dot-segment")).toBe("x%5C..%5Ccust_ab12");
    expect(nearMissId("cust_ab12", "stream-suffix")).toBe("cust_ab12::$DATA");
  });

  it("fails a documented code with an invisible character after it", () => {
    const s = scenarioOf("yuno", { id: "delete an id that never existed" });
    const [finding] = errorCodeConformance.run(exchange("yuno", s, 0, { status: 400, body: { code: "CUSTOMER_NOT_FOUND\u200b", messages: ["Customer not found."] } }))!;
    expect([finding.message, finding.severity]).toEqual([expect.stringMatching(/spelt another way/), undefined]);
  });

  it("finds Rust panics and private addresses, and not ordinary text", () => {
    expect(leaks("called `Result::unwrap()` on an `Err` value: Parse at crates/flowwise/src/id.rs:41:22")).toContain("a Rust panic");
    expect(leaks("upstream customers-svc 10.42.7.19:8080 answered 404")).toContain("a private network address");
    expect(leaks("Customer 10.5 of 12 not found; try again at 10:30")).toEqual([]);
  });

  it("sends the thirtieth round's requests: an alias in the other number, a token as a Basic user, an unlabelled body, a query name percent-encoded", () => {
    expect(new URL(againstFixture("enkash", "credentials missing, the segment before the id in the other number").url).pathname).toBe("/base/api/v0/customers/KC0000000000000A");
    expect(new URL(againstFixture("juspay", "credentials missing, the segment before the id in the other number").url).pathname).toMatch(/\/customer-account\/bank_1$/);
    expect(built("enkash", "credential bearerAuth as a Basic user").headers.authorization).toBe(`Basic ${Buffer.from(`${credentials.ENKASH_ACCESS_TOKEN}:`).toString("base64")}`);
    const media = scenario("juspay", "the body's media type against a fixture");
    const bare = built("juspay", "the body's media type against a fixture", media.steps.findIndex((s) => s.label === "the documented body without a Content-Type"));
    expect([bare.headers["content-type"], bare.body]).toEqual([undefined, "command=delete"]);
    const pattern = scenario("enkash", "the parentCompanyId pattern against a fixture");
    const named = pattern.steps.findIndex((s) => / its name with a letter percent-encoded$/.test(s.label));
    expect(built("enkash", "the parentCompanyId pattern against a fixture", named).url).toMatch(/\?%70arentCompanyId=/);
  });

  it("warns of an error whose envelope says success, and reads a GET after the delete by whether the record may keep a deleted status", () => {
    const never = scenarioOf("enkash", { id: "delete an id that never existed" });
    const envelope = { status: 404, body: { response_code: 200, response_message: "OK", errorResponse: { errorType: "RECORD_NOT_FOUND", message: "Customer not found", timestamp: "2026-12-04 05:59:13" } } };
    const findings = responseSchemaConformance.run(exchange("enkash", never, 0, envelope))!.filter((f) => /envelope says/.test(f.message));
    expect(findings.map((f) => f.basis)).toEqual(["assumed"]);
    const juspay = scenarioOf("juspay", { id: "method GET" });
    const after = juspay.steps.findIndex((step) => step.label === GET_AFTER_DELETE);
    const ids = { customer_id: "cst_abcdef12", customer_account_id: "bank_abcdef12" };
    const marked = unsupportedMethod.run(exchange("juspay", juspay, after, { status: 200, body: { ...ids, customer_account_status: "DELETED" } }, { pathParams: ids }))!;
    expect(marked.map((f) => f.basis)).toEqual(["assumed"]);
    const active = unsupportedMethod.run(exchange("juspay", juspay, after, { status: 200, body: { ...ids, customer_account_status: "ACTIVE" } }, { pathParams: ids }))!;
    expect(active.map((f) => f.basis)).toEqual([undefined]);
    const cashfree = scenarioOf("cashfree", { id: "method GET" });
    const deletedFlag = unsupportedMethod.run(exchange("cashfree", cashfree, after, { status: 200, body: { customer_id: "cust_abcdef12", deleted: true } }, { pathParams: { customer_id: "cust_abcdef12" } }))!;
    expect(deletedFlag.map((f) => f.basis)).toEqual([undefined]);
  });

  it("sends the base path twice, a soft hyphen in an id, the account code with a parameter or in a cookie; reads a secret in the reason phrase", () => {
    expect(new URL(againstFixture("cashfree", "credentials missing, the base path /router twice").url).pathname).toBe("/base/base/customer/cust_abc");
    expect(nearMissId("cust_abcd", "soft-hyphen")).toBe("cust\u00ad_abcd");
    expect(built("yuno", "header x-account-code parameter-added").headers["x-account-code"]).toBe(`${credentials.YUNO_ACCOUNT_CODE};v=1`);
    const rules = scenario("yuno", "the header rules against a fixture");
    const cookie = built("yuno", "the header rules against a fixture", rules.steps.findIndex((step) => step.label === "header x-account-code missing, its value in a cookie"));
    expect([cookie.headers["x-account-code"], cookie.headers.cookie]).toEqual([undefined, `x-account-code=${credentials.YUNO_ACCOUNT_CODE}`]);
    const wrong = scenarioOf("cashfree", { id: "credential ApiSecret wrong" });
    const input = exchange("cashfree", wrong, 0, { status: 401, body: { code: "authentication_error", type: "authentication_error", message: "Invalid API credentials provided" } }, { secrets: [credentials.CASHFREE_CLIENT_SECRET] });
    input.response.reason = `Unauthorized secret ${credentials.CASHFREE_CLIENT_SECRET}`;
    expect(noSecretEcho.run(input)!.map((f) => f.message).join("\n")).toMatch(/reason phrase/);
  });

  it("warns of a Date header that is not IMF-fixdate", () => {
    const s = scenarioOf("enkash", { id: "delete an id that never existed" });
    const notFound = { status: 404, body: { response_code: 404, response_message: "Not Found", errorResponse: { errorType: "RECORD_NOT_FOUND", message: "Customer not found", timestamp: "2026-12-04 05:59:13" } } };
    const [local] = responseSchemaConformance.run(exchange("enkash", s, 0, { ...notFound, headers: { date: "Fri, 4 Dec 2026 05:59:13 +0530" } }))!;
    expect([local.basis, local.actual]).toEqual(["assumed", "Date: Fri, 4 Dec 2026 05:59:13 +0530"]);
    expect(responseSchemaConformance.run(exchange("enkash", s, 0, { ...notFound, headers: { date: new Date().toUTCString() } }))!.filter((f) => /IMF-fixdate/.test(f.message))).toEqual([]);
  });
});
