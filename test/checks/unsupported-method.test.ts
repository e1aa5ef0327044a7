import { describe, expect, it } from "vitest";
import { deriveScenarios } from "../../src/cases/derive.ts";
import { unsupportedMethod } from "../../src/checks/unsupported-method.ts";
import { evaluate } from "../../src/runner/evaluate.ts";
import { operationContext } from "../../src/runner/run.ts";
import type { HttpProvider } from "../../src/providers.ts";
import { NOT_FOUND, SUCCESS } from "./answers.ts";
import { exchange, scenarioOf, type Answer } from "./exchange.ts";

const judge = (provider: HttpProvider, id: string, step: number, answer: Answer): string => {
  const findings = unsupportedMethod.run(exchange(provider, scenarioOf(provider, { id }), step, answer))!;
  return findings.length === 0 ? "pass" : findings.every((f) => f.basis === "assumed") ? "assumed" : "fail";
};

describe("unsupported_method", () => {
  it.each<[HttpProvider, string[]]>([
    ["juspay", ["GET", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "PURGE", "GET overridden to POST", "PUT overridden to POST", "PATCH overridden to POST", "OPTIONS overridden to POST", "GET with the body's fields in the query"]],
    ["yuno", ["GET", "PUT", "PATCH", "POST", "HEAD", "OPTIONS", "TRACE", "PURGE", "POST overridden to DELETE", "GET overridden to DELETE", "PUT overridden to DELETE", "PATCH overridden to DELETE", "OPTIONS overridden to DELETE"]],
  ])("%s: tries every other common method, and the others overridden to the documented one", (provider, methods) => {
    const ids = deriveScenarios(operationContext(provider).op, 1).filter((s) => s.check === "unsupported_method").map((s) => s.id);
    expect(ids).toEqual(methods.map((m) => `method ${m}`));
  });

  it("sends the override in every header name frameworks honour", () => {
    const step = scenarioOf("enkash", { id: "method POST overridden to DELETE" }).steps[0];
    expect(step.plan).toMatchObject({ method: "POST", headers: { "x-http-method-override": "DELETE", "x-http-method": "DELETE", "x-method-override": "DELETE" } });
  });

  it.each<[string, HttpProvider, string, number, Answer, string]>([
    ["405", "cashfree", "method GET", 0, { status: 405, body: {}, headers: { allow: "DELETE" } }, "pass"],
    ["405 without Allow (RFC 9110 §15.5.6)", "cashfree", "method GET", 0, { status: 405, body: {} }, "assumed"],
    ["404", "cashfree", "method PUT", 0, NOT_FOUND.cashfree(), "pass"],
    ["200 to an undocumented GET", "cashfree", "method GET", 0, { status: 200, body: {} }, "assumed"],
    ["500", "enkash", "method POST", 0, { status: 500, body: {} }, "fail"],
    ["200 to Juspay's documented GET", "juspay", "method GET", 0, { status: 200, body: {} }, "pass"],
    ["500 to Juspay's documented GET", "juspay", "method GET", 0, { status: 500, body: {} }, "pass"],
    ["204 to OPTIONS, its usual answer", "yuno", "method OPTIONS", 0, { status: 204, body: undefined }, "pass"],
    ["200 to HEAD", "yuno", "method HEAD", 0, { status: 200, body: undefined }, "assumed"],
    ["501 to TRACE", "cashfree", "method TRACE", 0, { status: 501, body: {} }, "pass"],
    ["500 to TRACE", "cashfree", "method TRACE", 0, { status: 500, body: {} }, "fail"],
    ["fixture survives", "yuno", "method PATCH", 1, SUCCESS.yuno(), "pass"],
    ["fixture gone", "yuno", "method PATCH", 1, NOT_FOUND.yuno(), "fail"],
  ])("%s", (_name, provider, id, step, answer, want) => {
    expect(judge(provider, id, step, answer)).toBe(want);
  });

  it("leaves the operation's response checks out of another method's answer", () => {
    const input = exchange("yuno", scenarioOf("yuno", { id: "method GET" }), 0, { status: 405, body: "Method Not Allowed" });
    const fired = evaluate(input, { strict: false, curl: () => "" }).map((r) => r.check);
    expect(fired).toEqual(["unsupported_method", "not_a_server_error", "no_secret_echo", "no_internal_leak"]);
  });
});
