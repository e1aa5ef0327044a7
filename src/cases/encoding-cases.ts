/**
 * Malformed percent-encoding in each path parameter: a lone "%", an escape that is not hex, an
 * overlong UTF-8 "/" and a byte that is not UTF-8. A decoder that throws must not turn into a
 * 5xx (not_a_server_error): the request is refused with a 4xx. And each path parameter holding
 * the characters that JSON, HTML and SQL give a meaning to (`"`, `'`, `<`, `>`, `\`), well
 * encoded: an error body that echoes the id through a string template instead of a serializer
 * stops parsing as JSON (response_schema_conformance) or gains members, and a query built by
 * string concatenation fails with a 5xx. And each path parameter as an id of multibyte UTF-8
 * characters: an answer echoing it cut at a byte count holds invalid UTF-8
 * (content_type_conformance).
 */
import { PROFILES } from "../profiles/index.ts";
import type { OperationSpec } from "../spec/model.ts";
import { plan, type Scenario } from "./model.ts";

export const MALFORMED_ESCAPES: ReadonlyArray<[label: string, raw: string]> = [
  ["lone-percent", "%"],
  ["non-hex-escape", "%zz"],
  ["overlong-utf8-slash", "%C0%AF"],
  ["invalid-utf8", "%FF"],
];

/** An id that never existed of two-, three- and four-byte UTF-8 characters: cut at any byte count past its start, it most likely splits one. */
export const MULTIBYTE_ID = `pc-${"é€😀".repeat(12)}`;

/** Forty letters and then `!`: what makes a backtracking id pattern take exponential time to fail. */
export const BACKTRACKING_ID = `${"a".repeat(40)}!`;

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
  // Not a parameter a header repeats (Juspay's x-routing-id): a header value outside Latin-1 cannot be sent.
  const echoed = new Set(Object.values(PROFILES[op.provider].headerValues).flatMap((source) => (source.kind === "pathParam" ? [source.name] : [])));
  const multibyte = params.filter((param) => !echoed.has(param.name)).map((param) => ({
    id: `path ${param.name} multibyte characters`,
    provider: op.provider,
    operationId: op.operationId,
    check: "content_type_conformance" as const,
    basis: "documented" as const,
    fixtures: 0,
    description: `${param.name} sent as an id of two-, three- and four-byte UTF-8 characters: an answer that echoes it cut at a byte count, not a character, is no longer UTF-8, which a JSON body must be (RFC 8259 §8.1)`,
    steps: [{ label: "multibyte characters", plan: plan({ pathParams: { [param.name]: MULTIBYTE_ID } }), expect: "refused" as const }],
  }));
  // A long run of characters a pattern takes, then one it does not: a backtracking pattern such as
  // /^([a-z0-9]+[_.-]?)+$/ takes exponential time to fail, so the answer times out.
  const backtracking = params.map((param) => ({
    id: `path ${param.name} a long valid run, then an invalid character`,
    provider: op.provider,
    operationId: op.operationId,
    check: "not_a_server_error" as const,
    basis: "documented" as const,
    fixtures: 0,
    description: `${param.name} sent as ${BACKTRACKING_ID}: refused in time, not after a pattern backtracks exponentially (which the request's timeout turns into an errored result)`,
    steps: [{ label: "a long valid run, then an invalid character", plan: plan({ pathParams: { [param.name]: BACKTRACKING_ID } }), expect: "refused" as const }],
  }));
  return [...metacharacters, ...multibyte, ...backtracking, ...malformed(op, params)];
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
