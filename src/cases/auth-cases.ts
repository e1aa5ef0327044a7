/**
 * auth_enforcement: credentials left out, wrong credentials, and (where the doc requires more
 * than one scheme together) each credential left out on its own.
 */
import type { OperationSpec } from "../spec/model.ts";
import { plan, type Scenario } from "./model.ts";

export function authScenarios(op: OperationSpec): Scenario[] {
  if (op.security.length === 0) return [];
  const base = { provider: op.provider, operationId: op.operationId, check: "auth_enforcement" as const, negative: true, basis: "documented" as const, fixture: false };
  const scenarios: Scenario[] = [
    {
      ...base,
      id: "credentials missing",
      description: "no credentials are sent",
      steps: [{ label: "missing", plan: plan({ auth: { kind: "missing" } }), useFixture: false, expect: "rejected" }],
    },
    {
      ...base,
      id: "credentials wrong",
      description: "credentials of the right shape that the target never issued",
      steps: [{ label: "wrong", plan: plan({ auth: { kind: "wrong" } }), useFixture: false, expect: "rejected" }],
    },
  ];
  if (op.security.length > 1) {
    for (const scheme of op.security) {
      scenarios.push({
        ...base,
        id: `credential ${scheme.name} missing`,
        description: `only the ${scheme.name} credential (${scheme.headerName ?? scheme.scheme}) is left out`,
        steps: [{ label: "missing-one", plan: plan({ auth: { kind: "missing-one", scheme: scheme.name } }), useFixture: false, expect: "rejected" }],
      });
    }
  }
  return scenarios;
}
