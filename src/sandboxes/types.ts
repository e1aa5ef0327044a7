/**
 * The contract between the runner and a target that payconform starts itself: the embedded
 * reference sandboxes, and (later) the faulty adapters built from them.
 */
import type { IncomingHttpHeaders, ServerResponse } from "node:http";
import type { HttpProvider } from "../providers.ts";
import type { OperationSpec } from "../spec/model.ts";

/** Credential values keyed by the environment variable a real run would read them from. */
export type Credentials = Record<string, string>;

export interface SandboxHandle {
  provider: HttpProvider;
  /** Base URL including the spec server's base path, e.g. http://127.0.0.1:41234/v1. */
  baseUrl: string;
  /** The provider-state endpoint (Pact convention), e.g. http://127.0.0.1:41234/_payconform/state. */
  stateUrl: string;
  /** Credentials this sandbox made up for itself and accepts. */
  credentials: Credentials;
  close(): Promise<void>;
}

/** A request as the sandbox's provider logic sees it. */
export interface SandboxRequest {
  method: string;
  /** The raw request target, e.g. /v1/customers/abc%2Fdef?x=1. */
  rawUrl: string;
  /** Path segments after the base path, still percent-encoded. */
  segments: string[];
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The header lines as sent, names in their own case, name and value alternating (Node's rawHeaders); absent for a request made in process. */
  rawHeaders?: readonly string[];
  /** The request line's HTTP version ("1.1", "1.0"); absent for a request made in process. */
  httpVersion?: string;
  body: string;
}

/** What the sandbox answers. An object body is sent as JSON; undefined means an empty body. */
export interface SandboxReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Whether a value satisfies the spec's own schema, read through loadSpec (Ajv semantics). */
export interface SpecChecks {
  /** A parameter value against the schema of the operation's parameter of that name. */
  parameter(name: string, value: string): boolean;
  /** A parsed request body against the operation's request body schema. */
  body(value: unknown): boolean;
}

/** What a sandbox keeps: customers, and for Juspay the accounts under them. */
export interface SandboxStore {
  addCustomer(customerId: string): void;
  hasCustomer(customerId: string): boolean;
  /** Removes the customer and every account under it; false when it was not there. */
  removeCustomer(customerId: string): boolean;
  addAccount(customerId: string, accountId: string): void;
  hasAccount(customerId: string, accountId: string): boolean;
  /** Removes the account; false when that customer has no such account. */
  removeAccount(customerId: string, accountId: string): boolean;
}

/** Everything a provider step may use besides the request itself, fixed for one sandbox. */
export interface SandboxEnv {
  provider: HttpProvider;
  operation: OperationSpec;
  credentials: Credentials;
  store: SandboxStore;
  checks: SpecChecks;
  /** The provider's steps with any overrides applied; steps call each other through this. */
  behaviour: ProviderBehaviour;
}

/** The env plus what routing found for one request. */
export interface SandboxContext extends SandboxEnv {
  /**
   * Path parameters by the operation's own names: the percent-decoded value, or undefined when
   * the segment has a malformed escape or decodes to something holding "/".
   */
  path: Record<string, string | undefined>;
}

/** The kinds of error answer each provider documents (or assumes) a body for. */
export type ErrorKind = "unauthorized" | "invalidRequest" | "invalidId" | "notFound";

/**
 * One provider's logic as small named steps, run in this order for a routed request:
 * authenticate, validate, remove. The first step that answers ends the request.
 */
export interface ProviderBehaviour {
  /** Checks the credentials; a reply rejects the request. */
  authenticate(req: SandboxRequest, ctx: SandboxContext): SandboxReply | undefined;
  /** Checks headers, body and parameter formats; a reply rejects the request. */
  validate(req: SandboxRequest, ctx: SandboxContext): SandboxReply | undefined;
  /** Looks the resource up and deletes it: the success answer, or the documented not-found. */
  remove(req: SandboxRequest, ctx: SandboxContext): SandboxReply;
  /** The provider's documented error answer of a kind; `detail` is a human-readable reason. */
  errorReply(kind: ErrorKind, detail: string): SandboxReply;
  /**
   * Provider-state setup: creates a deletable resource and returns its path parameter values in
   * the order of the operation's path template. `requested` holds values the caller asked for.
   */
  createFixture(ctx: SandboxEnv, requested: (string | undefined)[]): string[];
  /** Provider-state teardown: removes what is still there, given values in path-template order. */
  removeFixture(ctx: SandboxEnv, ids: (string | undefined)[]): void;
  /** The new fixture's own values of the operation's query parameters (EnKash's parentCompanyId), answered beside its ids. */
  fixtureScope?(ctx: SandboxEnv): Record<string, string>;
}

export interface SandboxOptions {
  /**
   * Credentials to accept, keyed by environment variable like `credentials` of the handle (for
   * `payconform serve`, the ones a run would read from the environment). Default: fresh random ones.
   */
  credentials?: Credentials;
  /** Where to listen. Default: 127.0.0.1 on an ephemeral port. */
  listen?: ListenOptions;
  /** Called once per request when its answer is sent or its connection ends (`serve`'s request log). Default: none. */
  onExchange?: (entry: ExchangeLogEntry) => void;
  /** Replaces some of the provider's steps (one departure per faulty adapter). Default: none. */
  behaviour?: Partial<ProviderBehaviour>;
  /** Rewrites every answer to an API request (not the state endpoint) before it is sent. Default: none. */
  transformReply?: (req: SandboxRequest, reply: SandboxReply) => SandboxReply;
  /**
   * Takes over the raw response of an API request (not the state endpoint) before any step runs:
   * return true when it answered, destroyed the socket or means to answer later. Default: none.
   */
  rawResponse?: (req: SandboxRequest, res: ServerResponse, env: SandboxEnv) => boolean;
  /** Rewrites an API request before it is routed (a router that ignores the method, say). Default: none. */
  rewriteRequest?: (req: SandboxRequest, env: SandboxEnv) => SandboxRequest;
}

export interface ListenOptions {
  /** Interface to bind. Default: 127.0.0.1 (loopback only). */
  host?: string;
  /** Port to bind; 0 picks a free one. Default: 0. */
  port?: number;
}

/** One request as a sandbox's request log sees it. */
export interface ExchangeLogEntry {
  method: string;
  /** The raw request target, path and query. */
  url: string;
  /** The answer's status, or undefined when the connection ended without one. */
  status?: number;
  /** From the request's arrival to its answer, in milliseconds. */
  durationMs: number;
}
