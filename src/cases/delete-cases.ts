/**
 * delete_semantics: delete an existing fixture (documented success), delete it again
 * (documented not-found), delete an id that never existed (documented not-found) and ids that name
 * Object.prototype's members (refused), and delete one
 * fixture with several requests in flight at once (exactly one documented success), and two fixtures
 * at the same moment (both succeed, and both are gone); deleting one
 * fixture leaves another in place (a delete that cascades to every customer of a parent company,
 * or matches more than the id, removes it; so does a target that hands the deleted id to the
 * customer set up next, which the repeat delete then deletes); where a parent scopes the resource, deleting one leaves
 * its sibling under the same parent, whose own delete then names it and takes effect (a reply cached
 * per parent answers the sibling's delete with the first one's body and deletes nothing).
 */
import { successIsDeferred, successStatuses, type OperationSpec } from "../spec/model.ts";
import { encodeBody } from "./body.ts";
import { plan, type Scenario, type Step } from "./model.ts";

/**
 * Where the operation documents a form or JSON body and a success body with fields of its own: a
 * delete whose body also sets each of those fields (`customer_account_status=ACTIVE`) is carried
 * out as the documented success, which still reports the documented values, and the fixture is
 * gone; or refused, and the fixture is left. A handler that merges the request's fields into the
 * record after it marks it deleted (mass assignment, OWASP API3) keeps it.
 */
function answerFieldsInBody(op: OperationSpec): Scenario[] {
  const body = op.requestBody;
  const success = op.responses.find((r) => successStatuses(op).includes(r.status));
  const properties = Object.entries((success?.schema?.properties ?? {}) as Record<string, { type?: unknown }>);
  const paths = new Set(op.parameters.filter((p) => p.in === "path").map((p) => p.name));
  const fields = properties.filter(([name, schema]) => schema.type === "string" && !paths.has(name)).map(([name]) => name);
  if (!body || !/form-urlencoded|json/.test(body.contentType) || fields.length === 0) return [];
  const sent = encodeBody(body.contentType, { ...((body.example ?? {}) as Record<string, unknown>), ...Object.fromEntries(fields.map((name) => [name, "ACTIVE"])) });
  const description = `a delete of a fixture whose body also sets ${fields.map((f) => `${f}=ACTIVE`).join(", ")}: refused, or carried out with the documented success (its fields as documented), after which the fixture is gone`;
  return [carriedOrRefused(op, "the answer's fields in the request body", description, { label: "the answer's fields in the body", plan: plan({ body: sent }) })];
}

/** A delete of a fixture sent another way (`sent`): refused, it leaves the fixture; carried out (the documented success), the fixture is gone afterwards. */
function carriedOrRefused(op: OperationSpec, id: string, description: string, sent: Pick<Step, "label" | "plan">): Scenario {
  return {
    provider: op.provider,
    operationId: op.operationId,
    check: "delete_semantics",
    basis: "documented",
    fixtures: 1,
    id,
    description,
    steps: [
      { ...sent, fixture: 0, expect: "carried" },
      { label: "the fixture again", plan: plan(), fixture: 0, expect: "not-found", ifCarried: 0, pollWhileSuccess: successIsDeferred(op) || op.assumed.repeatDelete !== undefined },
    ],
  };
}

/**
 * Where the operation takes optional query parameters with documented examples (EnKash's
 * parentCompanyId): a delete of a fixture naming them may be carried out (the fixture under that
 * parent, or the parameter not used to refuse) or refused (another parent's scope), but refused, it
 * leaves the fixture in place. A target that deletes first and checks the parameter after answers
 * a refusal for a delete that happened.
 */
function optionalQueryOnAFixture(op: OperationSpec): Scenario[] {
  const examples = op.parameters.filter((p) => p.in === "query" && !p.required && typeof p.example === "string").map((p): [string, string] => [p.name, p.example as string]);
  if (examples.length === 0) return [];
  const query = Object.fromEntries(examples);
  const description = `a delete of a fixture with ${examples.map(([name, value]) => `${name}=${value}`).join("&")}, the documented examples: carried out, after which the fixture is gone, or refused, after which it is still there`;
  return [carriedOrRefused(op, "a fixture deleted naming the optional query parameters", description, { label: "the optional query parameters' examples", plan: plan({ query }) })];
}

