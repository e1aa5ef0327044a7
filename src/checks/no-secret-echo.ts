/**
 * no_secret_echo: no credential payconform sent appears in any response header or body, in any
 * form the masking engine knows (raw, percent-encoded, JSON- or HTML-escaped, base64, base64url,
 * hex; see src/http/redact.ts).
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
    const findings: Finding[] = [];
    const places: Array<[string, string]> = [["body", input.response.text], ...Object.entries(input.response.headers).map(([k, v]): [string, string] => [`header ${k}`, `${k}: ${v}`])];
    for (const [where, text] of places) {
      const form = findSecret(text, secrets);
      if (form) findings.push({ expected: "no credential in the response", actual: `a credential (${form}) in the ${where}`, message: `the response ${where} ${echoed(input, text) ? "echoes a credential this request carried" : "shows a credential this request did not carry (the target's own, or one sent earlier)"}` });
    }
    return findings;
  },
};

/** Whether a credential found in `text` is one the request itself carried (only worked out once a credential is found). */
function echoed(input: CheckInput, text: string): boolean {
  const sent = `${input.request.url}\n${headerLines(input.request).map(([k, v]) => `${k}: ${v}`).join("\n")}\n${input.request.body ?? ""}`;
  const carried = input.secrets.filter((secret) => findSecret(sent, [secret]) !== undefined);
  return carried.length > 0 && findSecret(text, carried) !== undefined;
}
