/**
 * The one signature every check has. A check looks at one exchange in its scenario and returns
 * the violations it finds (an empty list: the exchange passes), or undefined when it does not
 * apply to that exchange. Violations are data.
 */
import type { ValidateFunction } from "ajv";
import type { Scenario, Step } from "../cases/model.ts";
import type { HttpResponse, HttpRequest } from "../http/types.ts";
import type { ProviderProfile } from "../profiles/profile.ts";
import type { Basis, OperationSpec } from "../spec/model.ts";
import type { CheckId } from "./ids.ts";

export type Severity = "failure" | "warning";

export interface Violation {
  check: CheckId;
  provider: string;
  operationId: string;
  case: string;
  expected: string;
  actual: string;
  message: string;
  severity: Severity;
  basis: Basis;
}

/** Spec-derived facts about one operation, computed once per run. */
export interface OperationContext {
  op: OperationSpec;
  profile: ProviderProfile;
  /** Compiled response-body validators by status. */
  validators: Map<number, ValidateFunction>;
}

export interface CheckInput {
  operation: OperationContext;
  scenario: Scenario;
  step: Step;
  request: HttpRequest;
  response: HttpResponse;
  /** The body parsed as JSON, when it parses. */
  json: { ok: true; value: unknown } | { ok: false; error: string };
  /** Path parameter values sent in this step. */
  pathParams: Record<string, string>;
  /** Ids of the scenario's fixtures this request does not carry (another scope's): an answer must not disclose them. */
  unnamedIds?: readonly string[];
  /**
   * Every fixture id the provider's run has set up so far, in every scenario, with the customer it
   * belongs to (its fixture's first path parameter): other customers an answer must not name unasked.
   */
  runIds?: ReadonlyMap<string, string>;
  /** Every credential value the request carried (valid or wrong). */
  secrets: readonly string[];
  /** Keys that name the caller beside a secret that authenticates it (Cashfree's App ID), kept out of `secrets` (credentials.ts, withoutIdentifiers): an echo of one of these alone is a warning. */
  identifiers?: readonly string[];
  /**
   * For a step sent as a burst of identical requests in flight at once: this exchange's index,
   * and every answer of the burst (undefined where the target failed at the transport level).
   */
  burst?: { index: number; responses: ReadonlyArray<HttpResponse | undefined> };
  /** Answers to earlier sends of the same request, when the step polled while it got the documented success. */
  earlier: readonly HttpResponse[];
  /** The answers to each earlier step of the scenario, by step index (a burst's all; undefined where the target failed). */
  before?: ReadonlyArray<ReadonlyArray<HttpResponse | undefined>>;
  /** The path ids each earlier step sent, by step index (absent for a step skipped before sending). */
  paramsBefore?: ReadonlyArray<Readonly<Record<string, string>> | undefined>;
}

/** A violation before the runner stamps provider, operation and case on it. */
export interface Finding {
  expected: string;
  actual: string;
  message: string;
  severity?: Severity;
  basis?: Basis;
}

export type CheckFn = (input: CheckInput) => Finding[] | undefined;

export interface Check {
  id: CheckId;
  run: CheckFn;
}

/** A body parsed as JSON, or why it does not parse (the reason names no part of the body). */
export function parseJsonBody(text: string): CheckInput["json"] {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
