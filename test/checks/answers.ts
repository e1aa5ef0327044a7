/** Documented answers of each provider, taken from the specs' own examples. */
import type { HttpProvider } from "../../src/providers.ts";
import { operationContext } from "../../src/runner/run.ts";
import type { Answer } from "./exchange.ts";

/** The first example the spec gives for a status (Yuno's 400: the named example with this code). */
export function documentedAnswer(provider: HttpProvider, status: number, code?: string): Answer {
  const response = operationContext(provider).op.responses.find((r) => r.status === status);
  if (!response) throw new Error(`${provider} documents no ${status}`);
  const body = code ? response.examples.find((e) => (e as { code?: string }).code === code) : response.examples[0];
  return { status, body };
}

/** The not-found answer of each provider. */
export const NOT_FOUND: Record<HttpProvider, () => Answer> = {
  juspay: () => documentedAnswer("juspay", 404),
  yuno: () => documentedAnswer("yuno", 400, "CUSTOMER_NOT_FOUND"),
  cashfree: () => documentedAnswer("cashfree", 404),
  enkash: () => documentedAnswer("enkash", 404),
};

/** The documented success of each provider. */
export const SUCCESS: Record<HttpProvider, () => Answer> = {
  juspay: () => documentedAnswer("juspay", 200),
  yuno: () => ({ status: 202 }),
  cashfree: () => ({ status: 204 }),
  enkash: () => documentedAnswer("enkash", 200),
};
