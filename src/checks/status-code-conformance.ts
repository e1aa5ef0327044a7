/** status_code_conformance: every response status is documented for the operation. */
import { documented, documentedStatuses } from "./preconditions.ts";
import type { Check } from "./types.ts";

export const statusCodeConformance: Check = {
  id: "status_code_conformance",
  run: (input) => {
    const status = input.response.status;
    if (documented(input)) return [];
    const expected = `one of ${documentedStatuses(input)}`;
    if (input.scenario.negative && status >= 400 && status < 500) {
      return [{ expected, actual: `${status}`, message: `a deliberately invalid request got ${status}, a 4xx the doc does not list`, severity: "warning" }];
    }
    return [{ expected, actual: `${status}`, message: `status ${status} is not documented for ${input.operation.op.operationId}` }];
  },
};
