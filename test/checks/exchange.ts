/**
 * One exchange of a derived scenario, answered as a test says, for checking a check on its own:
 * the scenario and step come from the real derivation, the answer from the table row.
 */
import { deriveScenarios } from "../../src/cases/derive.ts";
import type { Scenario, Step } from "../../src/cases/model.ts";
import type { CheckInput } from "../../src/checks/types.ts";
import type { HttpResponse } from "../../src/http/types.ts";
import type { HttpProvider } from "../../src/providers.ts";
import { buildRequest } from "../../src/runner/build-request.ts";
import { operationContext } from "../../src/runner/run.ts";
import { contextOf, MADE_UP_IDS } from "../cases/probe-requests.ts";

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function response({ status, body, headers = {} }: Answer): HttpResponse {
  const text = body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body);
  return { status, headers, text, mediaType: body === undefined ? undefined : typeof body === "string" ? "text/plain" : "application/json" };
}

/** The provider's derived scenario with this id (or the first of this check), and its step by label (or index). */
export function scenarioOf(provider: HttpProvider, which: { id?: string; check?: string }): Scenario {
  const op = operationContext(provider).op;
  const scenario = deriveScenarios(op, 1).find((s) => (which.id ? s.id === which.id : s.check === which.check));
  if (!scenario) throw new Error(`no scenario ${JSON.stringify(which)} for ${provider}`);
  return scenario;
}

export function exchange(provider: HttpProvider, scenario: Scenario, step: Step | number, answer: Answer, extra: Partial<CheckInput> = {}): CheckInput {
  const operation = operationContext(provider);
  const s = typeof step === "number" ? scenario.steps[step] : step;
  const res = response(answer);
  let json: CheckInput["json"];
  try {
    json = { ok: true, value: JSON.parse(res.text) };
  } catch {
    json = { ok: false, error: "not JSON" };
  }
  return {
    operation,
    scenario,
    step: s,
    // The request as the runner builds it from the step's plan, with made-up ids.
    request: buildRequest(contextOf(provider, "http://127.0.0.1"), s.plan, { ...MADE_UP_IDS, ...s.plan.pathParams }, { ...MADE_UP_IDS, ...s.plan.pathParams }),
    response: res,
    json,
    pathParams: {},
    secrets: [],
    earlier: [],
    ...extra,
  };
}
