/**
 * The integrator's side of the proxy tests: the generated openapi-fetch clients (generated/),
 * the code an integrator ships, sending one delete per call through the proxy. A call names the
 * ids, the credentials and how the request departs from a valid one (a header left out or
 * replaced, another body, a query value); the client is built as an integrator builds it.
 */
import { createCashfreeClient } from "../../generated/cashfree/client.ts";
import { createEnkashClient } from "../../generated/enkash/client.ts";
import { createJuspayClient } from "../../generated/juspay/client.ts";
import { createYunoClient } from "../../generated/yuno/client.ts";
import { forkRng } from "../../src/cases/random.ts";
import { credentialHeaders } from "../../src/pacts/credential-headers.ts";
import { fixtureState } from "../../src/pacts/states.ts";
import type { HttpProvider } from "../../src/providers.ts";
import { wrongCredentials } from "../../src/runner/credentials.ts";
import type { Credentials, SandboxHandle } from "../../src/sandboxes/types.ts";

export type Ids = Record<string, string>;

export interface Call {
  ids: Ids;
  /** Credential headers: the target's own, well-formed ones it never issued, or none. Default: valid. */
  auth?: "valid" | "wrong" | "missing";
  /** Headers that replace (or add to) the client's own, lower-case names. */
  headers?: Record<string, string>;
  /** Headers left out, lower-case names. */
  omit?: string[];
  /** Juspay's form body instead of `command=delete`; null sends none. */
  body?: string | null;
  query?: Record<string, string>;
}

/** Ids of the documented shape that no sandbox issues. */
export const UNKNOWN_IDS: Record<HttpProvider, Ids> = {
  juspay: { customer_id: "cst_proxyunknown", customer_account_id: "bank_proxyunknown" },
  yuno: { customer_id: "ffffffff-ffff-4fff-bfff-ffffffffffff" },
  cashfree: { customer_id: "cust_proxy_unknown" },
  enkash: { customerId: "KC00000000000000" },
};

/** A deletable customer, set up through the target's state URL. */
export async function fixture(handle: SandboxHandle): Promise<Ids> {
  const response = await fetch(handle.stateUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ state: fixtureState(handle.provider), params: {}, action: "setup" }),
  });
  if (!response.ok) throw new Error(`state URL answered ${response.status}`);
  return (await response.json()) as Ids;
}

/** The credential headers a client sends, including the account header (Yuno's x-account-code). */
export function credentialHeadersFor(provider: HttpProvider, credentials: Credentials, auth: Call["auth"] = "valid"): Record<string, string> {
  if (auth === "missing") return {};
  if (auth === "valid") return credentialHeaders(provider, credentials);
  const wrong = wrongCredentials(credentials, forkRng(7, `${provider}:proxy-test`));
  // The account a request acts for stays the right one: only the keys are wrong.
  const headers = credentialHeaders(provider, { ...wrong, YUNO_ACCOUNT_CODE: credentials.YUNO_ACCOUNT_CODE ?? "" });
  return headers;
}

export interface Sent {
  status: number;
  /** The body as the client read it: openapi-fetch's `data` or `error`. */
  body: unknown;
}

/** Sends the call with the provider's generated client, pointed at `baseUrl` (the proxy). */
export async function send(provider: HttpProvider, baseUrl: string, credentials: Credentials, call: Call): Promise<Sent> {
  const headers = { ...credentialHeadersFor(provider, credentials, call.auth), ...call.headers };
  for (const name of call.omit ?? []) delete headers[name];
  const result = await dispatch(provider, baseUrl, headers, call);
  return { status: result.response.status, body: result.data ?? result.error };
}

type Outcome = { response: Response; data?: unknown; error?: unknown };

function dispatch(provider: HttpProvider, baseUrl: string, headers: Record<string, string>, call: Call): Promise<Outcome> {
  switch (provider) {
    case "juspay": {
      const ids = call.ids as { customer_id: string; customer_account_id: string };
      const { "x-routing-id": routing, ...rest } = { "x-routing-id": ids.customer_id, ...headers };
      const client = createJuspayClient({ baseUrl, headers: rest });
      const body = call.body === undefined ? "command=delete" : call.body;
      return client.POST("/customers/{customer_id}/customer-accounts/{customer_account_id}", {
        params: { path: ids, header: (call.omit?.includes("x-routing-id") ? {} : { "x-routing-id": routing }) as { "x-routing-id": string } },
        // A malformed call sends another body than the typed one; the serializer passes the text on as it is.
        body: { command: "delete" },
        bodySerializer: () => body ?? undefined,
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      });
    }
    case "yuno": {
      const { "x-account-code": account, ...keys } = headers;
      const client = createYunoClient({ baseUrl, headers: keys });
      return client.DELETE("/customers/{customer_id}", {
        params: { path: call.ids as { customer_id: string }, header: (account === undefined ? {} : { "x-account-code": account }) as { "x-account-code": string } },
      });
    }
    case "cashfree":
      return createCashfreeClient({ baseUrl, headers }).DELETE("/customer/{customer_id}", { params: { path: call.ids as { customer_id: string } } });
    case "enkash":
      return createEnkashClient({ baseUrl, headers }).DELETE("/api/v0/customer/{customerId}", {
        params: { path: call.ids as { customerId: string }, query: call.query as { parentCompanyId?: string } | undefined },
      });
  }
}
