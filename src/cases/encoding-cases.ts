/**
 * Malformed percent-encoding in each path parameter: a lone "%", an escape that is not hex, an
 * overlong UTF-8 "/" and a byte that is not UTF-8. A decoder that throws must not turn into a
 * 5xx (not_a_server_error): the request is refused with a 4xx. And each path parameter holding
 * the characters that JSON, HTML and SQL give a meaning to (`"`, `'`, `<`, `>`, `\`), well
 * encoded: an error body that echoes the id through a string template instead of a serializer
 * stops parsing as JSON (response_schema_conformance) or gains members, and a query built by
 * string concatenation fails with a 5xx.
 */
import type { OperationSpec } from "../spec/model.ts";
import { plan, type Scenario } from "./model.ts";

export const MALFORMED_ESCAPES: ReadonlyArray<[label: string, raw: string]> = [
  ["lone-percent", "%"],
  ["non-hex-escape", "%zz"],
  ["overlong-utf8-slash", "%C0%AF"],
  ["invalid-utf8", "%FF"],
];

/** An id that never existed, made of characters with a meaning in JSON, HTML and SQL. */
export const METACHARACTER_ID = `pc"x'<y>\\z`;

export function encodingScenarios(op: OperationSpec): Scenario[] {
  const params = op.parameters.filter((p) => p.in === "path");
  const metacharacters = params.map((param) => ({
    id: `path ${param.name} metacharacters`,
    provider: op.provider,
    operationId: op.operationId,
    check: "not_a_server_error" as const,
    basis: "documented" as const,
    fixtures: 0,
    description: `${param.name} sent as ${METACHARACTER_ID} (percent-encoded): the answer is a refusal whose body still parses as the documented JSON`,
    steps: [{ label: "metacharacters", plan: plan({ pathParams: { [param.name]: METACHARACTER_ID } }), expect: "refused" as const }],
  }));
  return [...metacharacters, ...malformed(op, params)];
}

function malformed(op: OperationSpec, params: OperationSpec["parameters"]): Scenario[] {
  return params
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
