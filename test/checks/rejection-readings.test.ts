/**
 * What the not-found answer to a deliberately invalid request means, check by check: a path value
 * that breaks the id's own pattern names no customer, so the not-found answer to it is a warning
 * (that a malformed id gets another answer is assumed); accepting it or a 5xx still fails. And a
 * fixture whose documented delete afterwards gets a server error: whether it survived cannot be
 * told, a warning, never blamed on the request before.
 */
import { describe, expect, it } from "vitest";
import { pathPatternEnforcement } from "../../src/checks/enforcement.ts";
import { unsupportedMethod } from "../../src/checks/unsupported-method.ts";
import type { Finding } from "../../src/checks/types.ts";
import { NOT_FOUND, SUCCESS, documentedAnswer } from "./answers.ts";
import { exchange, scenarioOf } from "./exchange.ts";

const verdict = (findings: Finding[] | undefined): string =>
  findings === undefined ? "n/a" : findings.length === 0 ? "pass" : findings.some((f) => (f.severity ?? (f.basis === "assumed" ? "warning" : "failure")) === "failure") ? "fail" : "warn";

describe("path_pattern_enforcement: a malformed id", () => {
  const scenario = () => scenarioOf("enkash", { id: "path customerId lowercase" });

  it.each([
    ["the documented 400", () => documentedAnswer("enkash", 400), "pass"],
    ["the not-found answer: true of an id that names no customer, a warning", NOT_FOUND.enkash, "warn"],
    ["the documented success: the malformed id accepted", SUCCESS.enkash, "fail"],
    ["a 500", () => ({ status: 500, body: {} }), "fail"],
  ] as const)("%s", (_name, answer, want) => {
    const findings = pathPatternEnforcement.run(exchange("enkash", scenario(), 0, answer()));
    expect(verdict(findings)).toBe(want);
    if (want === "warn") expect(findings![0].message).toMatch(/names no customer, and the doc does not say that a malformed id gets another answer than an unknown one/);
  });
});

describe("survival after a server error", () => {
  it("the documented delete afterwards got a 5xx: cannot be told, a warning", () => {
    const scenario = scenarioOf("cashfree", { id: "method GET" });
    const at = scenario.steps.findIndex((s) => s.expect === "survives");
    const findings = unsupportedMethod.run(exchange("cashfree", scenario, at, documentedAnswer("cashfree", 500)));
    expect(verdict(findings)).toBe("warn");
    expect(findings![0].message).toMatch(/got 500, a server error, so whether the fixture survived cannot be told/);
    expect(verdict(unsupportedMethod.run(exchange("cashfree", scenario, at, NOT_FOUND.cashfree())))).toBe("fail");
  });
});
