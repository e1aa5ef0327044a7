/**
 * The scenarios and built requests the probe tests look at: fixed credentials, each wrong value
 * `wrong_` and the valid one, and made-up path ids for every provider.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { deriveScenarios } from "../../src/cases/derive.ts";
import { buildRequest, type RequestContext } from "../../src/runner/build-request.ts";
import { operationContext } from "../../src/runner/run.ts";
import type { HttpProvider } from "../../src/providers.ts";

export const credentials = {
  YUNO_PUBLIC_API_KEY: "pk_test_abcdefghijklmnop",
  YUNO_PRIVATE_SECRET_KEY: "sk_test_qrstuvwxyz123456",
  YUNO_ACCOUNT_CODE: "3f2a9c1e-7b4d-4e8a-9c21-5d6e7f8a9b0c",
  CASHFREE_CLIENT_ID: "cf_app_1234567890abcdef",
  CASHFREE_CLIENT_SECRET: "cfsk_ma_test_0123456789abcdef",
  ENKASH_ACCESS_TOKEN: "enk_tok_0123456789abcdef",
  JUSPAY_API_KEY: "jp_key_0123456789abcdef",
};

/** Path ids for every provider's parameters, where a step names none. */
export const MADE_UP_IDS: Record<string, string> = { customer_id: "cust_abc", customerId: "KC0000000000000A", customer_account_id: "bank_1" };

export const wrong = (value: string): string => `wrong_${value}`;

export function scenario(provider: HttpProvider, id: string) {
  const found = deriveScenarios(operationContext(provider).op, 1).find((s) => s.id === id);
  if (!found) throw new Error(`${provider}: no scenario ${id}`);
  return found;
}

/** The request context of `provider` with these credentials, against `baseUrl`. */
export function contextOf(provider: HttpProvider, baseUrl = "http://127.0.0.1:1/base"): RequestContext {
  const operation = operationContext(provider);
  return { op: operation.op, profile: operation.profile, baseUrl, credentials, wrongCredentials: Object.fromEntries(Object.entries(credentials).map(([name, value]) => [name, wrong(value)])) };
}

/** Step `step` of scenario `id` as built, path ids made up unless the plan names them. */
export function built(provider: HttpProvider, id: string, step = 0) {
  const s = scenario(provider, id).steps[step];
  return buildRequest(contextOf(provider), s.plan, { ...MADE_UP_IDS, ...s.plan.pathParams });
}

/**
 * A server on 127.0.0.1 for the enclosing describe block that records each request's raw header
 * lines (names in the case they were sent) and answers 200 with no body.
 */
export function rawHeaderRecorder(): { base: () => string; seen: string[][] } {
  let server: ReturnType<typeof createServer>;
  let base = "";
  const seen: string[][] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.rawHeaders);
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { base: () => base, seen };
}
