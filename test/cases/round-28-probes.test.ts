/**
 * The requests and readings of the twenty-eighth independent round's fault classes: credentials in
 * `x-access-token`, under `Token`, as a Basic password, listed in one Authorization field, joined
 * in one header, with a no-break space or a superscript; ids cut by a column, tidied like slugs,
 * case-folded after their prefix, found by a multiline pattern, read as another UUID or a URN, after
 * a segment, or keyed on a 32-bit hash; the account code under an underscored name, in the query,
 * percent-encoded, trimmed or taken from the first of two lines; form values chomped, stripped of
 * invisible characters or decoded twice; no Accept header; and what the checks make of an empty
 * body compressed, a trailer, `message` for `messages`, a 401 to valid credentials and a GET after
 * the delete.
 */
import { describe, expect, it } from "vitest";
import { nearMissId, nearMissSegment } from "../../src/cases/id-near-miss.ts";
import { spellUuid } from "../../src/cases/model.ts";
import { GET_AFTER_DELETE } from "../../src/cases/method-cases.ts";
import { contentTypeConformance } from "../../src/checks/content-type-conformance.ts";
import { lookalikeNames } from "../../src/checks/lookalike-names.ts";
import { noInternalLeak } from "../../src/checks/no-internal-leak.ts";
import { requiredBodyEnforcement } from "../../src/checks/enforcement.ts";
import { unsupportedMethod } from "../../src/checks/unsupported-method.ts";
import { nearMiss } from "../../src/runner/credentials.ts";
import { exchange, scenarioOf } from "../checks/exchange.ts";
import { built, credentials, scenario } from "./probe-requests.ts";

/** Java's String.hashCode. */
const javaHash = (text: string): number => Array.from(text).reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 0);

