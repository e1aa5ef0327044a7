/**
 * delete_semantics: deleting an existing fixture gets the documented success status and body;
 * deleting it again, or deleting an id that never existed, gets the documented not-found answer;
 * of several deletes of one fixture in flight at once, exactly one gets the documented success
 * and the rest the not-found answer; an id never issued that is not of the id's shape (a name
 * every JavaScript object has) is refused. Where the documented success is 202 Accepted the delete may
 * take effect later: a second success is then a warning, provided the not-found answer follows.
 */
import { schemaForPointer } from "../spec/basis.ts";
import { getPointer } from "../spec/deref.ts";
import { responseFor, successIsDeferred, successStatuses } from "../spec/model.ts";
import type { HttpResponse } from "../http/types.ts";
import { shapeIsDocumented } from "../cases/values.ts";
import { echoedIds } from "./echoed-ids.ts";
import { existenceOracle, type OracleSubject } from "./existence-oracle.ts";
import { expectSurvival } from "./fixture-survival.ts";
import { documented, isRedirect, scenarioFor, when } from "./preconditions.ts";
import { expectRefusal, isNotFoundResponse, notFoundLabel } from "./rejection.ts";
import { schemaFindings } from "./schema-findings.ts";
import { parseJsonBody, type Check, type CheckInput, type Finding } from "./types.ts";

export const deleteSemantics: Check = {
  id: "delete_semantics",
  run: when(scenarioFor("delete_semantics"), (input) => {
    if (input.step.expect === "success") return success(input);
    if (input.step.expect === "survives") {
      const lost = expectSurvival(input, input.scenario.fixtureParents ? "the delete of another fixture under the same parent" : "the delete of another fixture");
      // The fixture's own delete got the success: its body names the fixture, not the one deleted before.
      return lost.length > 0 ? lost : echoedIds(input);
    }
    if (input.step.expect === "one-success") return lastAnswerOfBurst(input) ? race(input) : undefined;
    // A request the doc does not describe in full, which the target may carry out or refuse: carried
    // out, it is the documented success.
    if (input.step.expect === "carried") return successStatuses(input.operation.op).includes(input.response.status) ? success(input) : [];
    if (input.step.ifCarried !== undefined && !carriedOut(input, input.step.ifCarried)) {
      // Sent again while it succeeds: the first answer is the one that tells whether the fixture survived.
      const first = input.earlier[0];
      if (first !== undefined && successStatuses(input.operation.op).includes(first.status)) return [];
      return expectSurvival(input, `a refused ${input.scenario.steps[input.step.ifCarried].label}`);
    }
    if (input.step.expect === "refused") return expectRefusal(input, `a delete of ${input.step.label}, an id never issued,`);
    const judged = notFound(input);
    return judged.length > 0 || !input.step.around ? judged : existenceOracle(input, TOMBSTONE);
  }),
};

/** The deleted fixture's not-found answer beside those for ids that never existed. */
const TOMBSTONE: OracleSubject = { what: "the not-found answer for the deleted fixture", tells: "a caller learns which ids existed and were deleted (a tombstone)", compareStatus: false };

function success(input: CheckInput): Finding[] {
  const status = input.response.status;
  const successes = successStatuses(input.operation.op);
  if (!successes.includes(status)) {
    return [{ expected: successes.join(" or "), actual: `${status}`, message: `${input.step.label} of an existing fixture got ${status}, not the documented success` }];
  }
  const doc = documented(input)!;
  if (!doc.contentType) {
    return input.response.text.length === 0 ? [] : [{ expected: `${status} with an empty body`, actual: `${status} with a body`, message: "the documented success has an empty body", basis: doc.bodyBasis }];
  }
  if (!input.json.ok) return [{ expected: `${status} with a body valid against its schema`, actual: "a body that is not JSON", message: "the success body is not the documented one", basis: doc.bodyBasis }];
  const broken = schemaFindings(input, input.json.value);
  if (broken.length > 0) {
    const basis = broken.every((f) => f.basis === "assumed") ? "assumed" : "documented";
    return [{ expected: `${status} with a body valid against its schema`, actual: "a body that breaks the schema", message: `the success body is not the documented one (${broken[0].actual})`, basis }];
  }
  return echoedIds(input);
}

