/**
 * A conformance run: for each provider, derive the scenarios from its spec, open the target,
 * run every scenario with bounded concurrency, and emit results to the reporters. Reports are
 * always finished, even when a tool error or an interrupt (options.signal) stops the run: the
 * results of every scenario that completed, and a `run-aborted` event that says why
 * ("interrupted" for SIGINT/SIGTERM).
 *
 * Every credential the run sends is registered with src/output.ts as soon as it is known. A
 * provider's results are masked (src/output.ts) as its part ends, before they reach the
 * reporters, and its credentials are released then: a run of many providers masks every text
 * against one provider's credentials at a time, not against all of them, and what the reporters
 * keep holds no credential. (They mask again whatever they print or write.)
 */
import { deriveScenarios } from "../cases/derive.ts";
import { forkRng } from "../cases/random.ts";
import type { OperationContext } from "../checks/types.ts";
import { SpecError } from "../errors.ts";
import { createHttpClient, interruption } from "../http/client.ts";
import { redactUrl } from "../http/redact.ts";
import { mask, protectSecrets } from "../output.ts";
import { PROFILES } from "../profiles/index.ts";
import type { HttpProvider } from "../providers.ts";
import { loadSpec } from "../spec/load.ts";
import { TOOL_NAME, VERSION } from "../version.ts";
import { compileResponseValidators } from "../spec/validators.ts";
import { authenticatingCredentials, identifyingCredentials, nearMissSecrets, withoutIdentifiers, wrongCredentials } from "./credentials.ts";
import { summarize, type Reporter, type Result, type RunEvent, type Summary } from "./events.ts";
import { runScenario, type ProviderRun } from "./execute.ts";
import { mostlyRateLimited } from "./rate-limited.ts";
import { maskResults } from "./mask-results.ts";
import type { RunOptions } from "./options.ts";
import { regroupedCredentials, respelledBasicTokens } from "./build-request.ts";
import { checkTargetOptions, openTarget } from "./target.ts";
import { youngGenerationCap } from "./young-generation.ts";

export async function run(options: RunOptions, reporters: readonly Reporter[]): Promise<Summary> {
  const young = youngGenerationCap();
  const emit = (event: RunEvent): void => {
    if (event.type === "progress") young.check();
    reporters.forEach((r) => r.handle(event));
  };
  // The run's totals as its parts end; the results themselves stay with the reporters.
  const totals: Summary = { passed: 0, failed: 0, errored: 0, skipped: 0, warnings: 0 };
  const releases: Array<() => void> = [];
  try {
    emit({
      type: "run-start",
      at: Date.now(),
      tool: TOOL_NAME,
      version: VERSION,
      providers: options.providers,
      seed: options.seed,
      strict: options.strict,
      target: options.target === undefined ? "embedded sandbox" : redactUrl(options.target),
      ...(options.stateUrl === undefined ? {} : { stateUrl: redactUrl(options.stateUrl) }),
    });
    stopIfAborted(options.signal);
    checkTargetOptions(options);
    for (const provider of options.providers) {
      stopIfAborted(options.signal);
      const part = summarize(await runProvider(provider, options, emit, releases));
      for (const key of Object.keys(totals) as Array<keyof Summary>) totals[key] += part[key];
    }
    const summary = { ...totals };
    emit({ type: "run-end", at: Date.now(), summary });
    return summary;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    emit({ type: "run-aborted", at: Date.now(), message: message.split("\n")[0] });
    // The CLI prints the message after the run has released the stopped part's credentials.
    if (error instanceof Error) {
      error.message = mask(error.message);
      if (error.stack !== undefined) error.stack = mask(error.stack);
    }
    throw error;
  } finally {
    await Promise.all(reporters.map((r) => r.finish()));
    // A part stopped by an error kept its credentials until the reports and the error's message were masked.
    for (const release of releases) release();
    young.release();
  }
}

/** Everything about one provider's operation that is computed once, before any request. */
export function operationContext(provider: HttpProvider): OperationContext {
  const profile = PROFILES[provider];
  const spec = loadSpec(provider);
  const op = spec.operations.find((o) => o.operationId === profile.operationId);
  if (!op) throw new SpecError(`${spec.file} has no operation ${profile.operationId}`);
  return { op, profile, validators: compileResponseValidators(op) };
}

