/**
 * ownership_enforcement (OWASP API1, broken object-level authorisation): a fixture cannot be
 * deleted through a scope it does not belong to, another parent id in the path or an account
 * the target never issued. The crossed request gets the not-found answer or a documented 4xx,
 * and the fixture survives it. The refusal names no id of the other scope that the request did not
 * (a not-found answer that says whose account it is tells a caller what it may not know: OWASP API3).
 */
import { expectSurvival } from "./fixture-survival.ts";
import { scenarioFor, when } from "./preconditions.ts";
import { expectRefusal } from "./rejection.ts";
import type { Check, Finding } from "./types.ts";

/** Shorter ids could turn up in an answer by chance. */
const MIN_DISCLOSED_LENGTH = 6;

export const ownershipEnforcement: Check = {
  id: "ownership_enforcement",
  run: when(scenarioFor("ownership_enforcement"), (input) => {
    const crossed = input.scenario.steps[0].label;
    if (input.step.expect === "survives") return expectSurvival(input, `a delete of ${crossed}`);
    const answer = `${Object.values(input.response.headers).join("\n")}\n${input.response.text}`;
    const disclosed = (input.unnamedIds ?? []).filter((id) => id.length >= MIN_DISCLOSED_LENGTH && (answer.includes(id) || answer.includes(encodeURIComponent(id))));
    const disclosures: Finding[] = disclosed.map((id) => ({
      expected: "no id of another scope in the answer",
      actual: `the answer names ${JSON.stringify(id)}`,
      message: `the answer to a delete of ${input.step.label} names ${JSON.stringify(id)}, an id of the other scope that the request did not name`,
    }));
    return [...expectRefusal(input, `a delete of ${input.step.label}`), ...disclosures];
  }),
};
