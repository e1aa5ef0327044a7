/**
 * Canary credentials for every provider, every encoding of them a leak could take (computed
 * here, independently of the masking code), and a target on 127.0.0.1 that accepts the canaries
 * and echoes every form of them back in a header and in its body (JSON with real `\u` escapes,
 * or text), so every output of payconform gets the chance to leak them.
 */
import type { HttpProvider } from "../../src/providers.ts";
import { baseBehaviour, type Credentials, type SandboxOptions, type SandboxReply } from "../../src/sandboxes/index.ts";
import { startRecordingSandbox, type RecordingSandbox } from "../runner/targets.ts";

/** At least 8 characters each, with characters that percent-encoding, JSON and base64 change. */
export const CANARIES: Record<HttpProvider, Credentials> = {
  juspay: { JUSPAY_API_KEY: "pcCanaryJuspay/Key+01=z" },
  yuno: {
    YUNO_PUBLIC_API_KEY: "pcCanaryYunoPublic/02+q",
    YUNO_PRIVATE_SECRET_KEY: "pcCanaryYunoSecret=03&w",
    YUNO_ACCOUNT_CODE: "c0ffee00-ca1a-4e00-8000-0000000ca1a0",
  },
  cashfree: { CASHFREE_CLIENT_ID: "pcCanaryCashfreeId:04", CASHFREE_CLIENT_SECRET: "pcCanaryCashfreeSecret/05'x" },
  enkash: { ENKASH_ACCESS_TOKEN: "pcCanaryEnkashToken~06/+=" },
};

/** Every canary of every provider. */
export const ALL_CANARY_ENV: Credentials = Object.assign({}, ...Object.values(CANARIES));
export const ALL_CANARIES: string[] = Object.values(ALL_CANARY_ENV);

/** The forms the masking must cover, by name: raw, percent (both cases), base64 and base64url of value and value:, hex, JSON \u escapes. */
export function canaryForms(secret: string): Record<string, string> {
  const bytes = Buffer.from(secret, "utf8");
  const withColon = Buffer.from(`${secret}:`, "utf8");
  const percent = [...bytes].map((b) => `%${b.toString(16).padStart(2, "0").toUpperCase()}`).join("");
  const unicode = [...secret].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");
  return {
    raw: secret,
    "percent-encoded": encodeURIComponent(secret),
    "percent, upper case": percent,
    "percent, lower case": percent.toLowerCase(),
    base64: bytes.toString("base64"),
    "base64 of value:": withColon.toString("base64"),
    base64url: bytes.toString("base64url"),
    "base64url of value:": withColon.toString("base64url"),
    hex: bytes.toString("hex"),
    "hex, upper case": bytes.toString("hex").toUpperCase(),
    "JSON \\u escapes": unicode,
    "JSON \\u escapes, upper-case hex": unicode.replace(/\\u([0-9a-f]{4})/g, (_m, h: string) => `\\u${h.toUpperCase()}`),
  };
}

/** Every place in `outputs` (name → text) where a form of a canary, or a 12-character piece of one, appears. */
export function canaryHits(outputs: Record<string, string>, canaries: readonly string[] = ALL_CANARIES): string[] {
  const hits: string[] = [];
  for (const canary of canaries) {
    const forms = Object.entries(canaryForms(canary));
    for (let i = 0; i + 12 <= canary.length; i++) forms.push([`piece ${i}`, canary.slice(i, i + 12)]);
    for (const [where, text] of Object.entries(outputs)) {
      for (const [form, value] of forms) if (text.includes(value)) hits.push(`${where} holds ${canary} as ${form}`);
    }
  }
  return hits;
}

/**
 * A provider's sandbox that takes the canaries as its credentials and echoes every form of them
 * in an `x-echo` header and in the body. Every other answer is JSON written by hand (so the `\u`
 * escapes stay escapes) with every string of the sandbox's answer replaced by the forms, which
 * makes a Pact verifier quote them in its mismatches; the others are plain text.
 */
export async function startEchoingTarget(provider: HttpProvider): Promise<RecordingSandbox> {
  const canaries = CANARIES[provider];
  const base = baseBehaviour(provider);
  const withCanaries = <C extends { credentials: Credentials }>(ctx: C): C => ({ ...ctx, credentials: canaries });
  const echoed = Object.values(canaries).flatMap((c) => Object.values(canaryForms(c))).join(" ");
  const PLACEHOLDER = "\u0000echo\u0000";
  const replaceStrings = (value: unknown): unknown => {
    if (typeof value === "string") return PLACEHOLDER;
    if (Array.isArray(value)) return value.map(replaceStrings);
    if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceStrings(v)]));
    return value;
  };
  let count = 0;
  const transformReply: SandboxOptions["transformReply"] = (_req, reply): SandboxReply => {
    const headers = { ...reply.headers, "x-echo": echoed };
    if (count++ % 2 === 1) return { status: reply.status, headers: { ...headers, "content-type": "text/plain" }, body: `echo ${echoed}` };
    const body = { ...(reply.body !== null && typeof reply.body === "object" ? (replaceStrings(reply.body) as object) : {}), echo: PLACEHOLDER };
    const text = JSON.stringify(body).split(JSON.stringify(PLACEHOLDER)).join(`"${echoed}"`);
    return { status: reply.status, headers: { ...headers, "content-type": "application/json" }, body: text };
  };
  return startRecordingSandbox(provider, {
    behaviour: {
      authenticate: (req, ctx) => base.authenticate(req, withCanaries(ctx)),
      validate: (req, ctx) => base.validate(req, withCanaries(ctx)),
    },
    transformReply,
  });
}
