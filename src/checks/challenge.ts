/**
 * The challenge of a 401 (RFC 9110 §11.6.1): where the answer carries WWW-Authenticate and the
 * operation authenticates with an HTTP scheme (Basic, Bearer), at least one challenge names a
 * scheme the operation documents. A challenge for another scheme (`Bearer` where the doc gives
 * Basic) sends a client to credentials the target does not take. API keys in their own headers
 * have no HTTP scheme, so any challenge goes with them. A 401 without WWW-Authenticate, where the
 * operation uses an HTTP scheme, breaks RFC 9110 §15.5.2's MUST; as no doc shows the providers'
 * headers, it is a warning (assumed), given once: on the answer to the request without credentials.
 */
import { NO_CREDENTIALS } from "../cases/auth-cases.ts";
import type { CheckInput, Finding } from "./types.ts";

export function challengeFindings(input: CheckInput): Finding[] {
  const header = input.response.headers["www-authenticate"];
  if (input.response.status !== 401) return [];
  const documented = input.operation.op.security.flatMap((scheme) => (scheme.type === "http" && scheme.scheme ? [scheme.scheme.toLowerCase()] : []));
  if (documented.length === 0) return [];
  // A missing challenge is judged once, on the plain request without credentials: every 401 of a
  // target lacks it alike, and one warning says so.
  if (header === undefined && input.scenario.id !== NO_CREDENTIALS) return [];
  if (header === undefined) {
    return [{ expected: `a WWW-Authenticate challenge for ${documented.join(" or ")}`, actual: "no WWW-Authenticate", message: `the 401 carries no WWW-Authenticate, which a 401 must (RFC 9110 §15.5.2): a client is not told which scheme to answer with`, basis: "assumed" }];
  }
  // A scheme starts the field or follows a comma; auth-params (`realm="a, b"`) follow a scheme and a space.
  const named = [...header.matchAll(/(?:^|,)\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)(?=\s+[^=\s,]|\s*(?:,|$))/g)].map((m) => m[1].toLowerCase());
  if (named.some((scheme) => documented.includes(scheme))) return [];
  return [
    {
      expected: `a WWW-Authenticate challenge for ${documented.join(" or ")}`,
      actual: `WWW-Authenticate: ${header.length > 120 ? `${header.slice(0, 120)}…` : header}`,
      message: `the 401 challenges the client for ${named.join(", ") || "no scheme"}, not the documented ${documented.join(" or ")} scheme`,
    },
  ];
}
