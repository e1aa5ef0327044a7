/**
 * ownership_enforcement: a fixture cannot be deleted through a scope it does not belong to.
 * Scopes come from the operation: the path parameters before the last one name the parent the
 * resource belongs to (Juspay's customer_id over customer_account_id), and a header the profile
 * fills from the environment names the account the request acts for (Yuno's x-account-code).
 * Each scenario first sends the crossed request, which must be refused, then deletes the fixture
 * through its own scope, which must get the documented success: the fixture survived. Where a
 * header repeats a parent id (Juspay's x-routing-id, the customer_id by recommendation), the
 * crossed request is sent again with the header naming the fixture's own parent: the path, not
 * the header, says whose account it is. Ids of the resource's shape that never existed are sent
 * under the same parent just before and after the crossed request, whose refusal may differ from
 * theirs only where theirs differ (an existence oracle, assumed). The resource is also sent under the parent ids `-` and
 * `*`, which a lookup reading them as "any parent" lets through; and once deleted through its own
 * scope, under the other parent again, which a soft delete answering its tombstone before it checks
 * the parent does not refuse.
 */
import { PROFILES } from "../profiles/index.ts";
import type { OperationSpec } from "../spec/model.ts";
import { plan, type Scenario, type Step } from "./model.ts";
import type { Rng } from "./random.ts";
import { neverExistingValue } from "./values.ts";
import { MAX_UUID, NIL_UUID } from "./id-near-miss.ts";

const SPELLING_LABEL = { "byte-swapped": "with its first three groups byte-swapped", superscript: "with a digit or letter as its superscript", "soft-hyphen": "with a soft hyphen in its middle" } as const;

/** What a crossed refusal that differs from an unknown id's tells. */
const CROSSED = { what: "under another parent, the answer for an existing fixture", tells: "a caller learns that the id exists under another parent" };

/** Parent ids that some lookups read as "every parent": `-` (Google's AIP-159) and `*`. */
const WILDCARD_PARENTS = ["-", "*"];

