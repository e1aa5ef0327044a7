/**
 * auth_enforcement on the status of a refusal: 401 where the doc documents it; a 403 where the doc
 * lists 403 beside 401 without saying which applies (EnKash) is judged on an assumption, and so is
 * a 400 to an empty bearer token (RFC 6750 §3.1); a 403 where the doc lists none (Juspay) fails; a
 * success fails.
 */
import { describe, expect, it } from "vitest";
import { authEnforcement } from "../../src/checks/enforcement.ts";
import { exchange, scenarioOf } from "./exchange.ts";
import type { HttpProvider } from "../../src/providers.ts";
import { documentedAnswer, SUCCESS } from "./answers.ts";
import type { Answer } from "./exchange.ts";

function judged(provider: HttpProvider, answer: Answer) {
  return authEnforcement.run(exchange(provider, scenarioOf(provider, { id: "credentials wrong" }), 0, answer));
}

describe("auth_enforcement: the status of a refusal", () => {
  it("passes the documented 401", () => {
    expect(judged("enkash", documentedAnswer("enkash", 401))).toEqual([]);
    expect(judged("juspay", documentedAnswer("juspay", 401))).toEqual([]);
  });

  it("judges EnKash's documented 403 on an assumption, citing HTTP", () => {
    expect(judged("enkash", documentedAnswer("enkash", 403))).toMatchObject([
      { basis: "assumed", expected: "401", actual: "403", message: expect.stringMatching(/the doc documents both 401 and 403 without saying when each applies.*RFC 9110/) },
    ]);
  });

  it("fails a 403 where the doc documents none, and a success", () => {
    expect(judged("juspay", { status: 403, body: {} })).toMatchObject([{ actual: "403" }]);
    expect(judged("juspay", { status: 403, body: {} })![0].basis).not.toBe("assumed");
    expect(judged("enkash", SUCCESS.enkash())).toMatchObject([{ actual: "200" }]);
  });

  it("judges a 400 to an empty bearer token on an assumption (RFC 6750 §3.1), but not a 400 to a wrong one", () => {
    const empty = exchange("enkash", scenarioOf("enkash", { id: "credential bearerAuth empty" }), 0, documentedAnswer("enkash", 400));
    expect(authEnforcement.run(empty)).toMatchObject([{ basis: "assumed", message: expect.stringMatching(/RFC 6750 §3.1/) }]);
    expect(judged("enkash", documentedAnswer("enkash", 400))).toMatchObject([{ actual: "400" }]);
    expect(judged("enkash", documentedAnswer("enkash", 400))![0].basis).not.toBe("assumed");
  });
});
