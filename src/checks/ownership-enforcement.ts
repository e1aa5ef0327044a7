/**
 * ownership_enforcement (OWASP API1, broken object-level authorisation): a fixture cannot be
 * deleted through a scope it does not belong to, another parent id in the path or an account
 * the target never issued. The crossed request gets the not-found answer or a documented 4xx,
 * and the fixture survives it. The refusal names no id of the other scope that the request did not
 * (a not-found answer that says whose account it is tells a caller what it may not know: OWASP API3).
 * A 401 refuses the valid credentials that delete fixtures in the same run: it tells a caller that
 * the id exists under another scope (an unknown one gets the not-found answer), and a client that
 * drops its credentials on a 401 is sent astray, so it fails.
 */
import { existenceOracle, type OracleSubject } from "./existence-oracle.ts";
import { expectSurvival } from "./fixture-survival.ts";
import { scenarioFor, when } from "./preconditions.ts";
import { expectRefusal } from "./rejection.ts";
import type { Step } from "../cases/model.ts";
import type { Check, Finding } from "./types.ts";

/**
 * The request crosses ids in the path, its headers its own: a scope named in a header (Yuno's
 * account code) may be part of what the keys are checked against, so a 401 there is the target's choice.
 */
function crossesPath(step: Step): boolean {
  return Object.keys(step.plan.headers).length === 0 && step.plan.headerSpellings === undefined && step.headersFrom === undefined && typeof step.fixture === "object";
}

/** A request in another scope for the fixture, beside the same for ids that never existed. */
const OTHER_SCOPE: OracleSubject = { what: "in another scope, the answer for an existing fixture", tells: "a caller of another account learns which ids exist", compareStatus: true };

/** Shorter ids could turn up in an answer by chance. */
const MIN_DISCLOSED_LENGTH = 6;

export const ownershipEnforcement: Check = {
  id: "ownership_enforcement",
  run: when(scenarioFor("ownership_enforcement"), (input) => {
    const crossed = (input.scenario.steps.find((s) => s.fixture !== undefined && s.plan.shapedLike === undefined) ?? input.scenario.steps[0]).label;
    if (input.step.expect === "survives") return expectSurvival(input, `a delete of ${crossed}`);
    const answer = `${Object.values(input.response.headers).join("\n")}\n${input.response.text}`;
    const disclosed = (input.unnamedIds ?? []).filter((id) => id.length >= MIN_DISCLOSED_LENGTH && (answer.includes(id) || answer.includes(encodeURIComponent(id))));
    const disclosures: Finding[] = disclosed.map((id) => ({
      expected: "no id of another scope in the answer",
      actual: `the answer names ${JSON.stringify(id)}`,
      message: `the answer to a delete of ${input.step.label} names ${JSON.stringify(id)}, an id of the other scope that the request did not name`,
    }));
    const credentialsRefused: Finding[] =
      input.response.status === 401 && input.step.plan.auth === "valid" && crossesPath(input.step)
        ? [{ expected: "the not-found answer or another documented 4xx", actual: "401", message: `a delete of ${input.step.label} got 401, which says the credentials are missing or wrong, yet the same credentials delete fixtures in this run: the target answers another scope's id as if it were a credentials problem` }]
        : [];
    const oracle = input.step.around ? existenceOracle(input, OTHER_SCOPE) : [];
    return [...(credentialsRefused.length > 0 ? credentialsRefused : expectRefusal(input, `a delete of ${input.step.label}`)), ...disclosures, ...oracle];
  }),
};
