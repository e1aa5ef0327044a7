/**
 * no_secret_echo: no credential payconform sent appears in any response header or body, in any
 * form the masking engine knows (raw, percent-encoded, JSON- or HTML-escaped, base64, base64url,
 * hex; see src/http/redact.ts); nor, raw, a long part of one: its start or its end, at least
 * LONG_PART_SHARE of it and LONG_PART_MIN characters (a hint that names the first 19 characters of
 * a 23-character key gives it away as surely as the whole). A key that names the caller beside
 * the secret that authenticates it (Cashfree's App ID, CheckInput.identifiers) shown alone is a
 * warning: the doc calls it an ID, so that it is a secret is assumed.
 */
import { findSecret } from "../http/redact.ts";
import type { Check, CheckInput, Finding } from "./types.ts";
import { headerLines } from "../http/header-lines.ts";

export const noSecretEcho: Check = {
  id: "no_secret_echo",
  run: (input) => {
    // Credentials are at least MIN_SECRET_LENGTH characters (src/runner/credentials.ts), so none
    // is short enough to turn up by chance; findSecret skips empty ones.
    const secrets = input.secrets;
    const identifiers = input.identifiers ?? [];
    const findings: Finding[] = [];
    const places: Array<[string, string]> = [
      ["body", input.response.text],
      ...Object.entries(input.response.headers).map(([k, v]): [string, string] => [`header ${k}`, `${k}: ${v}`]),
      ...Object.entries(input.response.trailers ?? {}).map(([k, v]): [string, string] => [`trailer ${k}`, `${k}: ${v}`]),
      ...(input.response.reason ? [["the status line's reason phrase", input.response.reason] as [string, string]] : []),
    ];
    // The parts are looked for in each place only where the whole answer holds one.
    const mayHoldPart = longPart(places.map(([, text]) => text).join("\n"), secrets) !== undefined;
    for (const [where, text] of places) {
      const form = findSecret(text, secrets) ?? (mayHoldPart && longPart(text, secrets));
      if (form) findings.push({ expected: "no credential in the response", actual: `a credential (${form}) in the ${where}`, message: `the response ${where} ${echoed(input, text) ? "echoes a credential this request carried" : "shows a credential this request did not carry (the target's own, or one sent earlier)"}` });
      const named = !form && identifiers.length > 0 ? findSecret(text, identifiers) : undefined;
      // A key that names the caller (an app ID) beside the secret that authenticates it: the doc calls it an ID, so that it is a secret is assumed.
      if (named) findings.push({ expected: "no credential in the response", actual: `a caller's identifying key (${named}) in the ${where}`, message: `the response ${where} names an identifying key (an app ID), which the doc does not call a secret; that it is one is assumed`, basis: "assumed" });
    }
    return findings;
  },
};

/** Raw parts of a credential this long are echoes: enough of it that what is left is easily guessed. */
const LONG_PART_MIN = 12;
const LONG_PART_SHARE = 0.6;

/** "a long part" where `text` holds the start or the end of a credential, LONG_PART_MIN and LONG_PART_SHARE of it at least. */
function longPart(text: string, secrets: readonly string[]): string | undefined {
  for (const secret of secrets) {
    const length = Math.max(LONG_PART_MIN, Math.ceil(secret.length * LONG_PART_SHARE));
    if (length >= secret.length) continue;
    if (text.includes(secret.slice(0, length)) || text.includes(secret.slice(-length))) return `a long part: its start or end, ${length} of its ${secret.length} characters or more`;
  }
  return undefined;
}

/** Whether a credential found in `text` (whole, or a long part of it) is one the request itself carried (only worked out once a credential is found). */
function echoed(input: CheckInput, text: string): boolean {
  const sent = `${input.request.url}\n${headerLines(input.request).map(([k, v]) => `${k}: ${v}`).join("\n")}\n${input.request.body ?? ""}`;
  const carried = input.secrets.filter((secret) => findSecret(sent, [secret]) !== undefined);
  return carried.length > 0 && (findSecret(text, carried) ?? longPart(text, carried)) !== undefined;
}
