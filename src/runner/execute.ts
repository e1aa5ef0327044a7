/**
 * Runs one provider's scenarios against an open target: fixtures first where needed, steps in
 * order, every check on every exchange. Faults in the target become errored results; the run
 * goes on with the other scenarios.
 */
import type { Scenario } from "../cases/model.ts";
import type { CheckInput, OperationContext } from "../checks/types.ts";
import { FixtureError } from "../errors.ts";
import { toCurl } from "../http/curl.ts";
import { redact } from "../http/redact.ts";
import type { HttpClient } from "../http/client.ts";
import type { HttpRequest } from "../http/types.ts";
import { buildRequest, type RequestContext } from "./build-request.ts";
import { caseName, evaluate } from "./evaluate.ts";
import type { Result } from "./events.ts";
import type { OpenTarget } from "./target.ts";

export interface ProviderRun {
  operation: OperationContext;
  request: RequestContext;
  target: OpenTarget;
  client: HttpClient;
  strict: boolean;
  secrets: string[];
}

export async function runScenario(run: ProviderRun, scenario: Scenario): Promise<Result[]> {
  const op = run.operation.op;
  const base = { provider: op.provider, operationId: op.operationId, check: scenario.check, basis: scenario.basis };
  let fixture: Record<string, string> | undefined;
  if (scenario.fixture) {
    if (!run.target.fixtures) {
      return [{ ...base, case: scenario.id, outcome: "skipped", message: "no fixture source: pass --state-url, --fixtures or set " + run.operation.profile.fixturesEnv }];
    }
    try {
      fixture = await run.target.fixtures.acquire();
    } catch (error) {
      if (!(error instanceof FixtureError)) throw error;
      return [{ ...base, case: scenario.id, outcome: "errored", message: `fixture setup failed: ${error.message}` }];
    }
  }
  const results: Result[] = [];
  try {
    for (const step of scenario.steps) {
      const pathParams = step.useFixture && fixture ? fixture : step.plan.pathParams;
      const request = buildRequest(run.request, step.plan, pathParams);
      const curl = curlOf(request, run.secrets);
      const exchange = await run.client.send(request);
      if (!exchange.response) {
        const fault = exchange.fault!;
        results.push({ ...base, case: caseName({ scenario, step }), outcome: "errored", message: `${fault.kind}: ${fault.message}`, curl: curl() });
        break;
      }
      const text = exchange.response.text;
      const input: CheckInput = {
        operation: run.operation,
        scenario,
        step,
        request,
        response: exchange.response,
        json: parseJson(text, run.secrets),
        pathParams,
        secrets: run.secrets,
      };
      results.push(...evaluate(input, { strict: run.strict, curl }));
    }
  } finally {
    if (fixture) await run.target.fixtures!.release(fixture);
  }
  return results;
}

/** The request as a curl command, rendered only when a result needs one (passed results do not). */
function curlOf(request: HttpRequest, secrets: readonly string[]): () => string {
  return () => toCurl(request, secrets);
}

/**
 * The body as JSON, or why it is not. The reason quotes the start of the body, so it is built
 * from the body with every secret masked: a quote cut short would otherwise keep part of one.
 */
function parseJson(text: string, secrets: readonly string[]): CheckInput["json"] {
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
