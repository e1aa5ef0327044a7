/**
 * The verifier's request filter. A request that carries a placeholder credential (the
 * contracts' stand-in for a valid one) gets the real credential instead; wrong placeholders and
 * missing headers are left alone, so the wrong- and missing-credentials interactions reach the
 * provider exactly as the pact says. Form bodies are put back in form encoding (form-body.ts).
 */
import type { HttpProvider } from "../providers.ts";
import type { Credentials } from "../sandboxes/types.ts";
import { credentialHeaders } from "./credential-headers.ts";
import { restoreFormBody } from "./form-body.ts";
import { PLACEHOLDER_CREDENTIALS } from "./placeholders.ts";

/** The part of an incoming request the filter touches (an express request satisfies it). */
export interface FilteredRequest {
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
}

export type RequestFilter = (req: FilteredRequest, res: unknown, next: () => void) => void;

export function credentialSwap(provider: HttpProvider, real: Credentials): RequestFilter {
  const placeholders = credentialHeaders(provider, PLACEHOLDER_CREDENTIALS[provider]);
  const replacements = credentialHeaders(provider, real);
  return (req, _res, next) => {
    for (const [name, placeholder] of Object.entries(placeholders)) {
      if (req.headers[name] === placeholder) req.headers[name] = replacements[name];
    }
    restoreFormBody(req);
    next();
  };
}
