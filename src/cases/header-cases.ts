/**
 * required_header_enforcement: each documented required header (other than credentials) left
 * out, and sent with a value that breaks its documented constraints; then all of them against a
 * fixture (against-fixture.ts).
 */
import type { OperationSpec } from "../spec/model.ts";
import { againstFixture } from "./against-fixture.ts";
import { plan, type Scenario } from "./model.ts";
import type { Rng } from "./random.ts";
import { malformedHeaderValue } from "./values.ts";

export function headerScenarios(op: OperationSpec, rng: Rng): Scenario[] {
  const scenarios: Scenario[] = [];
  const base = { provider: op.provider, operationId: op.operationId, check: "required_header_enforcement" as const, basis: "documented" as const, fixtures: 0 };
  for (const param of op.parameters) {
    if (param.in !== "header" || !param.required) continue;
    const name = param.name.toLowerCase();
    scenarios.push({
      ...base,
      id: `header ${param.name} missing`,
      description: `the required header ${param.name} is left out`,
      steps: [{ label: "missing", plan: plan({ omitHeaders: [name] }), expect: "rejected" }],
    });
    const bad = malformedHeaderValue(param, rng);
    if (bad) {
      scenarios.push({
        ...base,
        id: `header ${param.name} ${bad.label}`,
        description: `the header ${param.name} breaks its documented constraints (${bad.label})`,
        steps: [{ label: bad.label, plan: plan({ headers: { [name]: bad.value } }), expect: "rejected" }],
      });
    }
  }
  const fixtureScenario = againstFixture(op, "required_header_enforcement", "the header rules", scenarios.map((s) => ({ label: s.id, plan: s.steps[0].plan })));
  return fixtureScenario ? [...scenarios, fixtureScenario] : scenarios;
}
