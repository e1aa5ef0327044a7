/**
 * payconform's view of one provider's OpenAPI document: every internal $ref resolved, and every
 * fact the checks need lifted into plain typed fields. Built once per run by `loadSpec`.
 */
import type { HttpProvider } from "../providers.ts";

export type JsonSchema = Record<string, unknown>;

export type Environment = "sandbox" | "production" | "unknown";

export interface ServerSpec {
  url: string;
  environment: Environment;
  /** The document's host is a placeholder (EnKash): a real run needs --target. */
  placeholder: boolean;
}

/** Where a fact came from: stated by the provider, or assumed by payconform (an `x-payconform-assumed` mark). */
export type Basis = "documented" | "assumed";

export interface ParameterSpec {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  schema: JsonSchema;
  example?: unknown;
  /** JSON pointer of the parameter object in the document, for messages. */
  pointer: string;
  /** Facts about this parameter marked assumed, keyed by what was assumed (e.g. "pattern"). */
  assumed: Record<string, string>;
}

export interface RequestBodySpec {
  required: boolean;
  contentType: string;
  schema: JsonSchema;
  example?: unknown;
}

export interface SecuritySchemeSpec {
  /** The scheme's key under components.securitySchemes. */
  name: string;
  type: "apiKey" | "http";
  /** For apiKey: the header name. */
  headerName?: string;
  /** For http: basic or bearer. */
  scheme?: "basic" | "bearer";
}

export interface ResponseSpec {
  status: number;
  description: string;
  /** Documented media type, or undefined when the doc gives no body ("body is empty"). */
  contentType?: string;
  schema?: JsonSchema;
  /** Every example value the doc gives for this status (media-type `example` and `examples`). */
  examples: unknown[];
  /** Whether the status itself is documented or assumed. */
  statusBasis: Basis;
  /**
   * Whether a body comes with the status at all, in the documented media type, or is assumed
   * (EnKash documents error statuses without bodies). What the body holds has the basis of each
   * schema keyword (see basis.ts), not this one.
   */
  bodyBasis: Basis;
  /** Whether the media type is documented or assumed (Juspay labels its JSON error samples plaintext). */
  contentTypeBasis: Basis;
  pointer: string;
}

export interface OperationSpec {
  provider: HttpProvider;
  /** The document's operationId, or "METHOD path" when it has none (Cashfree). */
  operationId: string;
  method: string;
  /** Path template relative to the server URL, e.g. /customers/{customer_id}. */
  path: string;
  /** The path of the documented server URL (`/router`, `/v1`), "" where it has none. */
  basePath?: string;
  parameters: ParameterSpec[];
  requestBody?: RequestBodySpec;
  /** Schemes that must all be satisfied (the first security requirement). */
  security: SecuritySchemeSpec[];
  responses: ResponseSpec[];
  /**
   * Other methods on the same path that the provider documents (another operation of the spec,
   * or one named under the path item's `x-payconform-other-operations`), with where each is documented.
   */
  otherMethods: Record<string, string>;
  pointer: string;
  /** Facts about the operation as a whole marked assumed (its `x-payconform-assumed`), keyed by what was assumed (e.g. "repeatDelete"). */
  assumed: Record<string, string>;
  /**
   * Facts about the operation as a whole that the provider states in prose, not in the schema (its
   * `x-payconform-facts`), keyed by fact (e.g. "permanentDelete"), each with the sentence it rests on.
   */
  facts: Record<string, string>;
}

export interface ApiSpec {
  provider: HttpProvider;
  file: string;
  openapi: string;
  title: string;
  servers: ServerSpec[];
  operations: OperationSpec[];
  /** The dereferenced document. */
  document: Record<string, unknown>;
}

export function responseFor(op: OperationSpec, status: number): ResponseSpec | undefined {
  return op.responses.find((r) => r.status === status);
}

/** The documented success statuses (2xx) of the operation. */
export function successStatuses(op: OperationSpec): number[] {
  return op.responses.filter((r) => r.status >= 200 && r.status < 300).map((r) => r.status);
}

/**
 * Whether the documented success is 202 Accepted: the delete may take effect after the answer,
 * so a later delete may still get the success for a while (RFC 9110 §15.3.3).
 */
export function successIsDeferred(op: OperationSpec): boolean {
  const successes = successStatuses(op);
  return successes.length > 0 && successes.every((s) => s === 202);
}

export function parametersIn(op: OperationSpec, where: ParameterSpec["in"]): ParameterSpec[] {
  return op.parameters.filter((p) => p.in === where);
}

/** The operation's query parameters, whose values a state URL may give for a fixture's own scope (EnKash's parentCompanyId). */
export function scopeParamNames(op: OperationSpec): string[] {
  return op.parameters.filter((p) => p.in === "query").map((p) => p.name);
}
