/**
 * ownership_enforcement (OWASP API1, broken object-level authorisation): a fixture cannot be
 * deleted through a scope it does not belong to, another parent id in the path or an account
 * the target never issued. The crossed request gets the not-found answer or a documented 4xx,
 * and the fixture survives it.
 */
import { expectSurvival } from "./fixture-survival.ts";
import { scenarioFor, when } from "./preconditions.ts";
import { expectRefusal } from "./rejection.ts";
import type { Check } from "./types.ts";

export const ownershipEnforcement: Check = {
  id: "ownership_enforcement",
  run: when(scenarioFor("ownership_enforcement"), (input) => {
    const crossed = input.scenario.steps[0].label;
    if (input.step.expect === "survives") return expectSurvival(input, `a delete of ${crossed}`);
    return expectRefusal(input, `a delete of ${input.step.label}`);
  }),
};