/** Whether step `index` got the documented success. */
function carriedOut(input: CheckInput, index: number): boolean {
  const answer = input.before?.[index]?.[0];
  return answer !== undefined && successStatuses(input.operation.op).includes(answer.status);
}

/** A delete that must get the documented not-found answer (an id that never existed, or a fixture already deleted), judged as this check judges a repeat delete; positive_data_acceptance's repeat deletes use it too. */
export function notFound(input: CheckInput): Finding[] {
  const { status: want, code } = input.operation.profile.notFound;
  const status = input.response.status;
  const expected = notFoundLabel(input);
  const what = input.step.fixture !== undefined ? "deleting an already deleted fixture" : "deleting an id that never existed";
  const deferred = deferredSuccesses(input, input.earlier);
  // Another documented 4xx rests on a reading, not a fact: no doc says what a repeat delete gets,
  // and an id whose shape payconform had to invent may be refused as malformed.
  const documented4xx = status >= 400 && status < 500 && documented(input) !== undefined;
  // A 401 says the credentials are missing or wrong, and the same ones were just accepted for the delete.
  const repeat = input.step.fixture !== undefined && documented4xx && status !== 401;
  const guessed = input.step.fixture === undefined && documented4xx && inventedShape(input);
  // Where the doc lets a delete leave the record behind (Yuno: "deleting or anonymizing"), a repeat
  // delete may find it again and succeed.
  const leftBehind = input.operation.op.assumed.repeatDelete;
  const again = input.step.fixture !== undefined && leftBehind !== undefined && status >= 200 && status < 300;
  const raced = leftBehind !== undefined && !successIsDeferred(input.operation.op) && status === want ? racedThenNotFound(input) : [];
  if (raced.length > 0) return raced;
  const basis = repeat || guessed || again ? ("assumed" as const) : undefined;
  const refusedCredentials = input.step.fixture !== undefined && status === 401 ? " (401 says the credentials are missing or wrong, and the same ones just had the delete carried out)" : "";
  const why = refusedCredentials || (repeat ? " (the doc does not say what a repeat delete gets)" : guessed ? " (the doc gives no shape for the id, or one payconform assumed, so payconform's made-up one may be refused as malformed)" : again ? ` (assumed: ${leftBehind})` : "");
  if (status !== want) {
    const polled = deferred > 0 ? ` after ${deferred + 1} tries` : "";
    return [{ expected, actual: `${status}`, message: `${what} got ${status}${polled}, not the documented not-found answer${why}`, basis }];
  }
  const actual = code && input.json.ok ? getPointer(input.json.value, code.pointer) : undefined;
  if (code && actual !== code.value) {
    // The schema's own example of the code (Yuno's NOT_FOUND beside its named example's
    // CUSTOMER_NOT_FOUND) is a recorded contradiction: which one means not-found is read, not stated.
    const contradiction = schemaExampleOf(input, code.pointer) === actual;
    const note = contradiction ? ` (${JSON.stringify(actual)} is the schema's own example of ${code.pointer}, which the doc's named example contradicts)` : why;
    return [{ expected, actual: `${status} with ${code.pointer} = ${JSON.stringify(actual)}`, message: `${what} got ${status} without the documented not-found code${note}`, basis: contradiction ? "assumed" : basis }];
  }
  if (deferred === 0) return input.step.fixture === undefined ? [] : recordKept(input);
  return [
    {
      expected: `${expected} at once`,
      actual: `${successStatuses(input.operation.op).join("/")} ${deferred} time(s), then ${expected}`,
      message: `${what} got the documented success ${deferred} more time(s) before the not-found answer: the delete took effect later${successIsDeferred(input.operation.op) ? " (allowed for 202 Accepted)" : ", a moment after its success answer"}`,
      severity: "warning",
    },
  ];
}

/**
 * Where a repeat delete may succeed (a deleted record left behind), several successes in a race are
 * no fault by themselves; but when the delete right after the race gets the not-found answer, this
 * target does not answer a repeat delete with success, and the extra successes were deletes that
 * raced past each other.
 */
