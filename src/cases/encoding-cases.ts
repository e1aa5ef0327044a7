/**
 * Malformed percent-encoding in each path parameter: a lone "%", an escape that is not hex, an
 * overlong UTF-8 "/" and a byte that is not UTF-8. A decoder that throws must not turn into a
 * 5xx (not_a_server_error): the request is refused with a 4xx.
 */
import type { OperationSpec } from "../spec/model.ts";
import { plan, type Scenario } from "./model.ts";

export const MALFORMED_ESCAPES: ReadonlyArray<[label: string, raw: string]> = [
  ["lone-percent", "%"],
  ["non-hex-escape", "%zz"],
  ["overlong-utf8-slash", "%C0%AF"],
  ["invalid-utf8", "%FF"],
];

export function encodingScenarios(op: OperationSpec): Scenario[] {
  return op.parameters
    .filter((p) => p.in === "path")
    .flatMap((param) =>
      MALFORMED_ESCAPES.map(([label, raw]) => ({
        id: `path ${param.name} ${label}`,
        provider: op.provider,
        operationId: op.operationId,
        check: "not_a_server_error" as const,
        basis: "documented" as const,
        fixtures: 0,
        description: `${param.name} sent as ${raw}, which does not percent-decode to UTF-8 text`,
        steps: [{ label, plan: plan({ rawPathParams: { [param.name]: `ab${raw}` } }), expect: "refused" as const }],
      })),
    );
}