/**
 * Where a parent id scopes the resource (Juspay's customer over its accounts): three fixtures under
 * one parent; deleting the middle one leaves the older and the newer, whose own deletes then
 * succeed, name each its own id, and take effect. A delete that removes every resource of the
 * parent, or the oldest or newest one instead of the one named, fails here; so does a reply cached
 * per parent.
 */
function siblingScenarios(op: OperationSpec): Scenario[] {
  const names = op.parameters.filter((p) => p.in === "path").map((p) => p.name);
  const parents = names.slice(0, -1);
  if (parents.length === 0) return [];
  const sameParent = Object.fromEntries(parents.map((name) => [name, 0]));
  return [
    {
      id: `delete one ${names.at(-1)} of a ${parents.join("/")}, then its siblings`,
      provider: op.provider,
      operationId: op.operationId,
      check: "delete_semantics",
      basis: "documented",
      fixtures: 3,
      fixtureParents: [undefined, sameParent, sameParent],
      description: `three fixtures under one ${parents.join(", ")}: deleting the middle one gets the documented success, and deleting it again the not-found answer, and leaves the older and the newer, whose deletes then succeed too, each with a body that names it, and take effect (a delete of one again gets the documented not-found)`,
      steps: [
        { label: "delete the middle one", plan: plan(), fixture: 1, expect: "success" },
        // A repeat delete that finds no record must not fall through to the parent's next one.
        { label: "the middle one again", plan: plan(), fixture: 1, expect: "not-found", pollWhileSuccess: successIsDeferred(op) || op.assumed.repeatDelete !== undefined },
        { label: "the older sibling afterwards", plan: plan(), fixture: 0, expect: "survives" },
        { label: "the newer sibling afterwards", plan: plan(), fixture: 2, expect: "survives" },
        { label: "the older sibling again", plan: plan(), fixture: 0, expect: "not-found", pollWhileSuccess: successIsDeferred(op) },
      ],
    },
    {
      id: `delete a ${names.at(-1)}, then set up another under its ${parents.join("/")}`,
      provider: op.provider,
      operationId: op.operationId,
      check: "delete_semantics",
      basis: "documented",
      fixtures: 2,
      lateFixture: 1,
      fixtureParents: [undefined, sameParent],
      description: `a fixture deleted, then another set up under its ${parents.join(", ")}: deleting the first again still gets the not-found answer (a new ${names.at(-1)} neither brings the deleted one back nor takes its id), and the new one is left in place, its own delete succeeding`,
      steps: [
        { label: "first delete", plan: plan(), fixture: 0, expect: "success" },
        { label: `the first again, after another was set up under its ${parents.join("/")}`, plan: plan(), fixture: 0, expect: "not-found", pollWhileSuccess: successIsDeferred(op) || op.assumed.repeatDelete !== undefined },
        { label: "the other afterwards", plan: plan(), fixture: 1, expect: "survives" },
      ],
    },
  ];
}

/** Identical deletes of one fixture sent at once by the race scenario. */
export const RACE_BURST = 5;

/** Names that a lookup in a plain JavaScript object finds on every object (Object.prototype's members). */
export const OBJECT_MEMBER_IDS = ["constructor", "__proto__", "toString", "hasOwnProperty"] as const;