function racedThenNotFound(input: CheckInput): Finding[] {
  const index = input.scenario.steps.indexOf(input.step);
  const previous = index > 0 ? input.scenario.steps[index - 1] : undefined;
  if (!previous?.burst || previous.fixture !== input.step.fixture) return [];
  const successes = successStatuses(input.operation.op);
  const answers = (input.before?.[index - 1] ?? []).filter((r): r is HttpResponse => r !== undefined);
  const won = answers.filter((r) => successes.includes(r.status)).length;
  if (won <= 1) return [];
  return [
    {
      expected: `one ${successes.join("/")} of ${answers.length} concurrent deletes, as a delete after them gets ${notFoundLabel(input)}`,
      actual: `${won} × ${successes.join("/")}, then ${input.response.status}`,
      message: `${won} of ${answers.length} concurrent deletes of one fixture got the documented success, yet the delete right after them got the not-found answer: this target does not answer a repeat delete with success, so the extra successes were deletes racing past each other`,
    },
  ];
}

/**
 * The not-found answer for a deleted fixture holds no more than the one for an id that never
 * existed, sent earlier in the scenario: members only the first has (a `customer` object with
 * name, email and phone) are the record, kept by a soft delete and handed out after it. Where the
 * doc says the delete is permanent (Cashfree) that breaks a documented fact; elsewhere it is assumed.
 */
function recordKept(input: CheckInput): Finding[] {
  const at = input.scenario.steps.findIndex((s, i) => i < input.scenario.steps.indexOf(input.step) && s.expect === "not-found" && s.fixture === undefined);
  const baseline = at === -1 ? undefined : input.before?.[at]?.at(-1);
  if (!baseline || !input.json.ok) return [];
  const unknown = parseJsonBody(baseline.text);
  // Only the not-found answer itself compares: a made-up id refused as malformed says nothing.
  if (!unknown.ok || !isNotFound(input, baseline)) return [];
  const known = new Set(leafPaths(unknown.value));
  const extra = leafPaths(input.json.value).filter((path) => !known.has(path));
  if (extra.length === 0) return [];
  const permanent = input.operation.op.facts.permanentDelete;
  const shown = extra.slice(0, 5).join(", ") + (extra.length > 5 ? `, … (${extra.length} in all)` : "");
  return [
    {
      expected: `a ${input.response.status} holding no more than the one for an id that never existed`,
      actual: `also ${shown}`,
      message: `the not-found answer for the deleted fixture holds what the one for an id that never existed does not (${shown}): the record is kept and handed out after the delete${permanent ? `, which the doc calls permanent: ${permanent}` : " (assumed: the doc does not say the delete is permanent)"}`,
      basis: permanent ? "documented" : "assumed",
    },
  ];
}

/** Every leaf of a JSON value as a pointer, array items under "/*"; at most 200, from the first 20 items of an array. */
function leafPaths(value: unknown): string[] {
  const out = new Set<string>();
  const walk = (node: unknown, at: string): void => {
    if (out.size >= 200) return;
    const children = Array.isArray(node) ? node.slice(0, 20).map((item): [string, unknown] => ["*", item]) : node !== null && typeof node === "object" ? Object.entries(node) : undefined;
    if (!children || children.length === 0) out.add(at);
    else for (const [key, item] of children) walk(item, `${at}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`);
  };
  walk(value, "");
  return [...out];
}

