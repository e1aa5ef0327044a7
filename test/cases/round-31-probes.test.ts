/**
 * The requests and readings of the thirty-first independent round's fault classes: form fields
 * named with a space, quoted, as an HTML reference, in a cookie, sent chunked and under other media
 * types; method overrides on PUT, PATCH and OPTIONS and in `_HttpMethod`; `/v1` and `/internal`
 * routers and in-cluster Host names without credentials; every credential empty; the target's
 * cookies beside wrong credentials; and the readings that were false alarms: the document's own
 * example time stamp, an enum errorType on another status, a race whose copies all went unanswered.
 */
import { describe, expect, it } from "vitest";
import { deflateSync, gzipSync } from "node:zlib";
import { nearMissId } from "../../src/cases/id-near-miss.ts";
import { findSecret, MASK, redact } from "../../src/http/redact.ts";
import { deleteSemantics } from "../../src/checks/delete-semantics.ts";
import { errorCodeConformance } from "../../src/checks/error-code-conformance.ts";
import { responseSchemaConformance } from "../../src/checks/response-schema-conformance.ts";
import { exchange, scenarioOf } from "../checks/exchange.ts";
import { buildRequest } from "../../src/runner/build-request.ts";
import { built, contextOf, MADE_UP_IDS, scenario } from "./probe-requests.ts";

/** Step `label` of scenario `id`, as built. */
function step(provider: "enkash" | "yuno" | "juspay" | "cashfree", id: string, label: string) {
  const s = scenario(provider, id);
  const at = s.steps.findIndex((candidate) => candidate.label === label);
  expect(at, label).toBeGreaterThanOrEqual(0);
  return built(provider, id, at);
}

