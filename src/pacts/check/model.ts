/**
 * Data types of `check-pacts`, the cross-check of pact files against the providers' specs. A
 * finding is a result ("this interaction departs from the documented contract"), never an
 * exception; unreadable input is a UsageError.
 */
import type { ValidateFunction } from "ajv";
import type { OperationSpec } from "../../spec/model.ts";

/** Every check, by stable id. */
export const PACT_CHECK_IDS = [
  "known_provider",
  "has_interactions",
  "operation_exists",
  "path_parameter_pattern",
  "path_matcher_within_spec",
  "query_parameter_pattern",
  "header_parameter_pattern",
  "credentials_present",
  "request_body_schema",
  "response_status_documented",
  "response_content_type",
  "response_body_schema",
  "message_payload",
] as const;

export type PactCheckId = (typeof PACT_CHECK_IDS)[number];

export interface PactFinding {
  check: PactCheckId;
  /** Path of the pact file. */
  file: string;
  /** The interaction's description ("" for findings about the whole file). */
  interaction: string;
  /** JSON path into the pact file, e.g. `$.interactions[2].response.status`. */
  path: string;
  message: string;
}

/** A body as the pact holds it, parsed when its media type is JSON or a form. */
export interface BodyView {
  contentType?: string;
  /** Parsed JSON, form fields as an object, or the text itself. */
  value: unknown;
  /** JSON path of the body's content in the pact file. */
  path: string;
}

/** One HTTP interaction of a pact (V2, V3 or V4 layout), read into plain fields. */
export interface HttpInteraction {
  index: number;
  description: string;
  /** `$.interactions[i]`. */
  base: string;
  method: string;
  /** The request path, still percent-encoded. */
  path: string;
  /** The regex a path matching rule puts on the path, if any. */
  pathRegex?: string;
  query: Record<string, string[]>;
  /** Request headers by lower-case name. */
  headers: Record<string, string[]>;
  body?: BodyView;
  /** `accepted`: what a V4 status matcher on the response accepts, when the pact has one. */
  response: { status: number; accepted?: number[] | string; headers: Record<string, string[]>; body?: BodyView };
}

/** What a check sees: the interaction, the operation it routes to, and the path values it carries. */
export interface CheckContext {
  interaction: HttpInteraction;
  op: OperationSpec;
  /** Percent-decoded path parameter values by name. */
  pathParams: Record<string, string>;
  validator(schema: Record<string, unknown>): ValidateFunction;
}

/** A problem a check found: where (JSON path) and what. The caller adds file and interaction. */
export interface Problem {
  path: string;
  message: string;
}

export type PactCheck = (ctx: CheckContext) => Problem[];

export interface RegisteredPactCheck {
  id: PactCheckId;
  run: PactCheck;
}
