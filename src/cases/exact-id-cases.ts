/**
 * exact_id_match: a request that names another id than a fixture's, by a near miss of it (letters
 * in the other case, double percent-encoding, a trailing space, one character short, a fullwidth
 * character, a zero-width space, a `;x` path parameter, a `%`, `_` or `*` wildcard for its last
 * character, a `/x` segment after it, a NUL after it, a `.json` extension, `/x`, `?x` or `#x`
 * percent-encoded after it, a `.` for its last character, `'--` after it, in a comma list), or the slash before it percent-encoded (`customer%2F<id>`, one
 * segment: another path), never deletes the fixture: a loose lookup (case-insensitive
 * collation, a second decoding, trimming, a prefix or LIKE match, a wildcard or regular
 * expression taken from the id, a query built by concatenation, a segment read as a list,
 * Unicode normalisation, a router that strips path parameters, format extensions or what follows a
 * NUL, or matches a prefix) would. So
 * would ids that never existed in the path with the fixture's ids in query parameters of the
 * same names (a framework that lets the query stand in for the path), and a JSON body holding
 * another fixture's ids, where the operation documents no body (a handler that merges the body
 * over the path parameters: mass assignment, OWASP API3). Each path parameter is
 * missed in turn. Where a parent scopes the resource (Juspay), the two ids are also regrouped at a
 * separator, their joined text unchanged (`cst_a_bank` / `def` for `cst_a` / `bank_def`, which a
 * lookup keyed on the joined ids finds), the resource is named by the parent's own id (which
 * one store holding both kinds of record finds), and the parent is left empty (which a query that
 * treats an empty filter as none finds). The fixture must then still be deletable by its exact ids (RFC 3986 §6.2.2:
 * paths compare case-sensitively, percent-decoded once).
 */
import type { OperationSpec } from "../spec/model.ts";
import { NIL_UUID } from "./id-near-miss.ts";
import { ID_NEAR_MISSES, plan, type Scenario, type Step, UUID_ID_NEAR_MISSES } from "./model.ts";

/** Whether an id of this schema may be a UUID: its format says so, or nothing (a pattern, a format) rules one out. */
function mayBeUuid(schema: Record<string, unknown>): boolean {
  if (schema.format === "uuid") return true;
  if (schema.format !== undefined) return false;
  return typeof schema.pattern !== "string" || new RegExp(schema.pattern, "u").test(NIL_UUID);
}

export function exactIdScenarios(op: OperationSpec): Scenario[] {
  const pathParams = op.parameters.filter((p) => p.in === "path");
  const params = pathParams.map((p) => p.name);
  if (params.length === 0) return [];
  const misses: Step[] = pathParams.flatMap((param) =>
    [...ID_NEAR_MISSES, ...(mayBeUuid(param.schema) ? UUID_ID_NEAR_MISSES : [])].map((kind): Step => ({ label: `${param.name} ${kind}`, plan: plan({ nearMissIds: { [param.name]: kind } }), fixture: 0, expect: "refused" })),
  );
  const [parent, resource] = params.slice(-2);
  // Where a parent scopes the resource: the ids regrouped at a separator (a lookup keyed on the two
  // joined), and the resource named by the parent's own id (one store for both kinds of record).
  const scoped: Step[] =
    params.length < 2
      ? []
      : [
          { label: `${parent} and ${resource} regrouped, a piece of ${resource} moved onto ${parent}`, plan: plan({ regroup: "into-parent" }), fixture: 0, expect: "refused" },
          { label: `${parent} and ${resource} regrouped, a piece of ${parent} moved onto ${resource}`, plan: plan({ regroup: "into-resource" }), fixture: 0, expect: "refused" },
          { label: `${resource} given ${parent}'s value`, plan: plan({ idFrom: { [resource]: parent } }), fixture: 0, expect: "refused" },
          // An optional-filter query (`:parent = '' OR parent = :parent`) takes an empty parent for any.
          { label: `${parent} empty`, plan: plan({ rawPathParams: { [parent]: "" } }), fixture: 0, expect: "refused" },
        ];
  return [
    {
      id: "near misses of a fixture's id",
      provider: op.provider,
      operationId: op.operationId,
      check: "exact_id_match",
      basis: "documented",
      fixtures: 1,
      description: "deletes naming near misses of a fixture's ids are refused, and the fixture is then deleted by its exact ids",
      steps: [
        ...misses,
        ...scoped,
        { label: `${params.join(", ")} of the fixture in the query, others in the path`, plan: plan(), queryFrom: 0, expect: "refused" },
        // A handler that takes the id as the last `/`-segment of the whole request target, query and all.
        { label: "ids that never existed, the fixture's path in a query value", plan: plan(), pathInQueryFrom: 0, expect: "refused" },
        // A handler that lets a header named after the id (X-Customer-Id, set by a gateway) override the path.
        { label: `ids that never existed, the fixture's ${params.join(", ")} in headers of their names`, plan: plan(), headerIdsFrom: 0, expect: "refused" },
        // A form binder that merges body fields over the path's variables.
        ...(op.requestBody && /form-urlencoded/.test(op.requestBody.contentType) ? [{ label: `ids that never existed, the fixture's ${params.join(", ")} in form fields of their names`, plan: plan(), formIdsFrom: 0, expect: "refused" as const }] : []),
        { label: `the slash before ${params[params.length - 1]} percent-encoded`, plan: plan({ literalSpelling: "encoded-slash" }), fixture: 0, expect: "not-deleted" },
        { label: "exact ids afterwards", plan: plan(), fixture: 0, expect: "survives" },
      ],
    },
    ...(op.requestBody
      ? []
      : [
          {
            id: "a body naming another fixture",
            provider: op.provider,
            operationId: op.operationId,
            check: "exact_id_match" as const,
            basis: "documented" as const,
            fixtures: 2,
            description: "deletes of an id that never existed with a form body holding another fixture's ids, and with a body that is a whole HTTP request deleting it, then of one fixture with a JSON body holding the other's ids (the operation documents no body), leave the other in place: the path names what is deleted, not a body merged over it, and a body is read as the body (Content-Length frames it whatever the method, RFC 9112 §6.3), never as the next request",
            steps: [
              // Without a fixture in the path: a form binder taking the body's ids, or a server leaving the body unread, acts on fixture 2.
              { label: "an id that never existed, with a form body naming fixture 2", plan: plan({ formBodyFrom: 1 }), expect: "carried" as const },
              { label: "an id that never existed, with a body that is a whole request deleting fixture 2", plan: plan({ requestBodyFrom: 1 }), expect: "carried" as const },
              { label: "a delete with a JSON body naming fixture 2", plan: plan({ jsonBodyFrom: 1 }), fixture: 0, expect: "carried" as const },
              { label: "fixture 2 afterwards", plan: plan(), fixture: 1, expect: "survives" as const },
            ],
          },
        ]),
  ];
}
