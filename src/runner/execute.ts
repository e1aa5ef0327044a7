/**
 * Runs one provider's scenarios against an open target: fixtures first where needed, steps in
 * order, every check on every exchange. A step is one request, a burst of identical requests in
 * flight at once, or a request sent again while it gets a deferred success. Faults in the target
 * become errored results; the run goes on with the other scenarios.
 */
import { credentialState, fixtureIndexFor, plan as planOf, type AuthPlan, type RequestPlan, type Scenario, type Step } from "../cases/model.ts";
import { fullwidthFirst, percentEncodedFirst } from "../cases/values.ts";
import type { CheckInput, OperationContext } from "../checks/types.ts";
import { FixtureError } from "../errors.ts";
import { toCurl } from "../http/curl.ts";
import { MASK, MIN_SECRET_LENGTH, redact } from "../http/redact.ts";
import type { HttpClient } from "../http/client.ts";
import type { Exchange, HttpRequest, HttpResponse } from "../http/types.ts";
import { responseFor, scopeParamNames, successStatuses, type OperationSpec } from "../spec/model.ts";
import { retryAfterMs } from "../http/retry-after.ts";
import { buildRequest, type RequestContext } from "./build-request.ts";
import { caseName, evaluate, type SentFacts } from "./evaluate.ts";
import type { Result } from "./events.ts";
import { POLL_DELAYS_MS, pause } from "./poll.ts";
import { fixtureShaped } from "./fixture-shaped.ts";
import { keepsForm } from "../cases/id-near-miss.ts";
import { afterRateLimit, ANY_ANSWER_CHECKS, notJudgedMessage, rateLimited, RUN_HINT } from "./rate-limited.ts";
import type { OpenTarget } from "./target.ts";
import { headerLines, requestAsText } from "../http/header-lines.ts";
import { reshapedIds } from "./reshape-ids.ts";

export interface ProviderRun {
  operation: OperationContext;
  request: RequestContext;
  target: OpenTarget;
  client: HttpClient;
  strict: boolean;
  secrets: string[];
  /** What no_secret_echo looks for: the authenticating credentials and their wrong and near-miss values (default: secrets). */
  echoSecrets?: string[];
  /** Of echoSecrets, those that name the caller beside a secret (Cashfree's App ID). */
  echoIdentifiers?: string[];
  /** Exchanges sent so far, and how many of them were answered 429 beyond the retries (rate-limited.ts). */
  tally: { sent: number; rateLimited: number };
}

type Fixture = Record<string, string>;

/** Wait before sending again a delete that got a documented 5xx without Retry-After, and the longest Retry-After honoured there. */
const DOCUMENTED_5XX_WAIT_MS = 200;
const MAX_DOCUMENTED_5XX_WAIT_MS = 2000;

/** Every fixture id each provider run has set up, with its customer: the customers no answer may name unasked (no_internal_leak). */
const issuedByRun = new WeakMap<ProviderRun, Map<string, string>>();

function issuedOf(run: ProviderRun): Map<string, string> {
  let issued = issuedByRun.get(run);
  if (!issued) issuedByRun.set(run, (issued = new Map()));
  return issued;
}

/** A fixture's values split into its path ids and its own values of the operation's query parameters. */
function splitScope(op: OperationSpec, values: Fixture): [Fixture, Fixture] {
  const query = new Set(scopeParamNames(op));
  const entries = Object.entries(values);
  return [Object.fromEntries(entries.filter(([name]) => !query.has(name))), Object.fromEntries(entries.filter(([name]) => query.has(name)))];
}

/** Whether the source handed out these very ids before in this run: each was noted, under the same first id. */
function handedOutBefore(run: ProviderRun, ids: Fixture): boolean {
  const values = Object.values(ids);
  return values.length > 0 && values.every((id) => issuedOf(run).get(id) === values[0]);
}

