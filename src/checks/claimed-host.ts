/**
 * Host-header injection (OWASP API8): a request claims another host in the headers a reverse
 * proxy sets (X-Forwarded-Host, Forwarded: host=). No documented answer is built on the request's
 * host, so a body naming the claimed host is a failure; a header naming it (a Location or Link
 * built on it) is a warning, as a target behind a proxy it trusts is assumed to ignore the claim
 * of a client that reaches it directly.
 */
import { CLAIMED_HOST } from "../cases/claimed-host-cases.ts";
import type { CheckInput, Finding } from "./types.ts";

export function claimedHostNamed(input: CheckInput): Finding[] {
  const claimed = input.request.headers["x-forwarded-host"];
  if (claimed !== CLAIMED_HOST) return [];
  const expected = `no answer built on the host ${CLAIMED_HOST} the request claimed in X-Forwarded-Host and Forwarded`;
  const status = input.response.status;
  const findings: Finding[] = [];
  const at = input.response.text.toLowerCase().indexOf(CLAIMED_HOST);
  if (at >= 0) {
    const shown = input.response.text.slice(Math.max(0, at - 40), at + CLAIMED_HOST.length + 20);
    findings.push({ expected, actual: `the body holds ${JSON.stringify(shown)}`, message: `the ${status} body names the host the request claimed in X-Forwarded-Host (host-header injection: a link or page built on it points to a host of the caller's choosing)` });
  }
  for (const [name, value] of Object.entries(input.response.headers)) {
    if (!value.toLowerCase().includes(CLAIMED_HOST)) continue;
    findings.push({ expected, actual: `${name}: ${value}`, message: `the ${status} answer's ${name} header names the host the request claimed in X-Forwarded-Host`, basis: "assumed" });
  }
  return findings;
}
