/**
 * exact_id_match: a delete naming a near miss of a fixture's id (another id) is refused, with the
 * not-found answer or a documented 4xx, and the fixture is afterwards still deletable by its exact
 * ids. A success, or a fixture gone afterwards, shows a loose lookup deleting what was not named.
 */
import { expectSurvival } from "./fixture-survival.ts";
import { offPath, scenarioFor, when } from "./preconditions.ts";
import { expectClientError, expectRefusal } from "./rejection.ts";
import type { Check } from "./types.ts";

export const exactIdMatch: Check = {
  id: "exact_id_match",
  run: when(scenarioFor("exact_id_match"), (input) => {
    if (input.step.expect === "survives") return expectSurvival(input, input.scenario.steps.some((s) => s.plan.jsonBodyFrom !== undefined) ? "a delete of another fixture with a body naming it" : "deletes naming near misses of its ids");
    // A request the doc does not describe: carried out or refused, the fixture it must not touch tells.
    if (input.step.expect === "carried") return [];
    const what = `a delete naming a near miss of the fixture's id (${input.step.label})`;
    // A path below the operation's is not the operation: any 4xx refuses it, as for another method.
    if (offPath(input.step.plan)) return expectClientError(input, what, "a 4xx (the path is not the operation's)");
    return expectRefusal(input, what);
  }),
};