/** The names of `parents` the fixture the source made is not under. */
function ignoredParents(parents: Record<string, string>, fixture: Fixture): string[] {
  return Object.keys(parents).filter((name) => fixture[name] !== parents[name]);
}

function reusedMessage(run: ProviderRun, ids: Fixture): string {
  return `${run.target.fixtures!.describe()} handed out ids it had handed out before in this run (${Object.values(ids).join(", ")}), which the ids allow (${run.operation.profile.idsChosenByCaller}); a scenario's steps would then be about another customer under the same ids, so it is skipped: give each fixture ids of its own`;
}

/** Notes a fixture's ids, each with the customer it belongs to: the fixture's first id (Juspay's customer_id). */
function noteIssued(run: ProviderRun, fixture: Fixture): void {
  const ids = Object.values(fixture);
  for (const id of ids) issuedOf(run).set(id, ids[0]);
}

/** One exchange of a step, with the answers of earlier sends when the step polled. */
interface Sent {
  exchange: Exchange;
  earlier: HttpResponse[];
  /** Time spent on the wire for this exchange and the earlier sends it repeats. */
  durationMs: number;
  /** A documented 5xx answered first, after which the request was sent once more (documentedFailureWait). */
  retried?: { status: number; afterMs: number };
  /** The request sent alongside the step's own (Step.alongside), and its path ids; absent for the step's own. */
  alongside?: { request: HttpRequest; pathParams: Record<string, string>; curl: () => string };
}

