/**
 * exact_id_match: a delete naming a near miss of a fixture's id (another id) is refused, with the
 * not-found answer or a documented 4xx, and the fixture is afterwards still deletable by its exact
 * ids. A success, or a fixture gone afterwards, shows a loose lookup deleting what was not named.
 */
import { expectSurvival } from "./fixture-survival.ts";
import { scenarioFor, when } from "./preconditions.ts";
import { expectRefusal } from "./rejection.ts";
import type { Check } from "./types.ts";

export const exactIdMatch: Check = {
  id: "exact_id_match",
  run: when(scenarioFor("exact_id_match"), (input) => {
    if (input.step.expect === "survives") return expectSurvival(input, "deletes naming near misses of its ids");
    return expectRefusal(input, `a delete naming a near miss of the fixture's id (${input.step.label})`);
  }),
};
