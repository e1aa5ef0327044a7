/**
 * Adapters that take a credential from somewhere the doc does not put it, or read it loosely:
 * from an undocumented header when the documented one is absent (`x-api-key`, `Authorization:
 * Bearer`, HTTP Basic, `Proxy-Authorization`), from any of several lines of a repeated header,
 * with whitespace trimmed inside a Basic pair, quotes taken off or everything but printable ASCII
 * stripped, and one that trusts requests whose proxy headers name a loopback client. Every credential sent wrong or left out is still
 * refused, so only auth_enforcement's carrier, repeated-line, padded, quoted, inner-space,
 * inner-Latin-1 and local-origin cases catch them.
 */
import type { HttpProvider } from "../providers.ts";
import { baseBehaviour } from "../sandboxes/index.ts";
import type { ProviderBehaviour, SandboxRequest } from "../sandboxes/types.ts";
import { withHeader } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

const juspay = baseBehaviour("juspay");
const yuno = baseBehaviour("yuno");
const cashfree = baseBehaviour("cashfree");
const enkash = baseBehaviour("enkash");

/** A header's one value, or undefined when it is absent or repeated. */
function single(req: SandboxRequest, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === "string" ? value : undefined;
}

/** A header's lines: none, one, or each of a repeated header's. */
function lines(req: SandboxRequest, name: string): string[] {
  const value = req.headers[name];
  return value === undefined ? [] : [value].flat();
}

/**
 * An adapter that, when none of `documented` is sent, reads the credentials from `carrier` instead:
 * `read` turns that header's value into the documented headers' values (undefined: not usable).
 */
function fromCarrier(
  provider: HttpProvider,
  name: string,
  departure: string,
  documented: readonly string[],
  carrier: string,
  read: (value: string) => Record<string, string> | undefined,
): FaultyAdapter {
  const base = baseBehaviour(provider);
  const authenticate: ProviderBehaviour["authenticate"] = (req, ctx) => {
    const sent = single(req, carrier);
    const taken = sent === undefined || documented.some((header) => req.headers[header] !== undefined) ? undefined : read(sent);
    return base.authenticate(taken ? Object.entries(taken).reduce((r, [header, value]) => withHeader(r, header, value), req) : req, ctx);
  };
  return variant({ name, provider, departure, expectedCheck: "auth_enforcement" }, { behaviour: { authenticate } });
}

/** The `user:password` pair of a Basic credential, or undefined. */
function basicPair(value: string): [string, string] | undefined {
  const encoded = /^Basic (\S+)$/.exec(value)?.[1];
  if (encoded === undefined) return undefined;
  const pair = Buffer.from(encoded, "base64").toString("utf8");
  const at = pair.indexOf(":");
  return at < 0 ? undefined : [pair.slice(0, at), pair.slice(at + 1)];
}