export async function runScenario(run: ProviderRun, scenario: Scenario): Promise<Result[]> {
  const op = run.operation.op;
  const base = { provider: op.provider, operationId: op.operationId, check: scenario.check, basis: scenario.basis };
  const fixtures: Fixture[] = [];
  // Each fixture's own values of the operation's query parameters, where its source named them.
  const scopes: Fixture[] = [];
  // A fixture whose ids the source handed out before in this run, where ids are the caller's own.
  let reused = false;
  const take = (values: Fixture): Fixture => {
    const [ids, scope] = splitScope(op, values);
    fixtures.push(ids);
    scopes.push(scope);
    if (run.operation.profile.idsChosenByCaller !== undefined && handedOutBefore(run, ids)) reused = true;
    noteIssued(run, ids);
    return ids;
  };
  if (scenario.fixtures > 0) {
    if (!run.target.fixtures) {
      return [{ ...base, case: scenario.id, outcome: "skipped", message: "no fixture source: pass --state-url, --fixtures or set " + run.operation.profile.fixturesEnv, durationMs: 0 }];
    }
    if (!run.target.fixtures.namesScope && scenario.steps.some((step) => step.plan.scopeQuery)) {
      return [{ ...base, case: scenario.id, outcome: "skipped", message: `needs the fixture's own ${scopeParamNames(op).join(", ")}, which ${run.target.fixtures.describe()} cannot name: pass --state-url (its setup answer may give them beside the ids)`, durationMs: 0 }];
    }
    if (scenario.fixtureParents && !run.target.fixtures.takesParams) {
      return [{ ...base, case: scenario.id, outcome: "skipped", message: `needs fixtures created under a given ${parentNames(scenario).join(", ")}, which ${run.target.fixtures.describe()} cannot make: pass --state-url`, durationMs: 0 }];
    }
    const started = performance.now();
    try {
      for (let i = 0; i < scenario.fixtures; i++) {
        if (i === scenario.lateFixture) break;
        const parents = parentValues(scenario, i, fixtures);
        const fixture = take(await run.target.fixtures.acquire(parents));
        if (reused) {
          await releaseAll(run, fixtures);
          return [{ ...base, case: scenario.id, outcome: "skipped", message: reusedMessage(run, fixture), durationMs: round(performance.now() - started) }];
        }
        const ignored = ignoredParents(parents, fixture);
        if (ignored.length > 0) {
          await releaseAll(run, fixtures);
          return [{ ...base, case: scenario.id, outcome: "skipped", message: `${run.target.fixtures.describe()} did not create the fixture under the ${ignored.join(", ")} asked for (params of the setup call)`, durationMs: round(performance.now() - started) }];
        }
      }
    } catch (error) {
      await releaseAll(run, fixtures);
      if (!(error instanceof FixtureError)) throw error;
      return [{ ...base, case: scenario.id, outcome: "errored", message: `fixture setup failed: ${error.message}`, durationMs: round(performance.now() - started) }];
    }
  }
  const results: Result[] = [];
  // Cookies the target set during this scenario, which a step may send back (replayCookies).
  const cookies = new Map<string, string>();
  // The answers to each step sent so far, by step index.
  const before: Array<ReadonlyArray<HttpResponse | undefined>> = [];
  // The path ids each step sent, by step index.
  const paramsBefore: Array<Readonly<Record<string, string>>> = [];
  // Fixtures whose scoped step was skipped (the source named no scope): the steps after it on the
  // same fixture assume that delete happened, so they are skipped too.
  const unscoped = new Set<number>();
  try {
    for (const [stepIndex, step] of scenario.steps.entries()) {
      const stepFixture = typeof step.fixture === "number" ? step.fixture : 0;
      if (typeof step.fixture === "number" && unscoped.has(stepFixture)) {
        results.push({ ...base, case: caseName({ scenario, step }), outcome: "skipped", message: `the step before it on this fixture was skipped: the state URL named none of ${scopeParamNames(op).join(", ")} for the fixture`, durationMs: 0 });
        before[stepIndex] = [];
        continue;
      }
      if (stepIndex === 1 && scenario.lateFixture !== undefined && fixtures.length === scenario.lateFixture) {
        const started = performance.now();
        try {
          const parents = parentValues(scenario, scenario.lateFixture, fixtures);
          const late = take(await run.target.fixtures!.acquire(parents));
          const ignored = ignoredParents(parents, late);
          if (ignored.length > 0) {
            results.push({ ...base, case: caseName({ scenario, step }), outcome: "skipped", message: `${run.target.fixtures!.describe()} did not create the fixture under the ${ignored.join(", ")} asked for (params of the setup call)`, durationMs: round(performance.now() - started) });
            break;
          }
          // A source that hands a deleted fixture's ids to the next one (the lowest free id) makes the
          // steps after it about another customer: the run cannot tell the target's answers apart.
          if (reused) {
            results.push({ ...base, case: caseName({ scenario, step }), outcome: "skipped", message: reusedMessage(run, late), durationMs: round(performance.now() - started) });
            break;
          }
        } catch (error) {
          if (!(error instanceof FixtureError)) throw error;
          results.push({ ...base, case: caseName({ scenario, step }), outcome: "errored", message: `fixture setup failed: ${error.message}`, durationMs: round(performance.now() - started) });
          break;
        }
      }
      const shaped = step.plan.shapedLike !== undefined && fixtures[step.plan.shapedLike] ? shapedParams(run, fixtures[step.plan.shapedLike]) : undefined;
      // Shaped ids, with those the step takes from fixtures kept (a parent of one fixture over an id shaped like another's).
      const fixtureIds = shaped ? { ...shaped, ...(step.fixture !== undefined ? stepPathParams(run, step, fixtures) : {}) } : stepPathParams(run, step, fixtures);
      const pathParams = reshapedIds(step.plan, pathNames(op), fixtureIds);
      if (pathParams === undefined) {
        results.push({ ...base, case: caseName({ scenario, step }), outcome: "skipped", message: "the fixture's ids hold no separator to regroup them at", durationMs: 0 });
        before[stepIndex] = [];
        continue;
      }
      if (!run.target.loopback && credentialInUrl(op, step.plan.auth)) {
        results.push({ ...base, case: caseName({ scenario, step }), outcome: "skipped", message: "a valid credential in the query string is sent only to a target on this machine (127.0.0.1, ::1, localhost): a URL is kept by proxies and access logs", durationMs: 0 });
        before[stepIndex] = [];
        continue;
      }
      const dense = denseNearMiss(step, pathParams);
      if (dense !== undefined) {
        results.push({ ...base, case: caseName({ scenario, step }), outcome: "skipped", message: `the fixture's ${dense} is of a dense id space (a short or all-digit last part), so its near miss may name another customer that exists, and payconform deletes only ids it obtained`, durationMs: 0 });
        before[stepIndex] = [];
        continue;
      }
      const namedFixture = crossedIntoOwn(step, pathNames(op), pathParams, fixtures);
      if (namedFixture !== undefined) {
        // Ids issued per parent (every customer's first account "bank_0001") cross into another
        // fixture's own pair: such a request is no crossing, and proves nothing either way.
        results.push({ ...base, case: caseName({ scenario, step }), outcome: "skipped", message: `the crossed ids name fixture ${namedFixture + 1}'s own (${pathNames(op).join(", ")}): the target issues these ids per parent, so they cannot be crossed`, durationMs: 0 });
        before[stepIndex] = [];
        continue;
      }
      const headerParams = step.headersFrom !== undefined ? { ...pathParams, ...fixtures[step.headersFrom] } : pathParams;
      const scope = step.plan.scopeQuery ? scopes[typeof step.fixture === "number" ? step.fixture : 0] : undefined;
      if (scope && Object.keys(scope).length === 0) {
        unscoped.add(stepFixture);
        results.push({ ...base, case: caseName({ scenario, step }), outcome: "skipped", message: `the state URL named none of ${scopeParamNames(op).join(", ")} for the fixture (its setup answer may give the fixture's own beside its ids)`, durationMs: 0 });
        before[stepIndex] = [];
        continue;
      }
      const scopeValue = (value: string) => (step.plan.scopeSpelling === "encoded-first" ? percentEncodedFirst(value, /[A-Za-z]/) : step.plan.scopeSpelling === "fullwidth-first" ? fullwidthFirst(value) : step.plan.scopeSpelling === "lower-case" ? value.toLowerCase() : value);
      const scoped = scope && Object.fromEntries(Object.entries(scope).map(([name, value]) => [name, `${scopeValue(value)}${step.plan.scopeSuffix ?? ""}`]));
      const queried = step.queryFrom !== undefined ? { ...step.plan, query: { ...step.plan.query, ...queryIds(fixtures[step.queryFrom], pathNames(op).at(-1)) } } : scoped ? { ...step.plan, query: { ...step.plan.query, ...scoped } } : step.plan;
      const plan = step.headerIdsFrom !== undefined && fixtures[step.headerIdsFrom] ? { ...queried, headers: { ...queried.headers, ...idHeaders(fixtures[step.headerIdsFrom]) } } : queried;
      const request = buildRequest(run.request, plan, pathParams, headerParams);
      // The fixture's path in a query value, its slashes as they are (RFC 3986 §3.4 allows them there).
      const pathInQuery = step.pathInQueryFrom !== undefined ? fixtures[step.pathInQueryFrom] : undefined;
      if (pathInQuery) request.url += `${request.url.includes("?") ? "&" : "?"}next=${operationPathOf(op, pathInQuery)}`;
      const formIds = step.formIdsFrom !== undefined ? fixtures[step.formIdsFrom] : undefined;
      if (formIds && request.body !== undefined && /form-urlencoded/.test(request.headers["content-type"] ?? "")) request.body = [request.body, new URLSearchParams(formIds).toString()].filter(Boolean).join("&");
      if (plan.replayCookies && cookies.size > 0) request.headers.cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
      if (plan.jsonBodyFrom !== undefined && fixtures[plan.jsonBodyFrom]) {
        // Its ids under their names and as one-element lists under the plural (`customer_ids`), which a bulk handler reads.
        const ids = fixtures[plan.jsonBodyFrom];
        request.body = JSON.stringify({ ...ids, ...Object.fromEntries(Object.entries(ids).map(([name, value]) => [`${name}s`, [value]])) });
        request.headers["content-type"] = "application/json";
      }
      if (plan.formBodyFrom !== undefined && fixtures[plan.formBodyFrom]) {
        request.body = new URLSearchParams(fixtures[plan.formBodyFrom]).toString();
        request.headers["content-type"] = "application/x-www-form-urlencoded";
      }
      if (plan.requestBodyFrom !== undefined && fixtures[plan.requestBodyFrom]) {
        request.body = requestAsText(buildRequest(run.request, planOf(), fixtures[plan.requestBodyFrom]));
        request.headers["content-type"] = "text/plain";
      }
      const stepCurl = curlOf(request, run.secrets);
      const configuredScopes = scopeValues(run, plan);
      const respelled = step.burstRespelled ? [buildRequest(run.request, { ...plan, encodedIds: pathNames(op) }, pathParams, headerParams)] : [];
      const sent: Sent[] = step.burst ? (await run.client.burst(request, step.burst, respelled)).map((exchange) => ({ exchange, earlier: [], durationMs: exchange.durationMs })) : await sendAlongside(run, step, request, fixtures);
      const responses = sent.map((s) => s.exchange.response);
      run.tally.sent += sent.length;
      // A 429 beyond the retries: the step is not judged, only checked for what no answer may show.
      const limited = responses.filter((response) => rateLimited(op, response)).length;
      run.tally.rateLimited += limited;
      let faulted = false;
      for (const [index, { exchange, earlier, durationMs, alongside, retried }] of sent.entries()) {
        // A burst's respelled copies carry requests of their own.
        const sentRequest = alongside?.request ?? (step.burstRespelled ? exchange.request : request);
        const facts: SentFacts = { method: request.method, path: recordedPath(sentRequest.url, run.secrets), durationMs: round(durationMs) };
        const curl = alongside?.curl ?? (sentRequest !== request ? curlOf(sentRequest, run.secrets) : stepCurl);
        const judged: Step = alongside ? { ...step, label: `${step.label}, fixture ${step.alongside! + 1}`, fixture: step.alongside } : step;
        const burst = step.burst ? { index, responses } : undefined;
        if (limited > 0) results.push({ ...base, case: caseName({ scenario, step: judged, burst }), outcome: "warning", message: notJudgedMessage(exchange, RUN_HINT), curl: curl(), ...facts });
        if (retried) results.push({ ...base, check: "status_code_conformance", case: caseName({ scenario, step: judged, burst }), outcome: "warning", basis: "assumed", message: `the target answered ${retried.status}, which the doc lists for this operation, to a delete of a fixture; payconform sent it again ${retried.afterMs} ms later and judges the answer to that (that a documented ${retried.status} is a passing failure is assumed)${retriedOutcome(run, exchange.response)}`, curl: curl(), ...facts });
        if (!exchange.response) {
          const fault = exchange.fault!;
          results.push({ ...base, case: caseName({ scenario, step: judged, burst }), outcome: "errored", message: `${fault.kind}: ${fault.message}`, curl: curl(), ...facts });
          faulted = true;
          continue;
        }
        keepCookies(cookies, exchange.response);
        const input: CheckInput = {
          operation: run.operation,
          scenario,
          step: judged,
          request: sentRequest,
          response: exchange.response,
          json: parseJson(exchange.response.text, run.secrets),
          pathParams: alongside?.pathParams ?? pathParams,
          // Only a request crossing two fixtures can name one scope and disclose the other's ids.
          // So can one naming another account than the configured one: that one is the other scope's.
          unnamedIds: fixtures.length > 1 || configuredScopes.length > 0 ? unnamedIds(fixtures.length > 1 ? fixtures : [], sentRequest, configuredScopes) : undefined,
          runIds: issuedOf(run),
          secrets: run.echoSecrets ?? run.secrets,
          identifiers: run.echoIdentifiers,
          burst,
          earlier,
          before,
          paramsBefore,
        };
        const judgedResults = evaluate(input, { strict: run.strict, curl, sent: facts }, limited > 0 ? ANY_ANSWER_CHECKS : undefined);
        results.push(...(exchange.retries > 0 ? judgedResults.map((result) => afterRateLimit(result, exchange.retries)) : judgedResults));
      }
      before[stepIndex] = responses;
      paramsBefore[stepIndex] = pathParams;
      // The fixture's state is unknown after a step that was not judged, and after a fault.
      if (faulted || limited > 0) break;
    }
  } finally {
    await releaseAll(run, fixtures);
  }
  return results;
}

