/**
 * exact_id_match: a delete naming a near miss of a fixture's id (another id) is refused, with the
 * not-found answer or a documented 4xx, and the fixture is afterwards still deletable by its exact
 * ids. A success, or a fixture gone afterwards, shows a loose lookup deleting what was not named.
 */
import { expectSurvival } from "./fixture-survival.ts";
import { offPath, scenarioFor, when } from "./preconditions.ts";
import { expectRefusal } from "./rejection.ts";
import type { Check, Finding } from "./types.ts";

/** A path the operation does not document: any 4xx refuses it, as for another method. */
function refusedOffPath(status: number, what: string): Finding[] {
  if (status >= 400 && status < 500) return [];
  const verb = status < 400 ? `was carried out with ${status}` : `was answered with a server error ${status}`;
  return [{ expected: "a 4xx (the path is not the operation's)", actual: `${status}`, message: `${what} ${verb}` }];
}

export const exactIdMatch: Check = {
  id: "exact_id_match",
  run: when(scenarioFor("exact_id_match"), (input) => {
    if (input.step.expect === "survives") return expectSurvival(input, "deletes naming near misses of its ids");
    const what = `a delete naming a near miss of the fixture's id (${input.step.label})`;
    if (offPath(input.step.plan)) return refusedOffPath(input.response.status, what);
    return expectRefusal(input, what);
  }),
};
