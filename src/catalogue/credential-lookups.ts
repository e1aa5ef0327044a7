/**
 * Adapters whose lookup of a credential lets in a value that is not the key: issued tokens kept
 * in a plain JavaScript object (`constructor` is in every one), a key's partner looked up there and
 * compared with `==` (`__proto__` / `[object Object]`), a rotated-out key slot read as the text
 * `undefined` or `null`, a secret keyed on its random tail (the environment prefix ignored) or
 * matched as a suffix or as a regular expression, a browser's request (one with an Origin) let in on
 * the public key alone, a gateway's consumer header taken for the secret, a Basic user cut at a
 * NUL, the secret's stored digest taken for it, a secret compared by its length and ends, a Basic
 * password compared with an unset setting, and a Basic pair decoded as 7-bit ASCII.
 * Caught by auth_enforcement.
 */
import { createHash } from "node:crypto";
import type { SandboxEnv, SandboxRequest } from "../sandboxes/types.ts";
import { withValidCredentials } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

/** Every name a plain JavaScript object answers for, though nobody put it there. */
const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

const bearerOf = (value: unknown): string | undefined => (typeof value === "string" && /^Bearer /i.test(value) ? value.slice(7) : undefined);
const basicPairOf = (value: unknown): string | undefined => (typeof value === "string" && /^Basic /i.test(value) ? Buffer.from(value.slice(6), "base64").toString("utf8") : undefined);
const basicUserOf = (value: unknown): string | undefined => basicPairOf(value)?.split(":")[0];

/** The secret header of each provider with two API keys, the other key's header, and their variables. */
const KEY_PAIRS = {
  yuno: { secret: "private-secret-key", other: "public-api-key", secretEnv: "YUNO_PRIVATE_SECRET_KEY", otherEnv: "YUNO_PUBLIC_API_KEY" },
  cashfree: { secret: "x-client-secret", other: "x-client-id", secretEnv: "CASHFREE_CLIENT_SECRET", otherEnv: "CASHFREE_CLIENT_ID" },
} as const;

/** A check that lets the other key's right value in with any non-empty secret `takes` for the valid one. */
function secretTaken(provider: keyof typeof KEY_PAIRS, takes: (sent: string, valid: string) => boolean): { rewriteRequest: (req: SandboxRequest, env: SandboxEnv) => SandboxRequest } {
  const pair = KEY_PAIRS[provider];
  return {
    rewriteRequest: (req, env) => {
      const sent = String(req.headers[pair.secret] ?? "");
      return sent !== "" && takes(sent, env.credentials[pair.secretEnv] ?? "") && req.headers[pair.other] === env.credentials[pair.otherEnv] ? withValidCredentials(req, env) : req;
    },
  };
}

/** A key with its environment prefix (sk_test_, sandbox_, …) taken off. */
const tail = (key: string): string => key.replace(/^(?:sk_)?(?:test|live|sandbox|production)_/, "");

/** Whether the valid secret matches the one sent read as a regular expression (`^sent$`). */
function matchesAsPattern(sent: string, valid: string): boolean {
  try {
    return new RegExp(`^${sent}$`).test(valid);
  } catch {
    return false;
  }
}