/**
 * Near misses that keep an id's form (one character fewer or changed, a prefix cut, a 0 put in): where
 * the fixture's id has no random part to speak of (fixture-shaped.ts finds none), the neighbour
 * they name may be a real customer. The path parameter of such a step, or undefined.
 */
function denseNearMiss(step: Step, pathParams: Record<string, string>): string | undefined {
  if (step.fixture === undefined) return undefined;
  for (const [name, kind] of Object.entries(step.plan.nearMissIds ?? {})) {
    const value = pathParams[name] ?? "";
    if (fixtureShaped(value) === undefined && keepsForm(value, kind)) return `${name} ${value}`;
  }
  return undefined;
}

/** The operation's path naming `ids`. */
function operationPathOf(op: ProviderRun["operation"]["op"], ids: Record<string, string>): string {
  return op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(ids[name] ?? ""));
}

function pathNames(op: ProviderRun["operation"]["op"]): string[] {
  return op.parameters.filter((p) => p.in === "path").map((p) => p.name);
}

/** The index of the fixture whose own ids a crossed step's path ids all are (a cross that names no other fixture: undefined). */
function crossedIntoOwn(step: Step, names: readonly string[], pathParams: Record<string, string>, fixtures: readonly Fixture[]): number | undefined {
  if (typeof step.fixture !== "object") return undefined;
  const index = fixtures.findIndex((fixture) => names.every((name) => fixture[name] === pathParams[name]));
  return index < 0 ? undefined : index;
}

