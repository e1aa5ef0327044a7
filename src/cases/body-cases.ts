/**
 * required_body_enforcement: the documented request body left out, each required field left
 * out, and each field pinned by const/enum given another value.
 */
import type { OperationSpec } from "../spec/model.ts";
import { encodeBody } from "./body.ts";
import { plan, type Scenario } from "./model.ts";

export function bodyScenarios(op: OperationSpec): Scenario[] {
  const body = op.requestBody;
  if (!body) return [];
  const valid = (body.example ?? {}) as Record<string, unknown>;
  const base = { provider: op.provider, operationId: op.operationId, check: "required_body_enforcement" as const, basis: "documented" as const, fixtures: 0 };
  const scenario = (id: string, description: string, sent: string | null): Scenario => ({
    ...base,
    id,
    description,
    steps: [{ label: id.replace(/^body /, ""), plan: plan({ body: sent }), expect: "rejected" }],
  });
  const scenarios: Scenario[] = [];
  if (body.required) scenarios.push(scenario("body missing", "the required request body is left out", null));
  const properties = (body.schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const required = Array.isArray(body.schema.required) ? (body.schema.required as string[]) : [];
  for (const field of required) {
    const { [field]: _left, ...rest } = valid;
    scenarios.push(scenario(`body ${field} missing`, `the required field ${field} is left out`, encodeBody(body.contentType, rest)));
  }
  for (const [field, schema] of Object.entries(properties)) {
    const pinned = "const" in schema ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : undefined;
    if (!pinned) continue;
    const other = `${String(pinned[0])}_not`;
    scenarios.push(
      scenario(`body ${field} not ${pinned.map(String).join("|")}`, `${field} is "${other}" where the doc allows only ${pinned.map(String).join(", ")}`, encodeBody(body.contentType, { ...valid, [field]: other })),
    );
  }
  return scenarios;
}
