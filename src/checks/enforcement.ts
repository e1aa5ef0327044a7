/**
 * The enforcement checks: a request that breaks a documented rule is rejected. Each applies
 * only to the scenarios generated for it.
 */
import { responseFor } from "../spec/model.ts";
import { expectRejection } from "./rejection.ts";
import { scenarioFor, when } from "./preconditions.ts";
import type { Check } from "./types.ts";

export const pathPatternEnforcement: Check = {
  id: "path_pattern_enforcement",
  run: when(scenarioFor("path_pattern_enforcement"), (input) => expectRejection(input, `a path value that breaks its pattern (${input.step.label})`)),
};

export const queryPatternEnforcement: Check = {
  id: "query_pattern_enforcement",
  run: when(scenarioFor("query_pattern_enforcement"), (input) => expectRejection(input, `a query value that breaks its pattern (${input.step.label})`)),
};

export const requiredHeaderEnforcement: Check = {
  id: "required_header_enforcement",
  run: when(scenarioFor("required_header_enforcement"), (input) => expectRejection(input, `a request with ${input.scenario.id}`)),
};

export const requiredBodyEnforcement: Check = {
  id: "required_body_enforcement",
  run: when(scenarioFor("required_body_enforcement"), (input) => expectRejection(input, `a request with ${input.scenario.id}`)),
};

/** Missing or wrong credentials get 401, or any documented 4xx where the doc documents no 401. */
export const authEnforcement: Check = {
  id: "auth_enforcement",
  run: when(scenarioFor("auth_enforcement"), (input) => {
    const has401 = responseFor(input.operation.op, 401) !== undefined;
    return expectRejection(input, `a request with ${input.scenario.id}`, input.scenario.basis, has401 ? 401 : undefined);
  }),
};
