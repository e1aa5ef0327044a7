/**
 * The requests of the nineteenth independent round's fault classes: credentials spelled for
 * another environment or without their first character, the texts `undefined` and `null`, keys
 * every plain JavaScript object has, one credential left out with a browser's Origin, the path
 * without the server's base path, look-alike and `%uXXXX` spellings of an id; and a host claimed
 * in X-Forwarded-Host, which no answer may name.
 */
import { describe, expect, it } from "vitest";
import { CLAIMED_HOST } from "../../src/cases/claimed-host-cases.ts";
import { nearMissId, nearMissSegment } from "../../src/cases/id-near-miss.ts";
import { noInternalLeak } from "../../src/checks/no-internal-leak.ts";
import { nearMiss } from "../../src/runner/credentials.ts";
import { exchange, scenarioOf } from "../checks/exchange.ts";
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