describe("the twenty-eighth round's probes", () => {
  it("names ids a column, a slug lookup, a folded tail, a multiline pattern, a UUID parser, a router or a hash would take for the fixture's", () => {
    expect(nearMissId("cust_ab12", "char-appended")).toBe("cust_ab120");
    expect(nearMissId("cust_ab12", "separator-appended")).toBe("cust_ab12_");
    expect(nearMissId("cust_ab12", "separator-doubled")).toBe("cust__ab12");
    expect(nearMissId("cust_ab12", "tail-case-swapped")).toBe("cust_AB12");
    expect(nearMissId("KCAB12CD34EF56GH", "tail-case-swapped")).toBe("KCab12cd34ef56gh");
    expect(nearMissId("KCAB12CD34EF56GH", "newline-prefix")).toBe("x\nKCAB12CD34EF56GH");
    const uuid = "3f2a9c1e-7b4d-4e8a-9c21-5d6e7f8a9b0c";
    expect(nearMissId(uuid, "uuid-version-changed")).toBe("3f2a9c1e-7b4d-1e8a-dc21-5d6e7f8a9b0c");
    expect(nearMissId(uuid, "uuid-urn")).toBe(`urn:uuid:${uuid}`);
    expect(nearMissId("cust_ab12", "uuid-urn")).toBe("urn:uuid:cust_ab12");
    expect(nearMissId(uuid, "leading-zero")).toBe("3f2a9c1e-7b4d-4e8a-9c21-05d6e7f8a9b0c");
    expect(nearMissSegment("KC1", "segment-before")).toBe("x/KC1");
    for (const id of ["KCGWKMIU03L3WHBO", "cust_ab12cd34", uuid]) {
      const collision = nearMissId(id, "hash-collision");
      expect(collision).not.toBe(id);
      expect(javaHash(collision), id).toBe(javaHash(id));
    }
  });

  it("spells credentials as a JavaScript trim, NFKC, another framework's scheme or a combined key would take them", () => {
    expect(nearMiss("sk_live_9x", "trailing-nbsp")).toBe("sk_live_9x\u00a0");
    expect(nearMiss("key_123", "superscript")).toBe("key_\u00b923");
    expect(nearMiss("XYZ", "superscript")).toBe("XY\u00b2");
    expect(built("enkash", "credential bearerAuth under Token").headers.authorization).toBe(`Token ${credentials.ENKASH_ACCESS_TOKEN}`);
    expect(built("enkash", "credential bearerAuth as a Basic password").headers.authorization).toBe(`Basic ${Buffer.from(`payconform:${credentials.ENKASH_ACCESS_TOKEN}`).toString("base64")}`);
    const joined = built("cashfree", "credentials joined in one header").headers;
    expect(joined["x-client-id"]).toBe(`${credentials.CASHFREE_CLIENT_ID}:${credentials.CASHFREE_CLIENT_SECRET}`);
    expect(joined["x-client-secret"]).toBeUndefined();
    const carriers = built("enkash", "credential bearerAuth in another carrier").headers;
    expect([carriers["x-access-token"], carriers["x-auth-token"], carriers.authorization]).toEqual([credentials.ENKASH_ACCESS_TOKEN, credentials.ENKASH_ACCESS_TOKEN, undefined]);
    expect(new URL(built("enkash", "credential bearerAuth in the query").url).searchParams.get("token")).toBe(credentials.ENKASH_ACCESS_TOKEN);
  });

  it("sends the account code under an underscored name, in the query, percent-encoded, with a no-break space, and twice", () => {
    const s = scenario("yuno", "the header rules against a fixture");
    const at = (label: string) => {
      const index = s.steps.findIndex((step) => step.label === label);
      expect(index, label).toBeGreaterThanOrEqual(0);
      return built("yuno", "the header rules against a fixture", index);
    };
    expect(at("header x-account-code missing, its value under x_account_code").headers.x_account_code).toBe(credentials.YUNO_ACCOUNT_CODE);
    const inQuery = at("header x-account-code missing, its value in the query");
    expect([inQuery.headers["x-account-code"], new URL(inQuery.url).searchParams.get("x-account-code")]).toEqual([undefined, credentials.YUNO_ACCOUNT_CODE]);
    expect(at("header x-account-code percent-encoded").headers["x-account-code"]).toBe(`%33${credentials.YUNO_ACCOUNT_CODE.slice(1)}`);
    expect(at("header x-account-code nbsp-after").headers["x-account-code"]).toBe(`${credentials.YUNO_ACCOUNT_CODE}\u00a0`);
    const twice = at("header x-account-code repeated, the configured line first");
    expect(twice.headers["x-account-code"]).toBe(credentials.YUNO_ACCOUNT_CODE);
    expect(twice.repeatedHeaders?.[0]?.[0]).toBe("x-account-code");
    expect(spellUuid("3f2a9c1e-7b4d-4e8a-9c21-5d6e7f8a9b0c", "version-changed")).toBe("3f2a9c1e-7b4d-1e8a-dc21-5d6e7f8a9b0c");
  });

  it("sends Juspay's command chomped, with a soft hyphen, decoded twice, and as JSON under text/plain; a GET with it in the query", () => {
    expect(built("juspay", "body command with a trailing line feed").body).toBe("command=delete%0A");
    expect(built("juspay", "body command with a soft hyphen").body).toBe("command=del%C2%ADete");
    expect(built("juspay", "body command percent-encoded twice").body).toBe("command=%2564elete");
    const media = scenario("juspay", "the body's media type against a fixture");
    const json = built("juspay", "the body's media type against a fixture", media.steps.findIndex((s) => s.label === "the documented fields as JSON, labelled text/plain"));
    expect([json.headers["content-type"], json.body]).toEqual(["text/plain", '{"command":"delete"}']);
    const get = built("juspay", "method GET with the body's fields in the query");
    expect([get.method, new URL(get.url).searchParams.get("command"), get.body]).toEqual(["GET", "delete", undefined]);
  });

  it("sends a request without Accept", () => {
    expect(built("cashfree", "no accept header").headers.accept).toBeUndefined();
  });

  it("fails an empty body that comes compressed, and reads trailers for leaks", () => {
    const repeat = scenarioOf("yuno", { id: "delete an existing fixture, then delete it again" });
    const compressed = exchange("yuno", repeat, 0, { status: 202, headers: { "content-encoding": "gzip" } });
    compressed.response.encodedLength = 20;
    expect(contentTypeConformance.run(compressed)![0].message).toMatch(/body is empty, but the answer sends 20 bytes/);
    const leak = exchange("cashfree", scenarioOf("cashfree", { id: "delete an id that never existed" }), 0, { status: 404, body: { code: "customer_not_found", type: "invalid_request_error", message: "Customer not found" } });
    leak.response.trailers = { "server-timing": 'db;desc="SELECT id, email FROM customers WHERE customer_id = 1"' };
    expect(noInternalLeak.run(leak)!.map((f) => f.message)).toEqual([expect.stringMatching(/trailer headers show/)]);
  });

  it("reads `message` where the doc names `messages` as a renamed field", () => {
    const schema = { type: "object", properties: { code: { type: "string" }, messages: { type: "array" } } };
    expect(lookalikeNames({ code: "X", message: "no" }, schema)).toEqual([{ at: "/", sent: "message", documented: "messages" }]);
    expect(lookalikeNames({ code: "X", messages: ["no"], message: "no" }, schema)).toEqual([]);
  });

  it("fails a documented 401 to a body rule broken with valid credentials, not a 400", () => {
    const s = scenarioOf("juspay", { id: "body command not delete" });
    const unauthorized = { status: 401, body: { status: "error", error_code: "access_denied", error_message: "Invalid API Key. Please pass a valid and active api key." } };
    expect(requiredBodyEnforcement.run(exchange("juspay", s, 0, unauthorized))![0].message).toMatch(/got 401, the doc's answer to missing or wrong credentials/);
    expect(requiredBodyEnforcement.run(exchange("juspay", s, 0, { status: 400, body: { status: "error", error_code: "invalid_request" } }))!.filter((f) => /401/.test(f.message))).toEqual([]);
  });

  it("fails a GET after the delete that still hands the fixture out, and warns of an Allow without the documented method", () => {
    const s = scenarioOf("cashfree", { id: "method GET" });
    const after = s.steps.findIndex((step) => step.label === GET_AFTER_DELETE);
    expect(after).toBe(2);
    const ids = { customer_id: "cust_abcdef123" };
    expect(unsupportedMethod.run(exchange("cashfree", s, after, { status: 200, body: { customer_id: ids.customer_id, deleted: true } }, { pathParams: ids }))![0].message).toMatch(/the record is still there/);
    expect(unsupportedMethod.run(exchange("cashfree", s, after, { status: 405, headers: { allow: "DELETE" } }, { pathParams: ids }))).toEqual([]);
    const [lying] = unsupportedMethod.run(exchange("cashfree", s, 0, { status: 405, headers: { allow: "GET, HEAD" } }))!;
    expect([lying.basis, lying.actual]).toEqual(["assumed", "Allow: GET, HEAD"]);
  });
});
