/**
 * Cases derived from a spec. A scenario is a short sequence of requests (most have one step;
 * delete_semantics deletes a fixture and then deletes it again). Each scenario names the check
 * it exists for; the response-level checks run on every step as well.
 */
import type { CheckId } from "../checks/ids.ts";
import type { Basis } from "../spec/model.ts";
import type { HttpProvider } from "../providers.ts";

export type AuthMode =
  | { kind: "valid" }
  | { kind: "missing" }
  | { kind: "missing-one"; scheme: string }
  | { kind: "wrong" };

/** How a step's request departs from a valid request. */
export interface RequestPlan {
  /** Path parameter values; parameters not named here get a value that never existed. */
  pathParams: Record<string, string>;
  query: Record<string, string>;
  /** Header values that replace the valid ones. */
  headers: Record<string, string>;
  /** Headers left out of the request (lowercase names). */
  omitHeaders: string[];
  /** Body override: a string replaces the valid body, null sends no body. */
  body?: string | null;
  auth: AuthMode;
}

/** What the documents say the step must get. */
export type Expectation = "success" | "not-found" | "rejected";

export interface Step {
  label: string;
  plan: RequestPlan;
  /** Take path parameter values from the scenario's fixture. */
  useFixture: boolean;
  expect: Expectation;
}

export interface Scenario {
  /** Stable, human-readable id, unique within the operation. */
  id: string;
  provider: HttpProvider;
  operationId: string;
  check: CheckId;
  /** The request is deliberately invalid (a bad value, a missing header, bad credentials). */
  negative: boolean;
  /** Whether the expectation rests on a documented or an assumed fact. */
  basis: Basis;
  /** Needs a deletable customer obtained as a fixture. */
  fixture: boolean;
  description: string;
  steps: Step[];
}

export function plan(overrides: Partial<RequestPlan> = {}): RequestPlan {
  return { pathParams: {}, query: {}, headers: {}, omitHeaders: [], auth: { kind: "valid" }, ...overrides };
}
