/**
 * The requests of the sixteenth independent round's fault classes: header names title-cased on
 * the wire, a pinned form value with a trailing space or in fullwidth letters, an id without its
 * first character, a default credential, the CORS preflight headers without credentials, an id of
 * multibyte characters; and which credentials no_secret_echo looks for.
 */
import { describe, expect, it } from "vitest";
import { nearMissSegment } from "../../src/cases/id-near-miss.ts";
import { DEFAULT_CREDENTIAL } from "../../src/cases/model.ts";
import { MULTIBYTE_ID } from "../../src/cases/encoding-cases.ts";
import { createAgents } from "../../src/http/agents.ts";
import { headerLines } from "../../src/http/header-lines.ts";
import { sendOnce } from "../../src/http/send.ts";
import { PROFILES } from "../../src/profiles/index.ts";
import { authenticatingCredentials, nearMiss } from "../../src/runner/credentials.ts";
import { buildRequest, regroupedCredentials } from "../../src/runner/build-request.ts";
import { built, contextOf, credentials, rawHeaderRecorder, scenario } from "./probe-requests.ts";

describe("header names title-cased", () => {
  const recorder = rawHeaderRecorder();
  const seen = recorder.seen;

  it("sends every field name title-cased, while the request keeps them lowercase for the checks", async () => {
    const s = scenario("juspay", "valid header names title-cased");
    expect(s.steps[0]).toMatchObject({ fixture: 0, expect: "success" });
    const request = buildRequest(contextOf("juspay", recorder.base()), s.steps[0].plan, { customer_id: "cst_a", customer_account_id: "bank_b" }, { customer_id: "cst_a" });
    expect(request.headers["x-routing-id"]).toBe("cst_a");
    expect(headerLines(request).map(([name]) => name)).toEqual(expect.arrayContaining(["X-Routing-Id", "Authorization", "Content-Type"]));
    const agents = createAgents({}, undefined);
    await sendOnce(request, { agents, timeoutMs: 5000, maxBodyBytes: 1 << 20 });
    agents.http.destroy();
    const names = seen.at(-1)!.filter((_v, i) => i % 2 === 0);
    expect(names).toEqual(expect.arrayContaining(["X-Routing-Id", "Authorization", "Content-Type", "Content-Length"]));
    expect(names).not.toContain("x-routing-id");
  });
});

describe("values a loose comparison takes for the documented ones", () => {
  it("sends command with a trailing space and in fullwidth letters", () => {
    expect(built("juspay", "body command with a trailing space").body).toBe("command=delete+");
    expect(decodeURIComponent(String(built("juspay", "body command fullwidth").body).replace(/^command=/, ""))).toBe("ｄｅｌｅｔｅ");
  });

  it("drops an id's first character, which a suffix match finds", () => {
    expect(nearMissSegment("cust_abc", "leading-cut")).toBe("ust_abc");
    expect(nearMissSegment("cust_abc", "trailing-dot")).toBe("cust_abc.");
  });

  it("sends every credential as the default test, never masked as a secret", () => {
    const request = built("cashfree", "credentials a default");
    expect([request.headers["x-client-id"], request.headers["x-client-secret"]]).toEqual([DEFAULT_CREDENTIAL, DEFAULT_CREDENTIAL]);
    expect(DEFAULT_CREDENTIAL.length).toBeLessThan(8);
  });

  it("sends the CORS preflight headers on the documented method without credentials, against a fixture", () => {
    const s = scenario("enkash", "credentials against a fixture");
    const at = s.steps.findIndex((step) => step.label === "credentials missing, the CORS preflight headers");
    const request = built("enkash", "credentials against a fixture", at);
    expect(request.method).toBe("DELETE");
    expect(request.headers.authorization).toBeUndefined();
    expect(request.headers["access-control-request-method"]).toBe("DELETE");
    expect(s.steps[at].expect).toBe("rejected");
  });

  it("sends an id of multibyte characters, but not where a header repeats it", () => {
    expect(built("cashfree", "path customer_id multibyte characters").url).toContain(encodeURIComponent(MULTIBYTE_ID));
    expect(() => scenario("juspay", "path customer_id multibyte characters")).toThrow();
    expect(scenario("juspay", "path customer_account_id multibyte characters").check).toBe("content_type_conformance");
  });
});

