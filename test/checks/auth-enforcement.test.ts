/**
 * auth_enforcement on the status of a refusal: 401 where the doc documents it; a 403 where the doc
 * lists 403 beside 401 without saying which applies (EnKash) is judged on an assumption, and so is
 * a 400 to an empty bearer token (RFC 6750 §3.1); a 403 where the doc lists none (Juspay) fails; a
 * success fails. A repeated credential header may get any documented 4xx; another path on a
 * fixture a 4xx or a redirect; a request to the root is left to the fixture's survival.
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
  it("passes the documented 401 with a challenge for the documented scheme", () => {
    expect(judged("enkash", { ...documentedAnswer("enkash", 401), headers: { "www-authenticate": 'Bearer realm="x"' } })).toEqual([]);
    expect(judged("juspay", { ...documentedAnswer("juspay", 401), headers: { "www-authenticate": 'Basic realm="x"' } })).toEqual([]);
  });

  it("warns once of a 401 without WWW-Authenticate where the scheme is HTTP's (on the request without credentials), and not where the credentials are API keys", () => {
    const missing = (provider: HttpProvider) => authEnforcement.run(exchange(provider, scenarioOf(provider, { id: "credentials missing" }), 0, documentedAnswer(provider, 401)));
    for (const provider of ["enkash", "juspay"] as const) {
      expect(missing(provider)).toMatchObject([{ basis: "assumed", actual: "no WWW-Authenticate", message: expect.stringMatching(/RFC 9110 §15\.5\.2/) }]);
      expect(judged(provider, documentedAnswer(provider, 401))).toEqual([]);
    }
    expect(missing("cashfree")).toEqual([]);
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

describe("auth_enforcement: requests the doc does not describe", () => {
  const fixture = scenarioOf("enkash", { id: "credentials against a fixture" });
  const step = (label: string) => fixture.steps.find((s) => s.label === label)!;

  it("takes any documented 4xx for a repeated or listed credential header (a malformed request), but not the not-found answer or a success", () => {
    const repeated = scenarioOf("enkash", { id: "credential bearerAuth repeated, a wrong line first" });
    expect(authEnforcement.run(exchange("enkash", repeated, 0, documentedAnswer("enkash", 400)))).toEqual([]);
    expect(authEnforcement.run(exchange("enkash", repeated, 0, documentedAnswer("enkash", 404)))).toMatchObject([{ actual: "404" }]);
    expect(authEnforcement.run(exchange("enkash", repeated, 0, SUCCESS.enkash()))).toMatchObject([{ actual: "200" }]);
  });

  it("takes a 4xx or a redirect to the clean path for another path on a fixture, but fails a success", () => {
    const doubled = step("credentials missing, the path's first slash doubled");
    expect(authEnforcement.run(exchange("enkash", fixture, doubled, { status: 301 }))).toEqual([]);
    expect(authEnforcement.run(exchange("enkash", fixture, doubled, documentedAnswer("enkash", 404)))).toEqual([]);
    expect(authEnforcement.run(exchange("enkash", fixture, doubled, SUCCESS.enkash()))).toMatchObject([{ actual: "200" }]);
  });

  it("leaves a request sent to the root, the path only in X-Original-URL, to the fixture's survival", () => {
    expect(authEnforcement.run(exchange("enkash", fixture, step("credentials missing, the path in X-Original-URL"), { status: 200, body: "ok" }))).toEqual([]);
  });
});