export const credentialCarriers: FaultyAdapter[] = [
  fromCarrier("juspay", "juspay-api-key-in-x-api-key", "takes the API key from an x-api-key header when no Authorization header is sent", ["authorization"], "x-api-key", (key) => ({
    authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}`,
  })),
  fromCarrier("yuno", "yuno-secret-key-as-bearer", "takes the private secret key from Authorization: Bearer when the private-secret-key header is absent", ["private-secret-key"], "authorization", (value) => {
    const bearer = /^Bearer (\S+)$/.exec(value)?.[1];
    return bearer === undefined ? undefined : { "private-secret-key": bearer };
  }),
  fromCarrier("cashfree", "cashfree-keys-as-basic", "takes x-client-id and x-client-secret from Authorization: Basic (id:secret) when both headers are absent", ["x-client-id", "x-client-secret"], "authorization", (value) => {
    const pair = basicPair(value);
    return pair && { "x-client-id": pair[0], "x-client-secret": pair[1] };
  }),
  fromCarrier("enkash", "enkash-token-in-proxy-authorization", "takes the bearer token from Proxy-Authorization when Authorization is absent", ["authorization"], "proxy-authorization", (value) => ({ authorization: value })),
  variant(
    {
      name: "cashfree-any-secret-line",
      provider: "cashfree",
      departure: "reads every line of a repeated x-client-secret header and accepts the request when any of them is the secret",
      expectedCheck: "auth_enforcement",
    },
    {
      behaviour: {
        authenticate: (req, ctx) => {
          const secret = ctx.credentials.CASHFREE_CLIENT_SECRET;
          const sent = lines(req, "x-client-secret");
          return cashfree.authenticate(sent.length > 1 && secret !== undefined && sent.includes(secret) ? withHeader(req, "x-client-secret", secret) : req, ctx);
        },
      },
    },
  ),
  variant(
    {
      name: "juspay-any-authorization-line",
      provider: "juspay",
      departure: "tries every line of a repeated Authorization header and accepts the request when any of them is valid",
      expectedCheck: "auth_enforcement",
    },
    {
      behaviour: {
        authenticate: (req, ctx) => {
          const sent = lines(req, "authorization");
          if (sent.length < 2) return juspay.authenticate(req, ctx);
          const refusals = sent.map((line) => juspay.authenticate(withHeader(req, "authorization", line), ctx));
          return refusals.includes(undefined) ? undefined : refusals[0];
        },
      },
    },
  ),
  variant(
    {
      name: "juspay-basic-user-trimmed",
      provider: "juspay",
      departure: "trims spaces and tabs around the user decoded from Authorization: Basic before comparing it with the API key",
      expectedCheck: "auth_enforcement",
    },
    {
      behaviour: {
        authenticate: (req, ctx) => {
          const pair = basicPair(single(req, "authorization") ?? "");
          if (pair === undefined) return juspay.authenticate(req, ctx);
          return juspay.authenticate(withHeader(req, "authorization", `Basic ${Buffer.from(`${pair[0].trim()}:${pair[1]}`).toString("base64")}`), ctx);
        },
      },
    },
  ),
  variant(
    {
      name: "enkash-token-unquoted",
      provider: "enkash",
      departure: "takes the quotes off a bearer token sent as \"token\", so a quoted token is accepted",
      expectedCheck: "auth_enforcement",
    },
    {
      behaviour: {
        authenticate: (req, ctx) => {
          const quoted = /^Bearer "([^"]*)"$/.exec(single(req, "authorization") ?? "")?.[1];
          return enkash.authenticate(quoted === undefined ? req : withHeader(req, "authorization", `Bearer ${quoted}`), ctx);
        },
      },
    },
  ),
  variant(
    {
      name: "cashfree-secret-unquoted",
      provider: "cashfree",
      departure: "takes the quotes off an x-client-secret sent as a quoted string, so \"secret\" is accepted",
      expectedCheck: "auth_enforcement",
    },
    {
      behaviour: {
        authenticate: (req, ctx) => {
          const quoted = /^"([^"]*)"$/.exec(single(req, "x-client-secret") ?? "")?.[1];
          return cashfree.authenticate(quoted === undefined ? req : withHeader(req, "x-client-secret", quoted), ctx);
        },
      },
    },
  ),
  variant(
    {
      name: "yuno-keys-stripped-to-printable-ascii",
      provider: "yuno",
      departure: "strips every character outside printable ASCII (spaces, controls, Latin-1 bytes) from both API keys before comparing them",
      expectedCheck: "auth_enforcement",
    },
    {
      behaviour: {
        authenticate: (req, ctx) =>
          yuno.authenticate(
            ["public-api-key", "private-secret-key"].reduce((r, name) => {
              const sent = single(r, name);
              return sent === undefined ? r : withHeader(r, name, sent.replace(/[^\x21-\x7e]/g, ""));
            }, req),
            ctx,
          ),
      },
    },
  ),
  variant(
    {
      name: "enkash-trusts-local-origin",
      provider: "enkash",
      departure: "skips the token check for requests whose X-Forwarded-For names a loopback or private address (a client can set it)",
      expectedCheck: "auth_enforcement",
    },
    {
      behaviour: {
        authenticate: (req, ctx) => {
          const client = (single(req, "x-forwarded-for") ?? "").split(",")[0].trim();
          return /^(127\.|10\.|192\.168\.|::1$)/.test(client) ? undefined : enkash.authenticate(req, ctx);
        },
      },
    },
  ),
];
