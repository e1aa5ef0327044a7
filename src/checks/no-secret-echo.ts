/** no_secret_echo: no credential payconform sent appears in any response header or body. */
import { secretForms } from "../http/redact.ts";
import type { Check, Finding } from "./types.ts";

export const noSecretEcho: Check = {
  id: "no_secret_echo",
  run: (input) => {
    const findings: Finding[] = [];
    const places: Array<[string, string]> = [["body", input.response.text], ...Object.entries(input.response.headers).map(([k, v]): [string, string] => [`header ${k}`, `${k}: ${v}`])];
    for (const [where, text] of places) {
      const leaked = input.secrets.some((secret) => secret.length >= 6 && secretForms(secret).some((form) => text.includes(form)));
      if (leaked) findings.push({ expected: "no credential in the response", actual: `a credential in the ${where}`, message: `the response ${where} echoes a credential that was sent` });
    }
    return findings;
  },
};
