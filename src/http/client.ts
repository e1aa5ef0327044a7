/**
 * The HTTP client every run uses against a target: bounded concurrency, keep-alive, a
 * per-request timeout, a body size cap, an optional rate limit, and 429 Retry-After (and 503 with
 * a Retry-After) honoured a bounded number of times. A 429 holds back the whole client, not just the request that got it:
 * a server that limits the rate limits every caller, so no request is sent until the longest
 * Retry-After seen has passed, and the request that got the 429 keeps its place (its slot) for
 * the retry.
 * Two things stop a run instead of becoming a result: a TLS failure (it would fail every case
 * alike; a TargetUnreachableError), and the run's abort signal (SIGINT/SIGTERM; an
 * InterruptedError): once it fires, no further request is sent and those in flight are dropped.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { InterruptedError, TargetUnreachableError } from "../errors.ts";
import { createAgents } from "./agents.ts";
import { createLimiter } from "./limiter.ts";
import { retryAfterMs } from "./retry-after.ts";
import { isFault, sendOnce } from "./send.ts";
import type { Exchange, HttpRequest } from "./types.ts";

export interface HttpClientOptions {
  /** Requests in flight at once against one target. */
  concurrency: number;
  /** Per-request timeout in milliseconds. */
  timeoutMs: number;
  /** Larger response bodies become a `body-too-large` fault. */
  maxBodyBytes: number;
  /** How many 429 answers to wait out per request. */
  maxRetries: number;
  /** Longest Retry-After honoured; a longer one is reported as the 429 it is. */
  maxRetryAfterMs: number;
  /** At most this many requests started per second (a burst's copies count each); undefined: no limit. */
  rateLimit?: number;
  /** PEM CA certificates trusted besides the system's. */
  caCert?: string;
  /** Stops sending: every later send rejects with an InterruptedError. */
  signal?: AbortSignal;
}

export interface HttpClient {
  send(request: HttpRequest): Promise<Exchange>;
  /**
   * Sends `copies` of the request at once, each on a connection of its own, outside the
   * concurrency bound (a race needs them in flight together), once the client may send again
   * (Retry-After, rate limit). No 429 is waited out: the copies are one event, not to be repeated.
   */
  /** `copies` requests in flight at once, each on a connection of its own: copy i is `request`, or with `others`, every other copy one of those in turn. */
  burst(request: HttpRequest, copies: number, others?: readonly HttpRequest[]): Promise<Exchange[]>;
  close(): void;
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const agentOptions = { keepAlive: true, maxSockets: options.concurrency };
  const agents = createAgents(agentOptions, options.caCert);
  const limit = createLimiter(options.concurrency);
  const sendOptions = { timeoutMs: options.timeoutMs, maxBodyBytes: options.maxBodyBytes, agents, signal: options.signal };
  const stopIfAborted = (): void => {
    if (options.signal?.aborted) throw interruption(options.signal);
  };

  // No request starts before resumeAt (performance.now()): the end of the longest Retry-After seen,
  // and, under a rate limit, the next start the limit allows.
  let resumeAt = 0;
  const spacingMs = options.rateLimit ? 1000 / options.rateLimit : 0;
  const whenAllowed = async (starts: number): Promise<void> => {
    const now = performance.now();
    const at = Math.max(now, resumeAt);
    if (spacingMs > 0) resumeAt = at + starts * spacingMs;
    if (at > now) await sleep(at - now, undefined, { signal: options.signal }).catch(() => undefined);
    stopIfAborted();
  };

  const send = (request: HttpRequest): Promise<Exchange> =>
    limit(async () => {
      let durationMs = 0;
      for (let retries = 0; ; retries++) {
        await whenAllowed(1);
        const started = performance.now();
        const outcome = await sendOnce(request, sendOptions);
        durationMs += performance.now() - started;
        stopIfAborted();
        if (isFault(outcome)) {
          if (outcome.kind === "tls") throw new TargetUnreachableError(outcome.message);
          return { request, fault: outcome, retries, durationMs };
        }
        // 503 with Retry-After is the same message as 429 (RFC 9110 §15.6.4, §10.2.3): come back then.
        const wait = outcome.status === 429 ? (retryAfterMs(outcome.headers["retry-after"]) ?? 1000) : outcome.status === 503 ? retryAfterMs(outcome.headers["retry-after"]) : undefined;
        if (wait === undefined || retries >= options.maxRetries || wait > options.maxRetryAfterMs) {
          return { request, response: outcome, retries, durationMs };
        }
        resumeAt = Math.max(resumeAt, performance.now() + wait);
      }
    });

  const burst = async (first: HttpRequest, copies: number, others: readonly HttpRequest[] = []): Promise<Exchange[]> => {
    const requestAt = (i: number): HttpRequest => (i % 2 === 1 && others.length > 0 ? others[((i - 1) / 2) % others.length] : first);
    stopIfAborted();
    await whenAllowed(copies);
    const own = { keepAlive: false, maxSockets: copies };
    const burstOptions = { ...sendOptions, agents: createAgents(own, options.caCert) };
    try {
      const timed = async (_: unknown, i: number): Promise<[Awaited<ReturnType<typeof sendOnce>>, number]> => {
        const started = performance.now();
        const outcome = await sendOnce(requestAt(i), burstOptions);
        return [outcome, performance.now() - started];
      };
      const outcomes = await Promise.all(Array.from({ length: copies }, timed));
      stopIfAborted();
      const tls = outcomes.find(([outcome]) => isFault(outcome) && outcome.kind === "tls")?.[0];
      if (tls && isFault(tls)) throw new TargetUnreachableError(tls.message);
      return outcomes.map(([outcome, durationMs], i) => (isFault(outcome) ? { request: requestAt(i), fault: outcome, retries: 0, durationMs } : { request: requestAt(i), response: outcome, retries: 0, durationMs }));
    } finally {
      burstOptions.agents.destroy();
    }
  };

  return {
    send,
    burst,
    close: () => agents.destroy(),
  };
}

/** The error an aborted run stops with: the signal's reason when it is one. */
export function interruption(signal: AbortSignal): Error {
  return signal.reason instanceof InterruptedError ? signal.reason : new InterruptedError("SIGINT");
}