describe("the thirty-first round's probes", () => {
  it("sends Juspay's command under a name with a space, quoted, as an HTML reference, in a cookie, and twice with the other value first", () => {
    expect(built("juspay", "body command named with a space before it").body).toBe("%20command=delete");
    expect(built("juspay", "body command in double quotes").body).toBe("command=%22delete%22");
    expect(built("juspay", "body command with an HTML character reference").body).toBe("command=%26%23100%3Belete");
    const cookie = built("juspay", "body command in a cookie");
    expect([cookie.body, cookie.headers.cookie]).toEqual(["", "command=delete"]);
    expect(scenario("juspay", "body command twice, the other value first").basis).toBe("assumed");
    expect(built("juspay", "body command twice, the other value first").body).toBe("command=delete_not&command=delete");
  });

  it("sends a wrong command chunked against a fixture, and the documented body under a look-alike media type and in UTF-16LE", () => {
    const chunked = step("juspay", "the body rules against a fixture", "body command not delete, sent chunked");
    expect([chunked.chunked, chunked.body]).toEqual([true, "command=delete_not"]);
    const substring = step("juspay", "the body's media type against a fixture", "the documented body labelled text/x-www-form-urlencoded");
    expect(substring.headers["content-type"]).toBe("text/x-www-form-urlencoded");
    const utf16 = step("juspay", "the body's media type against a fixture", "the documented body in UTF-16LE, labelled charset=utf-16le");
    expect(Buffer.from(utf16.body!, "utf8").equals(Buffer.from("command=delete", "utf16le"))).toBe(true);
  });

  it("overrides PUT, PATCH and OPTIONS to the documented method, _HttpMethod beside _method, and OPTIONS without credentials too", () => {
    const options = scenario("cashfree", "method OPTIONS overridden to DELETE");
    expect(options.steps.map((s) => s.label)).toEqual(["OPTIONS overridden to DELETE", "OPTIONS overridden to DELETE, credentials missing", "DELETE afterwards"]);
    const bare = built("cashfree", "method OPTIONS overridden to DELETE", 1);
    expect([bare.method, bare.headers["x-http-method-override"], bare.headers["x-client-secret"], new URL(bare.url).searchParams.get("_HttpMethod")]).toEqual(["OPTIONS", "DELETE", undefined, "DELETE"]);
    expect(built("enkash", "method PATCH overridden to DELETE").method).toBe("PATCH");
  });

  it("sends /v1 before an unversioned path and /internal before the version, and in-cluster Host names, without credentials", () => {
    const id = "credentials against a fixture";
    expect(new URL(step("cashfree", id, "credentials missing, /v1 before the path (an older versioned router)").url).pathname).toMatch(/^\/base\/v1\/customer\//);
    expect(new URL(step("cashfree", id, "credentials missing, /internal before the path's version (or before the path)").url).pathname).toMatch(/^\/base\/internal\/customer\//);
    // Where the version is in the target's base path (Yuno's /v1), /internal goes before it.
    const yuno = scenario("yuno", id);
    const internal = yuno.steps.findIndex((s) => s.label.startsWith("credentials missing, /internal"));
    expect(new URL(buildRequest(contextOf("yuno", "http://127.0.0.1:1/v1"), yuno.steps[internal].plan, MADE_UP_IDS).url).pathname).toBe("/internal/v1/customers/cust_abc");
    expect(step("yuno", id, "credentials missing, an in-cluster Host (.svc.cluster.local)").headers.host).toMatch(/\.svc\.cluster\.local$/);
    expect(step("yuno", id, "credentials missing, an internal Host (.internal)").headers.host).toMatch(/\.internal$/);
  });

  it("sends every credential empty where there are several, and the target's cookies beside wrong credentials", () => {
    const empty = step("cashfree", "credentials against a fixture", "credentials all empty");
    expect([empty.headers["x-client-id"], empty.headers["x-client-secret"]]).toEqual(["", ""]);
    expect(() => step("enkash", "credentials against a fixture", "credentials all empty")).toThrow();
    const s = scenario("cashfree", "credentials against a fixture");
    expect(s.steps.filter((x) => x.plan.replayCookies && x.plan.auth !== "missing").map((x) => x.label)).toEqual([
      "credentials wrong, the cookies the target set sent back",
      "only ApiKeyAuth wrong, the cookies the target set sent back",
      "only ApiSecret wrong, the cookies the target set sent back",
    ]);
  });

  it("spells a digit of an id in another script", () => {
    expect(nearMissId("KC1A", "other-script-digit").normalize("NFKC")).toBe("KC\u0661A");
    expect(nearMissId("KC1A", "other-script-digit")).not.toBe("KC1A");
  });
});

describe("the thirty-first round's false alarms", () => {
  const enkashSuccess = scenarioOf("enkash", { check: "delete_semantics" });

  it("takes the document's own example time stamp, sent verbatim, as no finding", () => {
    const body = { errorResponse: { apiSubErrors: [{}], errorMessage: "string", errorType: "CLIENT_REQUEST_ABORT", requestId: "string", timestamp: "yyyy-MM-dd HH:mm:ss" }, payload: "string", response_code: 0, response_message: "string" };
    expect(responseSchemaConformance.run(exchange("enkash", enkashSuccess, 0, { status: 200, body }))).toEqual([]);
    const other = { ...body, errorResponse: { ...body.errorResponse, timestamp: "04/12/2026 10:00" } };
    expect(responseSchemaConformance.run(exchange("enkash", enkashSuccess, 0, { status: 200, body: other }))!.map((f) => f.basis)).toEqual(["documented"]);
  });

  it("lets an EnKash 401 carry any errorType of the documented enum, and still fails one outside it", () => {
    const wrongCredentials = scenarioOf("enkash", { check: "auth_enforcement" });
    const body = (errorType: string) => ({ errorResponse: { errorType, errorMessage: "token expired" }, response_code: 401 });
    expect(errorCodeConformance.run(exchange("enkash", wrongCredentials, 0, { status: 401, body: body("INVALID_ACCESS") }))).toEqual([]);
    expect(errorCodeConformance.run(exchange("enkash", wrongCredentials, 0, { status: 401, body: body("TOKEN_EXPIRED") }))!.map((f) => f.basis)).toEqual(["documented"]);
  });

  it("judges no race whose copies went unanswered: the one without an answer may have won", () => {
    const race = scenarioOf("juspay", { id: "concurrent deletes of one fixture" });
    const at = race.steps.findIndex((s) => s.burst !== undefined);
    const notFound = { status: 404, headers: {}, text: "" };
    // Judged at the last copy that got an answer.
    const judged = (responses: Array<typeof notFound | undefined>) => deleteSemantics.run(exchange("juspay", race, at, { status: 404, body: "" }, { burst: { index: responses.findLastIndex((r) => r !== undefined), responses } }))!;
    expect(judged([notFound, undefined, undefined, undefined, undefined]).filter((f) => /none of/.test(f.message))).toEqual([]);
    expect(judged([notFound, notFound, notFound, notFound, notFound]).some((f) => /none of 5/.test(f.message))).toBe(true);
  });
});

describe("secrets inside compressed tokens", () => {
  const secret = "yuno_priv_9d2f61ae03";
  const session = `.${deflateSync(Buffer.from(JSON.stringify({ private_secret_key: secret, n: 1 }))).toString("base64url")}`;

  it("finds a key inside a zlib-compressed session cookie (Flask's .eJ…) and inside gzip in base64, and masks the whole token", () => {
    expect(findSecret(`set-cookie: session=${session}; HttpOnly`, [secret])).toBe("compressed, in base64");
    const gzipped = gzipSync(Buffer.from(`key=${secret}`)).toString("base64");
    expect(findSecret(`x-state: ${gzipped}`, [secret])).toBe("compressed, in base64");
    expect(redact(`session=${session}; HttpOnly`, [secret])).toBe(`session=.${MASK}; HttpOnly`);
  });

  it("leaves compressed data without a secret, and text that only looks like a token, alone", () => {
    const other = deflateSync(Buffer.from(JSON.stringify({ cart: [1, 2, 3] }))).toString("base64url");
    expect(findSecret(`session=${other}`, [secret])).toBeUndefined();
    expect(redact(`session=${other}`, [secret])).toBe(`session=${other}`);
    expect(redact("eJustTextThatIsNoZlibData and more", [secret])).toBe("eJustTextThatIsNoZlibData and more");
  });
});