/** Adds the name=value of every cookie the answer sets (Set-Cookie lines joined by Node with ", "). */
function keepCookies(cookies: Map<string, string>, response: HttpResponse): void {
  const set = response.headers["set-cookie"];
  if (!set) return;
  for (const line of set.split(/,\s*(?=[^;=\s]+=)/)) {
    const pair = line.split(";")[0];
    const at = pair.indexOf("=");
    if (at > 0) cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
}

/** The scenario's fixture ids the request does not carry, in its URL or a header. */
/** What the answer to a delete sent again after a documented 5xx says of the first one. */
function retriedOutcome(run: ProviderRun, response: HttpResponse | undefined): string {
  if (!response) return "";
  const { status } = run.operation.profile.notFound;
  return response.status === status ? `; it got ${response.status}, the not-found status: if the fixture is gone, the first delete had taken effect and its 5xx was answered for a delete that happened` : `; it got ${response.status}`;
}

/** Whether the plan sends a valid credential of one of the operation's schemes in the request's URL. */
function credentialInUrl(op: OperationSpec, auth: AuthPlan): boolean {
  return op.security.some((scheme) => credentialState(auth, scheme.name) === "in-query");
}

/** A fixture's ids in headers named after their path parameters: `customer_id` as X-Customer-Id and Customer-Id. */
function idHeaders(fixture: Fixture): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(fixture)) {
    const kebab = name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").replace(/_/g, "-").toLowerCase();
    out[`x-${kebab}`] = out[kebab] = value;
  }
  return out;
}

