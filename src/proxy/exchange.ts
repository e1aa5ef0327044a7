/** One exchange as the proxy forwarded it: what the client sent, and what the target answered. */
import type { HttpResponse, TransportFault } from "../http/types.ts";

export interface ClientRequest {
  method: string;
  /** The request target as the client sent it: path and query, relative to the proxy's root, still percent-encoded. */
  path: string;
  /** Header names lower-case; a repeated header joined with ", ". */
  headers: Record<string, string>;
  /** The body as UTF-8 text; undefined when there was none or it was larger than the body cap. */
  body?: string;
  /** The body was larger than the cap: forwarded whole, not kept. */
  bodyTooLarge: boolean;
}

export interface Forwarded {
  request: ClientRequest;
  /** The status the client got: the target's, 502 or 504 from the proxy, or undefined when the connection was cut mid-answer. */
  status?: number;
  /** The target's answer as checks see it (a compressed body decoded); undefined when there is no usable one. */
  response?: HttpResponse;
  /** Why there is no usable answer. */
  fault?: TransportFault;
  /** The client went away before the answer was complete: nothing to judge. */
  clientGone: boolean;
  /** From the client's request to the last byte of the answer. */
  ms: number;
}