export function deleteScenarios(op: OperationSpec): Scenario[] {
  const names = op.parameters.filter((p) => p.in === "path").map((p) => p.name);
  const base = { provider: op.provider, operationId: op.operationId, check: "delete_semantics" as const, basis: "documented" as const };
  const poll = successIsDeferred(op);
  return [
    ...siblingScenarios(op),
    ...answerFieldsInBody(op),
    ...optionalQueryOnAFixture(op),
    {
      ...base,
      id: "an idempotency key sent again with another customer",
      fixtures: 2,
      description: "a fixture deleted with an idempotency key (Idempotency-Key, X-Idempotency-Key; no doc names one, so a target may ignore it); a second fixture deleted with the same key is carried out, after which it is gone, or refused, after which it is still there, never answered with the first delete's success while nothing is deleted; an id that never existed, sent with the same key, is refused",
      steps: [
        { label: "a fixture deleted with an idempotency key", plan: plan({ idempotencyKey: true }), fixture: 0, expect: "success" },
        { label: "another fixture, the same idempotency key", plan: plan({ idempotencyKey: true }), fixture: 1, expect: "carried" },
        { label: "the other fixture again", plan: plan(), fixture: 1, expect: "not-found", ifCarried: 1, pollWhileSuccess: poll || op.assumed.repeatDelete !== undefined },
        { label: "an id of its shape that never existed, the same idempotency key", plan: plan({ idempotencyKey: true, shapedLike: 0 }), expect: "refused" },
      ],
    },
    {
      ...base,
      id: "delete an existing fixture, then delete it again",
      fixtures: 2,
      lateFixture: 1,
      description: "the first delete gets the documented success; another fixture, set up after it, gets an id of its own; the second delete gets the documented not-found answer, holding nothing the one for an id that never existed does not (a soft delete still handing out the record) and (assumed) differing from the answers for ids that never existed, sent before and after it, only where those differ from each other (a tombstone tells which ids existed); the other fixture is left in place, and its own delete succeeds",
      steps: [
        { label: "first delete", plan: plan(), fixture: 0, expect: "success" },
        // An id of the deleted fixture's shape, never issued: its not-found answer is all the one for
        // the deleted fixture may hold, and it cannot be refused as malformed.
        { label: "an id of its shape that never existed", plan: plan({ shapedLike: 0 }), expect: "not-found" },
        { label: "second delete", plan: plan(), fixture: 0, expect: "not-found", pollWhileSuccess: poll },
        // Another never-issued id after it: where the two agree, the deleted fixture's not-found answer
        // may differ from theirs only where they differ from each other (no tombstone).
        { label: "another id of its shape that never existed", plan: plan({ shapedLike: 0 }), expect: "not-found", around: { fixture: 2, unknown: 1 } },
        { label: "another fixture afterwards", plan: plan(), fixture: 1, expect: "survives" },
      ],
    },
    {
      ...base,
      id: "delete an id that never existed",
      fixtures: 0,
      description: "an id of the documented shape that was never issued gets the documented not-found answer",
      steps: [{ label: "delete", plan: plan(), expect: "not-found" }],
    },
    {
      ...base,
      id: "ids every JavaScript object has",
      fixtures: 0,
      description: `every path id sent as ${OBJECT_MEMBER_IDS.join(", ")}: never issued, so refused (the documented not-found or another documented 4xx); a target that keeps its records in a plain object finds these members on every one of them`,
      steps: OBJECT_MEMBER_IDS.map((name) => ({ label: name, plan: plan({ pathParams: Object.fromEntries(names.map((param) => [param, name])) }), expect: "refused" as const })),
    },
    {
      ...base,
      id: "concurrent deletes of two fixtures",
      fixtures: 2,
      description: "two fixtures deleted at the same moment: both get the documented success (a lock, a queue or a cache that one delete holds must not answer the other with not-found or a conflict), and each is gone afterwards",
      steps: [
        { label: "both at once", plan: plan(), fixture: 0, alongside: 1, expect: "success" },
        { label: "fixture 1 again", plan: plan(), fixture: 0, expect: "not-found", pollWhileSuccess: poll },
        { label: "fixture 2 again", plan: plan(), fixture: 1, expect: "not-found", pollWhileSuccess: poll },
      ],
    },
    {
      ...base,
      id: "concurrent deletes of one fixture",
      fixtures: 1,
      description: `${RACE_BURST} deletes of one fixture in flight at once: exactly one documented success, the documented not-found for the rest, no 5xx`,
      steps: [
        { label: `${RACE_BURST} at once`, plan: plan(), fixture: 0, expect: "one-success", burst: RACE_BURST },
        // Where a repeat delete may succeed, the delete after the race is sent again while it does: a
        // delete that took effect late shows as the not-found answer after all, a record kept never does.
        { label: "delete after the race", plan: plan(), fixture: 0, expect: "not-found", pollWhileSuccess: poll || op.assumed.repeatDelete !== undefined },
      ],
    },
    {
      ...base,
      id: "concurrent deletes of one fixture, its ids spelled two ways",
      fixtures: 1,
      description: `${RACE_BURST} deletes of one fixture in flight at once, every other one with a letter of its ids percent-encoded (the same ids): exactly one documented success, as above; a lock or a cache of deletes in flight keyed on the raw path lets one of each spelling through`,
      steps: [
        { label: `${RACE_BURST} at once, every other one spelled with a percent-encoded letter`, plan: plan(), fixture: 0, expect: "one-success", burst: RACE_BURST, burstRespelled: true },
        { label: "delete after the race", plan: plan(), fixture: 0, expect: "not-found", pollWhileSuccess: poll || op.assumed.repeatDelete !== undefined },
      ],
    },
  ];
}