/** The fixture's ids under their own names and under the other case convention (`customerId` for `customer_id`, and back), as a binder reading either takes them from the query, and the resource's as `id` (a route whose own parameter is named so). */
function queryIds(fixture: Fixture | undefined, resource?: string): Record<string, string> {
  const out: Record<string, string> = resource !== undefined && fixture?.[resource] !== undefined ? { id: fixture[resource] } : {};
  for (const [name, value] of Object.entries(fixture ?? {})) {
    const other = name.includes("_") ? name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) : name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
    out[name] = out[other] = value;
  }
  return out;
}

function unnamedIds(fixtures: readonly Fixture[], request: HttpRequest, scopes: readonly string[] = []): string[] {
  const carried = `${decodeOrKeep(request.url)}\n${headerLines(request).map(([, v]) => v).join("\n")}`;
  return [...new Set([...fixtures.flatMap((f) => Object.values(f)), ...scopes])].filter((id) => !carried.includes(id));
}

/** The configured values of the headers that name the account a request acts for (Yuno's x-account-code), which the plan replaces. */
function scopeValues(run: ProviderRun, plan: RequestPlan): string[] {
  return Object.entries(run.operation.profile.headerValues).flatMap(([name, source]) => (source.kind === "env" && (plan.headers[name] !== undefined || plan.headerSpellings?.[name] !== undefined) ? [run.request.credentials[source.env] ?? ""] : [])).filter(Boolean);
}


