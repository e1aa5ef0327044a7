/**
 * Adapters whose lookup of a credential lets in a value that is not the key: issued tokens kept
 * in a plain JavaScript object (`constructor` is in every one), a key's partner looked up there and
 * compared with `==` (`__proto__` / `[object Object]`), a rotated-out key slot read as the text
 * `undefined` or `null`, a secret keyed on its random tail (the environment prefix ignored) or
 * matched as a suffix, and a browser's request (one with an Origin) let in on the public key
 * alone. Caught by auth_enforcement.
 */
import { withValidCredentials } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

/** Every name a plain JavaScript object answers for, though nobody put it there. */
const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

const bearerOf = (value: unknown): string | undefined => (typeof value === "string" && /^Bearer /i.test(value) ? value.slice(7) : undefined);
const basicUserOf = (value: unknown): string | undefined =>
  typeof value === "string" && /^Basic /i.test(value) ? Buffer.from(value.slice(6), "base64").toString("utf8").split(":")[0] : undefined;

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
    {
      rewriteRequest: (req, env) => {
        const tail = (key: string): string => key.replace(/^(?:sk_)?(?:test|live|sandbox|production)_/, "");
        const sent = String(req.headers["private-secret-key"] ?? "");
        const valid = env.credentials.YUNO_PRIVATE_SECRET_KEY ?? "";
        return sent !== valid && sent !== "" && tail(sent) === tail(valid) && req.headers["public-api-key"] === env.credentials.YUNO_PUBLIC_API_KEY ? withValidCredentials(req, env) : req;
      },
    },
  ),
  variant(
    {
      name: "cashfree-secret-matched-as-a-suffix",
      provider: "cashfree",
      departure: "checks that the configured secret ends with the x-client-secret sent (endsWith), so the secret without its first character passes",
      expectedCheck: "auth_enforcement",
    },
    {
      rewriteRequest: (req, env) => {
        const sent = String(req.headers["x-client-secret"] ?? "");
        return sent.length > 1 && (env.credentials.CASHFREE_CLIENT_SECRET ?? "").endsWith(sent) && req.headers["x-client-id"] === env.credentials.CASHFREE_CLIENT_ID ? withValidCredentials(req, env) : req;
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