export const credentialLookups: FaultyAdapter[] = [
  variant(
    {
      name: "enkash-tokens-in-a-plain-object",
      provider: "enkash",
      departure: "keeps issued tokens as keys of a plain object and lets in any token it finds there, so Bearer constructor passes",
      expectedCheck: "auth_enforcement",
    },
    { rewriteRequest: (req, env) => (PROTOTYPE_NAMES.has(bearerOf(req.headers.authorization) ?? "") ? withValidCredentials(req, env) : req) },
  ),
  variant(
    {
      name: "cashfree-secret-looked-up-in-a-plain-object",
      provider: "cashfree",
      departure: "looks each client id's secret up in a plain object and compares with ==, so x-client-id: __proto__ with x-client-secret: [object Object] passes",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req, env) => {
        const id = String(req.headers["x-client-id"] ?? "");
        // The defect: `secrets[id] == sent`, where secrets is a plain object holding no such id.
        const secrets: Record<string, unknown> = {};
        const found = secrets[id];
        return PROTOTYPE_NAMES.has(id) && found !== undefined && String(found) === String(req.headers["x-client-secret"] ?? "") ? withValidCredentials(req, env) : req;
      },
    },
  ),
  variant(
    {
      name: "enkash-unset-key-slot",
      provider: "enkash",
      departure: "compares the token with each of its key slots as text, and a slot not configured reads undefined, so Bearer undefined passes",
      expectedCheck: "auth_enforcement",
    },
    { rewriteRequest: (req, env) => (bearerOf(req.headers.authorization) === String(undefined) ? withValidCredentials(req, env) : req) },
  ),
  variant(
    {
      name: "juspay-null-key-slot",
      provider: "juspay",
      departure: "compares the API key with a second key slot that holds null, read as text, so the Basic user null passes",
      expectedCheck: "auth_enforcement",
    },
    { rewriteRequest: (req, env) => (basicUserOf(req.headers.authorization) === String(null) ? withValidCredentials(req, env) : req) },
  ),
  variant(
    {
      name: "yuno-secret-keyed-on-its-tail",
      provider: "yuno",
      departure: "stores secret keys by their random tail and strips an environment prefix (sk_test_, sk_live_, sandbox_, production_) before the lookup, so the key spelled for another environment passes",
      expectedCheck: "auth_enforcement",
    },
    secretTaken("yuno", (sent, valid) => sent !== valid && tail(sent) === tail(valid)),
  ),
  variant(
    {
      name: "cashfree-secret-matched-as-a-suffix",
      provider: "cashfree",
      departure: "checks that the configured secret ends with the x-client-secret sent (endsWith), so the secret without its first character passes",
      expectedCheck: "auth_enforcement",
    },
    secretTaken("cashfree", (sent, valid) => sent.length > 1 && valid.endsWith(sent)),
  ),
  variant(
    {
      name: "cashfree-secret-matched-as-a-pattern",
      provider: "cashfree",
      departure: "matches the configured secret against the x-client-secret sent as a regular expression (^sent$), so a . for any of its characters passes",
      expectedCheck: "auth_enforcement",
    },
    secretTaken("cashfree", matchesAsPattern),
  ),
  variant(
    {
      name: "cashfree-gateway-consumer-skips-the-secret",
      provider: "cashfree",
      departure: "skips the x-client-secret check for a request with X-Consumer-ID, which its gateway (Kong) sets once it has checked the secret, also when a client sends it itself",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req, env) =>
        req.headers["x-consumer-id"] !== undefined && req.headers["x-client-secret"] === undefined && req.headers["x-client-id"] === env.credentials.CASHFREE_CLIENT_ID ? withValidCredentials(req, env) : req,
    },
  ),
  variant(
    {
      name: "cashfree-secret-digest-accepted",
      provider: "cashfree",
      departure: "also takes the stored SHA-256 digest of the secret, in hex, as x-client-secret (pass-the-hash)",
      expectedCheck: "auth_enforcement",
    },
    secretTaken("cashfree", (sent, valid) => sent === createHash("sha256").update(valid).digest("hex")),
  ),
  variant(
    {
      name: "yuno-secret-compared-by-its-ends",
      provider: "yuno",
      departure: "compares private-secret-key by its length, its first 8 and its last 4 characters only (a key hint's fields), so a key changed in its middle passes",
      expectedCheck: "auth_enforcement",
    },
    secretTaken("yuno", (sent, valid) => sent.length === valid.length && sent.slice(0, 8) === valid.slice(0, 8) && sent.slice(-4) === valid.slice(-4)),
  ),
  variant(
    {
      name: "juspay-basic-password-unset",
      provider: "juspay",
      departure: "compares the Basic password with a setting that is not configured, read as text, so the key with the password undefined passes",
      expectedCheck: "auth_enforcement",
    },
    { rewriteRequest: (req, env) => (basicPairOf(req.headers.authorization) === `${env.credentials.JUSPAY_API_KEY}:undefined` ? withValidCredentials(req, env) : req) },
  ),
  variant(
    {
      name: "juspay-basic-decoded-as-7-bit",
      provider: "juspay",
      departure: "decodes the Basic pair as 7-bit ASCII, masking bit 7 of each byte, so the key's bytes with that bit set pass",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req, env) => {
        const value = req.headers.authorization;
        if (typeof value !== "string" || !/^Basic /i.test(value)) return req;
        const sevenBit = Buffer.from(Buffer.from(value.slice(6), "base64").map((byte) => byte & 0x7f)).toString("latin1");
        return sevenBit === `${env.credentials.JUSPAY_API_KEY}:` ? withValidCredentials(req, env) : req;
      },
    },
  ),
  variant(
    {
      name: "juspay-basic-key-unencoded",
      provider: "juspay",
      departure: "takes the API key after Basic as it is when it does not decode as a base64 pair, so Basic <key> passes",
      expectedCheck: "auth_enforcement",
    },
    { rewriteRequest: (req, env) => (req.headers.authorization === `Basic ${env.credentials.JUSPAY_API_KEY}` ? withValidCredentials(req, env) : req) },
  ),
  variant(
    {
      name: "enkash-token-padding-stripped",
      provider: "enkash",
      departure: "strips trailing = from the bearer token before comparing it, so the token with == after it passes",
      expectedCheck: "auth_enforcement",
    },
    { rewriteRequest: (req, env) => (bearerOf(req.headers.authorization)?.replace(/=+$/, "") === env.credentials.ENKASH_ACCESS_TOKEN && bearerOf(req.headers.authorization) !== env.credentials.ENKASH_ACCESS_TOKEN ? withValidCredentials(req, env) : req) },
  ),
  variant(
    {
      name: "juspay-basic-user-cut-at-nul",
      provider: "juspay",
      departure: "compares the Basic user as a C string, cut at its first NUL, so the key followed by a NUL and anything passes",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req, env) => {
        const user = basicUserOf(req.headers.authorization);
        return user?.includes("\u0000") && user.split("\u0000")[0] === env.credentials.JUSPAY_API_KEY ? withValidCredentials(req, env) : req;
      },
    },
  ),
  variant(
    {
      name: "yuno-browser-requests-on-the-public-key",
      provider: "yuno",
      departure: "lets a request with an Origin header (a browser SDK's) in on public-api-key alone, without private-secret-key",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req, env) =>
        req.headers.origin !== undefined && req.headers["private-secret-key"] === undefined && req.headers["public-api-key"] === env.credentials.YUNO_PUBLIC_API_KEY ? withValidCredentials(req, env) : req,
    },
  ),
];
