import { describe, expect, it } from "vitest";
import { deriveScenarios } from "../../src/cases/derive.ts";
import type { CheckInput } from "../../src/checks/types.ts";
import { expectRejection, isNotFoundAnswer } from "../../src/checks/rejection.ts";
import type { HttpProvider } from "../../src/providers.ts";
import { operationContext } from "../../src/runner/run.ts";

/** An exchange of the provider's first scenario for `check`, answered with `status` and `body`. */
function exchange(provider: HttpProvider, check: string, status: number, body?: unknown): CheckInput {
  const operation = operationContext(provider);
  const scenario = deriveScenarios(operation.op, 1).find((s) => s.check === check)!;
  const text = body === undefined ? "" : JSON.stringify(body);
  return {
    operation,
    scenario,
    step: scenario.steps[0],
    request: { method: operation.op.method, url: "http://127.0.0.1/x", headers: {} },
    response: { status, headers: {}, text, mediaType: body === undefined ? undefined : "application/json" },
    json: body === undefined ? { ok: false, error: "empty" } : { ok: true, value: body },
    pathParams: {},
    secrets: [],
    earlier: [],
  };
}

describe("an enforcement case answered with the documented not-found answer is not rejected", () => {
  it.each([
    ["yuno 400 CUSTOMER_NOT_FOUND to a missing header", exchange("yuno", "required_header_enforcement", 400, { code: "CUSTOMER_NOT_FOUND", messages: ["Customer not found."] }), true],
    ["yuno 400 INVALID_REQUEST to a missing header", exchange("yuno", "required_header_enforcement", 400, { code: "INVALID_REQUEST", messages: ["Invalid request"] }), false],
    ["juspay 404 to a missing x-routing-id", exchange("juspay", "required_header_enforcement", 404, { status: "invalid_request_error" }), true],
    ["juspay 400 to a missing x-routing-id", exchange("juspay", "required_header_enforcement", 400, { status: "invalid_request_error" }), false],
    ["enkash 404 to a malformed customerId", exchange("enkash", "path_pattern_enforcement", 404, { response_code: 404 }), true],
    ["enkash 400 to a malformed customerId", exchange("enkash", "path_pattern_enforcement", 400, { response_code: 400 }), false],
  ])("%s", (_name, input, notFound) => {
    expect(isNotFoundAnswer(input)).toBe(notFound);
    const findings = expectRejection(input, "the request");
    if (notFound) {
      expect(findings).toHaveLength(1);
      expect(findings[0].severity ?? "failure").toBe("failure");
      expect(findings[0].message).toMatch(/not-found answer/);
    } else {
      expect(findings.filter((f) => (f.severity ?? "failure") === "failure")).toEqual([]);
    }
  });
});
