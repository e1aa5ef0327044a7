/**
 * A conformance run: for each provider, derive the scenarios from its spec, open the target,
 * run every scenario with bounded concurrency, and emit results to the reporters. Reports are
 * always finished, even when a tool error stops the run: the results so far, and a
 * `run-aborted` event that says why.
 */
import { deriveScenarios } from "../cases/derive.ts";
import { forkRng } from "../cases/random.ts";
import type { OperationContext } from "../checks/types.ts";
import { SpecError } from "../errors.ts";
import { createHttpClient } from "../http/client.ts";
import { redact } from "../http/redact.ts";
import { PROFILES } from "../profiles/index.ts";
import type { HttpProvider } from "../providers.ts";
import { loadSpec } from "../spec/load.ts";
import { compileResponseValidators } from "../spec/validators.ts";
import { nearMissSecrets, wrongCredentials } from "./credentials.ts";
import { summarize, type Reporter, type Result, type RunEvent, type Summary } from "./events.ts";
import { runScenario, type ProviderRun } from "./execute.ts";
import type { RunOptions } from "./options.ts";
import { checkTargetOptions, openTarget } from "./target.ts";

export async function run(options: RunOptions, reporters: readonly Reporter[]): Promise<Summary> {
  const emit = (event: RunEvent): void => reporters.forEach((r) => r.handle(event));
  const all: Result[] = [];
  try {
    emit({ type: "run-start", providers: options.providers, seed: options.seed });
    checkTargetOptions(options);
    for (const provider of options.providers) all.push(...(await runProvider(provider, options, emit)));
    const summary = summarize(all);
    emit({ type: "run-end", summary });
    return summary;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    emit({ type: "run-aborted", message: message.split("\n")[0] });
    throw error;
  } finally {
    await Promise.all(reporters.map((r) => r.finish()));
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

async function runProvider(provider: HttpProvider, options: RunOptions, emit: (e: RunEvent) => void): Promise<Result[]> {
  const operation = operationContext(provider);
  const scenarios = deriveScenarios(operation.op, options.seed);
  const target = await openTarget(loadSpec(provider), operation.op, operation.profile, options);
  const client = createHttpClient(options);
  const wrong = wrongCredentials(target.credentials, forkRng(options.seed, `${provider}:wrong-credentials`));
  // Longest first, so that a secret is masked whole before a near miss of it (one character short) is.
  const secrets = [...new Set([...Object.values(target.credentials), ...Object.values(wrong), ...nearMissSecrets(target.credentials)])].sort((a, b) => b.length - a.length);
  const providerRun: ProviderRun = {
    operation,
    request: { op: operation.op, profile: operation.profile, baseUrl: target.baseUrl, credentials: target.credentials, wrongCredentials: wrong },
    target,
    client,
    strict: options.strict,
    secrets,
  };
  emit({ type: "provider-start", provider, target: target.embedded ? "embedded sandbox" : target.baseUrl, embedded: target.embedded, scenarios: scenarios.length });
  let done = 0;
  try {
    const perScenario = await Promise.all(
      scenarios.map(async (scenario) => {
        const results = await runScenario(providerRun, scenario);
        emit({ type: "progress", provider, done: ++done, total: scenarios.length });
        return results;
      }),
    );
    const results = perScenario.flat().map((r) => redactResult(r, secrets));
    for (const result of results) emit({ type: "result", result });
    return results;
  } finally {
    client.close();
    await target.close();
    emit({ type: "provider-end", provider });
  }
}

/** A result with every secret masked in its message, expected and actual; the result itself when none holds one. */
export function redactResult(result: Result, secrets: readonly string[]): Result {
  const message = redact(result.message, secrets);
  const expected = result.expected === undefined ? undefined : redact(result.expected, secrets);
  const actual = result.actual === undefined ? undefined : redact(result.actual, secrets);
  if (message === result.message && expected === result.expected && actual === result.actual) return result;
  const out: Result = { ...result, message };
  if (expected !== undefined) out.expected = expected;
  if (actual !== undefined) out.actual = actual;
  return out;
}