describe("the credentials no_secret_echo looks for", () => {
  it("are the security schemes' own, not Yuno's account code (nor its public key, which browsers hold)", () => {
    expect(Object.keys(authenticatingCredentials(credentials, PROFILES.yuno)).sort()).toEqual(["YUNO_PRIVATE_SECRET_KEY"]);
    expect(Object.keys(authenticatingCredentials(credentials, PROFILES.cashfree)).sort()).toEqual(["CASHFREE_CLIENT_ID", "CASHFREE_CLIENT_SECRET"]);
    expect(Object.keys(authenticatingCredentials(credentials, PROFILES.juspay))).toEqual(["JUSPAY_API_KEY"]);
  });
});

describe("the seventeenth round's probes", () => {
  it("sends the target in absolute form, ;x after the first segment and a GET, all without credentials, against a fixture", () => {
    const s = scenario("enkash", "credentials against a fixture");
    const step = (label: string) => s.steps.findIndex((st) => st.label === label);
    const absolute = built("enkash", "credentials against a fixture", step("credentials missing, the request target in absolute form"));
    expect([absolute.absoluteForm, absolute.headers.authorization]).toEqual([true, undefined]);
    expect(built("enkash", "credentials against a fixture", step("credentials missing, ;x after the path's first segment")).url).toBe("http://127.0.0.1:1/base/api;x/v0/customer/KC0000000000000A");
    expect(built("enkash", "credentials against a fixture", step("credentials missing, GET on the path")).method).toBe("GET");
  });

  it("changes a credential's last character within its kind, base64-encodes it, and adds :x to a Basic pair", () => {
    expect(nearMiss("enk_tok_0123456789abcdef", "last-changed")).toBe("enk_tok_0123456789abcdea");
    expect(nearMiss("Key_Z", "last-changed")).toBe("Key_A");
    expect(nearMiss("k_1", "base64-encoded")).toBe("a18x");
    const pair = built("juspay", "credential basicAuth with a second colon").headers.authorization;
    expect(Buffer.from(String(pair).replace(/^Basic /, ""), "base64").toString("utf8")).toBe(`${credentials.JUSPAY_API_KEY}::x`);
  });

  it("sends a Juspay account under the customer ids - and *, and ids without their prefix or with a four-byte character after them", () => {
    const labels = scenario("juspay", "customer_account_id under another customer_id").steps.map((st) => st.label);
    expect(labels).toEqual(expect.arrayContaining(["customer_account_id of fixture 2 under customer_id -", "customer_account_id of fixture 2 under customer_id *"]));
    expect(nearMissSegment("cust_abc", "prefix-dropped")).toBe("abc");
    expect(nearMissSegment("cust_abc", "astral-suffix")).toBe("cust_abc%F0%9F%98%80");
  });
});

describe("the eighteenth round's probes", () => {
  it("regroups two API keys across their headers, their joined text unchanged", () => {
    const request = built("cashfree", "credentials regrouped");
    const [id, secret] = [request.headers["x-client-id"], request.headers["x-client-secret"]];
    expect(`${id}${secret}`).toBe(`${credentials.CASHFREE_CLIENT_ID}${credentials.CASHFREE_CLIENT_SECRET}`);
    expect(id).not.toBe(credentials.CASHFREE_CLIENT_ID);
    expect(() => scenario("enkash", "credentials regrouped")).toThrow();
    // A list without one of the keys (the keys no_secret_echo judges) gets no piece of the missing one.
    const op = contextOf("yuno").op;
    const secretOnly = { YUNO_PRIVATE_SECRET_KEY: credentials.YUNO_PRIVATE_SECRET_KEY };
    expect(regroupedCredentials(op, PROFILES.yuno, secretOnly)).toEqual(secretOnly);
  });

  it("puts a soft hyphen inside a credential, and sends a long valid run then an invalid character as an id", () => {
    expect(nearMiss("abcd", "inner-soft-hyphen")).toBe("ab\u00adcd");
    expect(built("cashfree", "path customer_id a long valid run, then an invalid character").url).toMatch(/\/customer\/a{40}!$/);
  });

  it("sends a health probe's User-Agent and Host: localhost without credentials against a fixture", () => {
    const s = scenario("yuno", "credentials against a fixture");
    const at = (label: string) => s.steps.findIndex((step) => step.label === label);
    expect(built("yuno", "credentials against a fixture", at("credentials missing, Host: localhost")).headers.host).toBe("localhost");
    expect(built("yuno", "credentials against a fixture", at("credentials missing, a health probe's User-Agent")).headers["user-agent"]).toBe("kube-probe/1.29");
  });
});