/**
 * Runs one provider's scenarios and emits their results in scenario order. When the run stops
 * part-way (a tool error, an interrupt), the results of the scenarios that completed are emitted
 * before the error goes on; scenarios still in flight are dropped, never half-reported.
 */
async function runProvider(provider: HttpProvider, options: RunOptions, emit: (e: RunEvent) => void, releases: Array<() => void>): Promise<Result[]> {
  const operation = operationContext(provider);
  const scenarios = deriveScenarios(operation.op, options.seed);
  const target = await openTarget(loadSpec(provider), operation.op, operation.profile, options);
  const client = createHttpClient(options);
  const wrong = wrongCredentials(target.credentials, forkRng(options.seed, `${provider}:wrong-credentials`));
  // The API keys regrouped across their headers (auth_enforcement) hold parts of them: secrets too.
  const secretsOf = (credentials: Record<string, string>, wrongOnes: Record<string, string>): string[] => [
    ...new Set([...Object.values(credentials), ...Object.values(wrongOnes), ...nearMissSecrets(credentials, operation.profile), ...Object.values(regroupedCredentials(operation.op, operation.profile, credentials))]),
  ];
  const secrets = [...secretsOf(target.credentials, wrong), ...respelledBasicTokens(operation.op, operation.profile, target.credentials)];
  const authenticating = authenticatingCredentials(target.credentials, operation.profile);
  const identifying = identifyingCredentials(target.credentials, operation.profile);
  // Their near misses too: one character short, an app ID's near miss is a part of it.
  const echoIdentifiers = secretsOf(identifying, Object.fromEntries(Object.entries(wrong).filter(([name]) => name in identifying)));
  const echoSecrets = withoutIdentifiers(secretsOf(authenticating, Object.fromEntries(Object.entries(wrong).filter(([name]) => name in authenticating))), echoIdentifiers);
  const release = protectSecrets(secrets);
  // Released as soon as the part ends normally; a part stopped by an error keeps them until the
  // run ends, since the error's message is printed after it.
  let ended = false;
  const providerRun: ProviderRun = {
    operation,
    request: { op: operation.op, profile: operation.profile, baseUrl: target.baseUrl, credentials: target.credentials, wrongCredentials: wrong },
    target,
    client,
    strict: options.strict,
    secrets,
    echoSecrets,
    echoIdentifiers,
    tally: { sent: 0, rateLimited: 0 },
  };
  emit({ type: "provider-start", at: Date.now(), provider, target: target.embedded ? "embedded sandbox" : target.baseUrl, embedded: target.embedded, scenarios: scenarios.length });
  const completed: Array<Result[] | undefined> = scenarios.map(() => undefined);
  let done = 0;
  const emitCompleted = (): Result[] => {
    const results = maskResults(completed.flatMap((r) => r ?? []));
    for (const result of results) emit({ type: "result", result });
    return results;
  };
  try {
    const work = Promise.all(
      scenarios.map(async (scenario, i) => {
        completed[i] = await runScenario(providerRun, scenario);
        emit({ type: "progress", provider, done: ++done, total: scenarios.length });
      }),
    );
    work.catch(() => undefined);
    try {
      await untilAborted(work, options.signal);
    } catch (error) {
      emitCompleted();
      throw error;
    }
    const limited = mostlyRateLimited(providerRun.tally.rateLimited, providerRun.tally.sent);
    if (limited) completed.push([{ provider, operationId: operation.op.operationId, check: "status_code_conformance", case: "answers rate-limited", outcome: "errored", message: limited, basis: "documented" }]);
    const results = emitCompleted();
    ended = true;
    return results;
  } finally {
    client.close();
    await target.close();
    emit({ type: "provider-end", at: Date.now(), provider });
    if (ended) release();
    else releases.push(release);
  }
}

function stopIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw interruption(signal);
}

/** `work`, or an InterruptedError as soon as `signal` fires. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(interruption(signal));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