export function ownershipScenarios(op: OperationSpec, rng: Rng): Scenario[] {
  const base = { provider: op.provider, operationId: op.operationId, check: "ownership_enforcement" as const, basis: "documented" as const };
  const survives = (fixture: number): Step => ({ label: "own scope afterwards", plan: plan(), fixture, expect: "survives" });
  const scenarios: Scenario[] = [];

  const pathParams = op.parameters.filter((p) => p.in === "path").map((p) => p.name);
  const resource = pathParams.at(-1);
  const parents = pathParams.slice(0, -1);
  if (resource !== undefined && parents.length > 0) {
    const crossed = Object.fromEntries([...parents.map((name): [string, number] => [name, 0]), [resource, 1]]);
    const parentsOf0 = Object.fromEntries(parents.map((name): [string, number] => [name, 0]));
    const label = `${resource} of fixture 2 under ${parents.join("/")} of fixture 1`;
    const echoing = Object.entries(PROFILES[op.provider].headerValues).filter(([, source]) => source.kind === "pathParam" && parents.includes(source.name)).map(([name]) => name);
    // A parent id that a lookup reads as "any parent" (AIP-159's `-`, a glob's `*`).
    const wildcards: Step[] = WILDCARD_PARENTS.map((wildcard) => ({ label: `${resource} of fixture 2 under ${parents.join("/")} ${wildcard}`, plan: plan({ pathParams: Object.fromEntries(parents.map((name) => [name, wildcard])) }), fixture: { [resource]: 1 }, expect: "refused" }));
    const headerMatched: Step[] = echoing.length > 0 ? [{ label: `${label}, ${echoing.join(", ")} of fixture 2`, plan: plan(), fixture: crossed, headersFrom: 1, expect: "refused" }] : [];
    scenarios.push({
      ...base,
      id: `${resource} under another ${parents.join("/")}`,
      fixtures: 2,
      description: `two fixtures; the ${resource} of the second is deleted under the ${parents.join(", ")} of the first${echoing.length > 0 ? ` (with ${echoing.join(", ")} naming the first's, then the second's)` : ""}, then through its own`,
      steps: [
        // Ids of fixture 2's shape that never existed under the same parent, just before and after the
        // crossed request: its refusal may differ from theirs only where theirs differ (assumed).
        { label: `a ${resource} of fixture 2's shape that never existed under ${parents.join("/")} of fixture 1`, plan: plan({ shapedLike: 1 }), fixture: parentsOf0, expect: "refused" },
        { label, plan: plan(), fixture: crossed, expect: "refused" },
        { label: `another ${resource} of fixture 2's shape that never existed under ${parents.join("/")} of fixture 1`, plan: plan({ shapedLike: 1 }), fixture: parentsOf0, expect: "refused", around: { fixture: 1, unknown: 0, subject: CROSSED } },
        ...headerMatched,
        ...wildcards,
        survives(1),
        // A deleted record kept as a tombstone, answered before the parent is checked.
        { label: `${label}, after its own delete`, plan: plan(), fixture: crossed, expect: "refused" },
      ],
    });
  }

  const profile = PROFILES[op.provider];
  for (const param of op.parameters) {
    if (param.in !== "header" || profile.headerValues[param.name]?.kind !== "env") continue;
    const foreign = neverExistingValue(param, rng);
    const name = param.name.toLowerCase();
    // A UUID-shaped header also gets the nil UUID (RFC 9562 §5.9), which code that reads "no
    // account" as "any account" takes for a wildcard.
    const uuid = param.schema.format === "uuid";
    const nil = uuid
      ? [
          { label: `nil ${param.name}`, plan: plan({ headers: { [name]: NIL_UUID } }), fixture: 0, expect: "refused" as const },
          // The max UUID (RFC 9562 §5.10), which code may keep as an "all accounts" account.
          { label: `max ${param.name}`, plan: plan({ headers: { [name]: MAX_UUID } }), fixture: 0, expect: "refused" as const },
        ]
      : [];
    // Another account's code that only a loose reading takes for the own one: its first three groups
    // byte-swapped (a GUID parser's layout), a digit as its superscript (NFKC), a soft hyphen in it
    // (locale-aware comparison); and the foreign code on a line before the own one (a server reading
    // the last line of a repeated header).
    const loose = uuid ? (["byte-swapped", "superscript", "soft-hyphen"] as const).map((spelling) => ({ label: `${param.name} ${SPELLING_LABEL[spelling]}`, plan: plan({ headerSpellings: { [name]: spelling } }), fixture: 0, expect: "refused" as const })) : [];
    scenarios.push({
      ...base,
      id: `${param.name} of another account`,
      fixtures: 1,
      description: `a fixture deleted with a well-formed ${param.name} the target never issued${nil.length > 0 ? ", with the nil and max UUIDs, with its own byte-swapped, with a digit or letter of it superscript and with a soft hyphen in it" : ""}, the foreign one on a line before its own, and with its own changed in its last character, then with its own, then with the foreign one again; the foreign one also names ids of the fixture's shape that never existed, just before and after the fixture, whose answers the fixture's may differ from only where they differ from each other (assumed: otherwise a caller of another account learns which ids exist)`,
      steps: [
        { label: `foreign ${param.name}, an id of the fixture's shape that never existed`, plan: plan({ headers: { [name]: foreign }, shapedLike: 0 }), expect: "refused" },
        { label: `foreign ${param.name}`, plan: plan({ headers: { [name]: foreign } }), fixture: 0, expect: "refused" },
        { label: `foreign ${param.name}, another id of the fixture's shape that never existed`, plan: plan({ headers: { [name]: foreign }, shapedLike: 0 }), expect: "refused", around: { fixture: 1, unknown: 0 } },
        ...nil,
        ...loose,
        { label: `foreign ${param.name} on a line before its own`, plan: plan({ headerRepeatsFirst: { [name]: foreign } }), fixture: 0, expect: "refused" },
        // The configured value with its last digit changed: code that compares a prefix of it (as a
        // number that keeps 53 bits, say) takes it for the account's own.
        { label: `${param.name} with its last character changed`, plan: plan({ headerSpellings: { [name]: "last-changed" } }), fixture: 0, expect: "refused" },
        // Another UUID that differs only in its version and variant digits: a parser that forces
        // version 4 and the RFC variant (Python's UUID(s, version=4)) reads it as the account's own.
        ...(param.schema.format === "uuid" ? [{ label: `${param.name} with its version and variant digits changed`, plan: plan({ headerSpellings: { [name]: "version-changed" as const } }), fixture: 0, expect: "refused" as const }] : []),
        { ...survives(0), plan: plan({ idempotencyKey: "account" }) },
        // A record kept after the delete (anonymized) that has lost its account, open to any; and an
        // idempotency layer keyed without the account replaying the delete's answer to another.
        { label: `foreign ${param.name}, after its own delete`, plan: plan({ headers: { [name]: foreign }, idempotencyKey: "account" }), fixture: 0, expect: "refused" },
      ],
    });
  }
  return scenarios;
}