function decodeOrKeep(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** The parent ids fixture `index` must share with earlier fixtures, by parameter name. */
function parentValues(scenario: Scenario, index: number, fixtures: readonly Fixture[]): Record<string, string> {
  const parents = scenario.fixtureParents?.[index] ?? {};
  return Object.fromEntries(Object.entries(parents).map(([name, from]) => [name, fixtures[from][name]]));
}

function parentNames(scenario: Scenario): string[] {
  return [...new Set((scenario.fixtureParents ?? []).flatMap((p) => Object.keys(p ?? {})))];
}

/** Milliseconds to a microsecond. */
function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/**
 * The path and query as sent, for the result to record, with any credential in the query
 * (auth_enforcement's in-query case) replaced by the mask already: the reports mask it anyway, but
 * a passed result that holds none spares the masking of the run's results its full patterns.
 */
function recordedPath(url: string, secrets: readonly string[]): string {
  let path = pathOf(url);
  const query = path.indexOf("?");
  if (query === -1) return path;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    const encoded = encodeURIComponent(secret);
    if (secret.length >= MIN_SECRET_LENGTH && path.includes(encoded, query)) path = path.slice(0, query) + path.slice(query).split(encoded).join(MASK);
  }
  return path;
}

/** The path and query of an absolute URL, as sent. */
function pathOf(url: string): string {
  const at = url.indexOf("/", url.indexOf("//") + 2);
  return at === -1 ? "/" : url.slice(at);
}

/** Every path parameter as an id of the fixture's shape that was never issued; undefined when one has no such id (fixture-shaped.ts). */
function shapedParams(run: ProviderRun, fixture: Fixture): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const p of run.operation.op.parameters) {
    if (p.in !== "path") continue;
    const shaped = fixture[p.name] === undefined ? undefined : fixtureShaped(fixture[p.name]);
    if (shaped === undefined) return undefined;
    params[p.name] = shaped;
  }
  return params;
}

/** The step's path parameter values: its plan's, with those it takes from fixtures filled in. */
function stepPathParams(run: ProviderRun, step: Step, fixtures: readonly Fixture[]): Record<string, string> {
  if (step.fixture === undefined) return step.plan.pathParams;
  const values = { ...step.plan.pathParams };
  for (const param of run.operation.op.parameters) {
    if (param.in !== "path") continue;
    const index = fixtureIndexFor(step, param.name);
    const value = index === undefined ? undefined : fixtures[index]?.[param.name];
    if (value !== undefined) values[param.name] = value;
  }
  return values;
}

