/**
 * unsupported_method: the operation's path with each other common method (GET, PUT, PATCH, and
 * POST or DELETE, whichever the doc does not use) never deletes a fixture: the request gets a
 * 4xx, and a documented delete afterwards still gets the documented success. The request is the
 * valid one (credentials, headers and body), only the method differs; GET goes without a body.
 */
import type { OperationSpec } from "../spec/model.ts";
import { plan, type Scenario } from "./model.ts";

export const TRIED_METHODS = ["GET", "PUT", "PATCH", "POST", "DELETE"] as const;

export function methodScenarios(op: OperationSpec): Scenario[] {
  const base = { provider: op.provider, operationId: op.operationId, check: "unsupported_method" as const, basis: "documented" as const, fixtures: 1 };
  return TRIED_METHODS.filter((m) => m !== op.method).map((method) => ({
    ...base,
    id: `method ${method}`,
    description: `${method} on the delete path leaves the fixture in place; the documented ${op.method} afterwards deletes it`,
    steps: [
      { label: method, plan: plan({ method, ...(method === "GET" ? { body: null } : {}) }), fixture: 0, expect: "not-deleted" },
      { label: `${op.method} afterwards`, plan: plan(), fixture: 0, expect: "success" },
    ],
  }));
}
