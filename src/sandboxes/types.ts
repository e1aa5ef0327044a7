/**
 * The contract between the runner and a target that payconform starts itself: the embedded
 * reference sandboxes, and (later) the faulty adapters built from them.
 */
import type { IncomingHttpHeaders } from "node:http";
import type { HttpProvider } from "../providers.ts";

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
  body: string;
}

/** What the sandbox answers. An object body is sent as JSON; undefined means an empty body. */
export interface SandboxReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}
