/**
 * positive_data_acceptance: a valid request whose values fit every documented constraint is
 * never rejected as invalid. Its id never existed, so the answer is the documented not-found
 * answer (a fixture it deleted, named again, is a repeat delete, judged as delete_semantics judges one): a 400/422 means over-strict validation, a 2xx that an unknown id was "deleted", a 5xx a
 * crash. Another 4xx (a 403 for a parent the credentials do not reach, say), and a 422 to a valid
 * query value (which may name something the caller cannot use), is a warning: the documents do
 * not say when those apply. A fixture deleted by its ids spelled another way gets the
 * documented success, and a success body that names the ids names them decoded; anything else
 * below a 5xx is a warning, as that scenario is assumed.
 */
import { successStatuses } from "../spec/model.ts";
import { notFound } from "./delete-semantics.ts";
import { echoedIds } from "./echoed-ids.ts";
import { scenarioFor, when } from "./preconditions.ts";
import { isNotFoundAnswer, notFoundLabel } from "./rejection.ts";
import type { Check, CheckInput, Finding } from "./types.ts";

export const positiveDataAcceptance: Check = {
  id: "positive_data_acceptance",
  run: when(scenarioFor("positive_data_acceptance"), (input) => {
    if (input.step.expect === "success") return fixtureAccepted(input);
    // A fixture deleted earlier, named again: a repeat delete, judged as delete_semantics judges one.
    if (input.step.fixture !== undefined) return notFound(input);
    if (isNotFoundAnswer(input)) return [];
    const status = input.response.status;
    const what = `a valid request (${input.scenario.id.replace(/^valid /, "")})`;
    const expected = `the not-found answer (${notFoundLabel(input)})`;
    if (status >= 400 && status < 500 && status !== 400 && status !== 422) {
      return [{ expected, actual: `${status}`, message: `${what} got ${status}, not the not-found answer; the doc does not say when ${status} applies`, basis: "assumed" }];
    }
    if (status === 422 && Object.keys(input.step.plan.query).length > 0) {
      // A query value of the right form may still name what the caller cannot use (a parent
      // company of another merchant): 422 Unprocessable for it is not a rejection of its form.
      return [{ expected, actual: "422", message: `${what} got 422, not the not-found answer; a query value of the documented form may name something the caller cannot use, which 422 may answer`, basis: "assumed" }];
    }
    const message =
      status < 300
        ? `${what} for an id that never existed was answered ${status}, as if it had been deleted`
        : status < 400
          ? `${what} was answered ${status}, not the not-found answer`
          : status < 500
            ? `${what} was rejected with ${status}, although every value fits the ${input.scenario.basis === "assumed" ? "documented and assumed" : "documented"} constraints`
            : `${what} was answered with a server error ${status}`;
    return [{ expected, actual: `${status}`, message, basis: input.scenario.basis }];
  }),
};

function fixtureAccepted(input: CheckInput): Finding[] {
  const status = input.response.status;
  const successes = successStatuses(input.operation.op);
  // Any 2xx took the ids (whether it is the documented one is status_code_conformance's to say),
  // and a body that names them names them decoded, not as the path spelled them.
  if (status >= 200 && status < 300) return echoedIds(input);
  const respelled = input.step.plan.encodedIds !== undefined;
  const what = `a delete of a fixture ${respelled ? "by its ids spelled another way" : "sent another way the documents allow"} (${input.step.label})`;
  const answer = isNotFoundAnswer(input) && respelled ? "the not-found answer: the target does not decode the path before it looks the id up" : `${status}`;
  return [{ expected: successes.join(" or "), actual: `${status}`, message: `${what} got ${answer}`, basis: status >= 500 ? "documented" : input.scenario.basis }];
}
