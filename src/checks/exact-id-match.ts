/**
 * exact_id_match: a delete naming a near miss of a fixture's id (another id) is refused, with the
 * not-found answer or a documented 4xx, and the fixture is afterwards still deletable by its exact
 * ids. A fixture gone afterwards shows a loose lookup deleting what was not named. A near miss
 * carried out while the fixture stays is a warning: that no other customer holds the near miss
 * (`CUST_x` beside `cust_x`) is assumed, as the doc does not rule such ids out; the survival tells,
 * and its failure names the near misses that were carried out.
 */
import type { RequestPlan } from "../cases/model.ts";
import { expectSurvival } from "./fixture-survival.ts";
import { offPath, scenarioFor, when } from "./preconditions.ts";
import { expectClientError, expectRefusal } from "./rejection.ts";
import type { Check, CheckInput, Finding } from "./types.ts";

export const exactIdMatch: Check = {
  id: "exact_id_match",
  run: when(scenarioFor("exact_id_match"), (input) => {
    if (input.step.expect === "survives") return survival(input);
    // A request the doc does not describe: carried out or refused, the fixture it must not touch tells.
    if (input.step.expect === "carried") return [];
    const what = `a delete naming a near miss of the fixture's id (${input.step.label})`;
    // A path below the operation's is not the operation: any 4xx refuses it, as for another method.
    if (offPath(input.step.plan)) return expectClientError(input, what, "a 4xx (the path is not the operation's)");
    const status = input.response.status;
    if (fromFixtureIds(input.step.plan) && status >= 200 && status < 300) {
      return [{ expected: "the not-found answer or a documented 4xx", actual: `${status}`, message: `${what} was carried out with ${status}: unless another customer holds that id, which is assumed not to be so, a loose lookup found the fixture (the delete of its exact ids afterwards tells)`, severity: "warning", basis: "assumed" }];
    }
    return expectRefusal(input, what);
  }),
};

/** Ids made from the fixture's own (a near miss, regrouped, another parameter's value): another customer may hold one. */
function fromFixtureIds(plan: RequestPlan): boolean {
  return plan.nearMissIds !== undefined || plan.regroup !== undefined || plan.idFrom !== undefined;
}

function survival(input: CheckInput): Finding[] {
  const what = input.scenario.steps.some((s) => s.plan.jsonBodyFrom !== undefined) ? "a delete of another fixture with a body naming it" : "deletes naming near misses of its ids";
  const findings = expectSurvival(input, what);
  const carried = input.scenario.steps.flatMap((step, index) => {
    const status = input.before?.[index]?.[0]?.status;
    return step.expect === "refused" && status !== undefined && status >= 200 && status < 300 ? [`${step.label} (${status})`] : [];
  });
  if (carried.length === 0) return findings;
  return findings.map((f) => (f.severity === "warning" ? f : { ...f, message: `${f.message}; carried out before it: ${carried.join(", ")}` }));
}
