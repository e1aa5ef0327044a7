/**
 * Answers a rate limit gave, not the operation. A server may answer 429 Too Many Requests to any
 * request (RFC 6585 §4) when a caller sends too much, whatever its docs list, and 503 Service
 * Unavailable with a Retry-After when it sheds load (RFC 9110 §15.6.4); the client has
 * already waited out its Retry-After a bounded number of times (src/http/client.ts). What is left
 * judges the run's pace, not the target: such an exchange is reported as a warning, "not judged",
 * checked only by the checks that hold for any answer (no credential echoed, no internals shown),
 * and the rest of its scenario is not sent (the fixture's state is unknown). A target that answers
 * 429 to too much of a run gets an errored result: it was not judged enough to pass.
 */
import { noInternalLeak } from "../checks/no-internal-leak.ts";
import { noSecretEcho } from "../checks/no-secret-echo.ts";
import type { Check } from "../checks/types.ts";
import type { Exchange, HttpResponse } from "../http/types.ts";
import { responseFor, type OperationSpec } from "../spec/model.ts";

/** The checks that judge any answer, whatever the request was: a rate-limited answer gets these alone. */
export const ANY_ANSWER_CHECKS: readonly Check[] = [noSecretEcho, noInternalLeak];

/** What `run` tells its user to do about a rate limit. */
export const RUN_HINT = "pass --rate-limit, or a lower --concurrency, to judge it";

/** Of a provider's exchanges, the share answered 429 beyond which the run says it could not judge the target. */
export const MOST_RATE_LIMITED = 0.25;

/** A 429 the operation does not document, or a 503 with a Retry-After (RFC 9110 §15.6.4: overload, come back later). */
export function rateLimited(op: OperationSpec, response: HttpResponse | undefined): boolean {
  if (response === undefined || responseFor(op, response.status) !== undefined) return false;
  return response.status === 429 || (response.status === 503 && response.headers["retry-after"] !== undefined);
}

/** Why the exchange was not judged: its own 429, or (a burst's other copies) one of the others'; then `hint`. */
export function notJudgedMessage(exchange: Pick<Exchange, "response" | "retries">, hint: string): string {
  const status = exchange.response?.status;
  if (status !== 429 && status !== 503) return `not judged: another request of the same burst was rate-limited (429, or 503 with Retry-After), so the burst tells nothing; ${hint}`;
  const retryAfter = exchange.response!.headers["retry-after"];
  const waited = exchange.retries > 0 ? ` after ${exchange.retries} wait(s) for its Retry-After` : "";
  return `not judged: the target ${status === 429 ? "rate-limited" : "shed"} the request (${status}${retryAfter === undefined ? "" : `, Retry-After: ${retryAfter}`})${waited}; ${hint}`;
}

/** The errored result's message when more than MOST_RATE_LIMITED of `sent` exchanges were rate-limited; undefined otherwise. */
export function mostlyRateLimited(limited: number, sent: number): string | undefined {
  if (limited === 0 || limited <= sent * MOST_RATE_LIMITED) return undefined;
  return `the target answered 429 to ${limited} of ${sent} requests even after waiting out its Retry-After, too many for the run to judge it; pass --rate-limit, or a lower --concurrency`;
}

/**
 * A finding on an answer that came after waiting out a rate limit, told so: a 429 the target sent
 * after it had carried the request out makes the repeat's answer (the not-found answer for a
 * delete that happened) say something else than it seems.
 */
export function afterRateLimit<R extends { outcome: string; message: string }>(result: R, retries: number): R {
  if (retries === 0 || (result.outcome !== "failed" && result.outcome !== "warning")) return result;
  return { ...result, message: `${result.message} (this answer came to the request sent again after ${retries} rate-limit answer(s) (429, or 503 with Retry-After) waited out: one sent after the request took effect changes what the repeat gets)` };
}