/** The step's request, and with Step.alongside the same request for that fixture at the same moment. */
async function sendAlongside(run: ProviderRun, step: Step, request: HttpRequest, fixtures: readonly Fixture[]): Promise<Sent[]> {
  const other = step.alongside === undefined ? undefined : fixtures[step.alongside];
  if (!other) return [await sendPolling(run, step, request)];
  const pathParams = stepPathParams(run, { ...step, fixture: step.alongside }, fixtures);
  const second = buildRequest(run.request, step.plan, pathParams, pathParams);
  const [own, alongside] = await Promise.all([sendPolling(run, step, request), sendPolling(run, step, second)]);
  return [own, { ...alongside, alongside: { request: second, pathParams, curl: curlOf(second, run.secrets) } }];
}

/** Sends the request; a polling step sends it again, a bounded number of times, while it gets the documented success. */
async function sendPolling(run: ProviderRun, step: Step, request: HttpRequest): Promise<Sent> {
  const successes = successStatuses(run.operation.op);
  const earlier: HttpResponse[] = [];
  let durationMs = 0;
  let retried: Sent["retried"];
  for (let attempt = 0; ; attempt++) {
    let exchange = await run.client.send(request);
    durationMs += exchange.durationMs;
    const wait = attempt === 0 ? documentedFailureWait(run, step, exchange.response) : undefined;
    if (wait !== undefined) {
      // The provider documents this 5xx as an answer a delete may get (Cashfree's 500
      // deletion_failed): the delete is sent once more, and the answer to that is judged.
      retried = { status: exchange.response!.status, afterMs: wait };
      earlier.push(exchange.response!);
      await pause(wait);
      exchange = await run.client.send(request);
      durationMs += exchange.durationMs;
    }
    const again = step.pollWhileSuccess && exchange.response && successes.includes(exchange.response.status) && attempt < POLL_DELAYS_MS.length;
    if (!again) return { exchange, earlier, durationMs, ...(retried ? { retried } : {}) };
    earlier.push(exchange.response!);
    await pause(POLL_DELAYS_MS[attempt]);
  }
}

/** How long to wait before sending again a delete of a fixture that got a documented 5xx: its Retry-After, up to a bound, else a moment; undefined for any other answer or step. */
function documentedFailureWait(run: ProviderRun, step: Step, response: HttpResponse | undefined): number | undefined {
  if (!response || response.status < 500 || step.fixture === undefined || !["success", "survives", "carried"].includes(step.expect)) return undefined;
  if (responseFor(run.operation.op, response.status) === undefined) return undefined;
  return Math.min(retryAfterMs(response.headers["retry-after"]) ?? DOCUMENTED_5XX_WAIT_MS, MAX_DOCUMENTED_5XX_WAIT_MS);
}

async function releaseAll(run: ProviderRun, fixtures: readonly Fixture[]): Promise<void> {
  for (const fixture of fixtures) await run.target.fixtures!.release(fixture);
}

/** The request as a curl command, rendered only when a result needs one (passed results do not). */
function curlOf(request: HttpRequest, secrets: readonly string[]): () => string {
  return () => toCurl(request, secrets);
}

/**
 * The body as JSON, or why it is not. The reason quotes the start of the body, so it is built
 * from the body with every secret masked: a quote cut short would otherwise keep part of one.
 */
export function parseJson(text: string, secrets: readonly string[]): CheckInput["json"] {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const masked = redact(text, secrets);
    const preview = masked.length > 60 ? `${masked.slice(0, 60)}…` : masked;
    return { ok: false, error: `${jsonSyntaxError(masked)} (body starts ${JSON.stringify(preview)})` };
  }
}

function jsonSyntaxError(text: string): string {
  try {
    JSON.parse(text);
    return "not valid JSON";
  } catch (error) {
    return (error as Error).message;
  }
}