/** Of a burst of deletes of one fixture: exactly one documented success, the not-found answer for the rest, no 5xx. */
function race(input: CheckInput): Finding[] {
  const answers = input.burst!.responses.filter((r): r is HttpResponse => r !== undefined);
  const successes = successStatuses(input.operation.op);
  const won = answers.filter((r) => successes.includes(r.status)).length;
  const statuses = answers.map((r) => r.status).join(", ");
  const n = input.burst!.responses.length;
  const expected = `one ${successes.join("/")} and ${n - 1} × ${notFoundLabel(input)}`;
  const findings: Finding[] = [];
  const serverErrors = answers.filter((r) => r.status >= 500);
  if (serverErrors.length > 0) {
    // A 5xx the doc gives for the delete (Cashfree's 500 deletion_failed) answered to the losers of a
    // race is a choice the doc leaves open: that a delete of something already gone gets the
    // not-found answer is assumed. An undocumented 5xx, or a race with no winner, fails.
    const documentedLosers = won === 1 && serverErrors.every((r) => responseFor(input.operation.op, r.status) !== undefined);
    findings.push(
      documentedLosers
        ? { expected, actual: statuses, message: `the deletes that lost the race got ${serverErrors.map((r) => r.status).join(", ")}, a server error the doc gives for a failed delete; a delete of a customer already gone is assumed to get the not-found answer`, basis: "assumed" }
        : { expected, actual: statuses, message: `${n} concurrent deletes of one fixture got a server error` },
    );
  }
  // A copy without an answer (timed out, reset: errored on its own) may have been the winner.
  if (won === 0 && answers.length === n) findings.push({ expected, actual: statuses, message: `none of ${n} concurrent deletes of one fixture got the documented success` });
  // Where a repeat delete may succeed, several successes may be that, not a race: the delete after
  // the race tells (racedThenNotFound).
  const repeatMaySucceed = input.operation.op.assumed.repeatDelete !== undefined && !successIsDeferred(input.operation.op);
  if (won > 1 && !repeatMaySucceed) {
    const deferred = successIsDeferred(input.operation.op);
    findings.push({
      expected,
      actual: statuses,
      message: deferred
        ? `${won} of ${n} concurrent deletes of one fixture got ${successes.join("/")}: the delete takes effect later (allowed for 202 Accepted)`
        : `${won} of ${n} concurrent deletes of one fixture got the documented success; exactly one may`,
      ...(deferred ? { severity: "warning" as const } : {}),
    });
  }
  // A loser is a delete of something already gone: the not-found answer. No doc says what a delete
  // racing another gets, so another 4xx (a 409, a 422) is a warning; a 2xx or 3xx is not.
  const others = answers.filter((r) => !successes.includes(r.status) && r.status < 500 && !isNotFound(input, r));
  // Copies with the ids spelled another way may be redirected to the canonical spelling (status_code_conformance's warning), which deletes nothing.
  const redirected = (r: HttpResponse) => input.step.burstRespelled === true && isRedirect(r);
  const refusals = others.filter((r) => r.status >= 400 || redirected(r));
  if (others.length > refusals.length) findings.push({ expected, actual: statuses, message: `the deletes that lost the race got ${others.map((r) => r.status).join(", ")}, not the documented not-found answer` });
  else if (refusals.length > 0) {
    findings.push({ expected, actual: statuses, message: `the deletes that lost the race got ${refusals.map((r) => r.status).join(", ")}, not the documented not-found answer (the doc does not say what a delete racing another gets${refusals.some(redirected) ? ", and a redirect of ids spelled another way is the server's choice" : ""})`, basis: "assumed" });
  }
  return findings;
}

/** This exchange is the last one of its burst that got an answer: the burst is judged once, there. */
function lastAnswerOfBurst(input: CheckInput): boolean {
  const burst = input.burst;
  if (!burst) return true;
  let last = -1;
  burst.responses.forEach((r, i) => {
    if (r !== undefined) last = i;
  });
  return burst.index === last;
}

function isNotFound(input: CheckInput, response: HttpResponse): boolean {
  return isNotFoundResponse(input.operation.profile, response.status, parseJsonBody(response.text));
}

function deferredSuccesses(input: CheckInput, earlier: readonly HttpResponse[]): number {
  const successes = successStatuses(input.operation.op);
  return earlier.filter((r) => successes.includes(r.status)).length;
}

/** The example the documented response's schema gives at `pointer`, if any. */
function schemaExampleOf(input: CheckInput, pointer: string): unknown {
  const doc = documented(input);
  const found = doc?.schema ? schemaForPointer(doc.schema, pointer) : undefined;
  if (!found) return undefined;
  const { example, examples } = found.schema as { example?: unknown; examples?: unknown[] };
  return example ?? (Array.isArray(examples) ? examples[0] : undefined);
}

/** Some path parameter has no documented shape (none, or an assumed one), so its never-existing value was made up. */
function inventedShape(input: CheckInput): boolean {
  // An id of a fixture's shape is of the target's own form too, but where no format is documented
  // its form may hold more than its shape shows (a check character): it may still be refused.
  return input.operation.op.parameters.some((p) => p.in === "path" && !shapeIsDocumented(p));
}
