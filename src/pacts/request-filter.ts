/**
 * The verifier's request filter. A request that carries a placeholder credential (the
 * contracts' stand-in for a valid one) gets the real credential instead; wrong placeholders and
 * missing headers are left alone, so the wrong- and missing-credentials interactions reach the
 * provider exactly as the pact says. Where the state URL made a fixture with ids of its own
 * (state-hop.ts), those ids take the place of the pact's in the path and in any header that
 * repeats one (Juspay's x-routing-id). Form bodies are put back in form encoding (form-body.ts).
 */
import type { HttpProvider } from "../providers.ts";
import type { Credentials } from "../sandboxes/types.ts";
import { credentialHeaders } from "./credential-headers.ts";
import { restoreFormBody } from "./form-body.ts";
import { PLACEHOLDER_CREDENTIALS } from "./placeholders.ts";

/** The part of an incoming request the filter touches (an express request satisfies it). */
export interface FilteredRequest {
  url?: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
}

export type RequestFilter = (req: FilteredRequest, res: unknown, next: () => void) => void;

export function credentialSwap(provider: HttpProvider, real: Credentials, ids: ReadonlyMap<string, string> = new Map()): RequestFilter {
  const placeholders = credentialHeaders(provider, PLACEHOLDER_CREDENTIALS[provider]);
  const replacements = credentialHeaders(provider, real);
  return (req, _res, next) => {
    for (const [name, placeholder] of Object.entries(placeholders)) {
      if (req.headers[name] === placeholder) req.headers[name] = replacements[name];
    }
    if (ids.size > 0) madeIds(req, ids);
    restoreFormBody(req);
    next();
  };
}

/** The state URL's ids in place of the pact's: in each path segment, and in a header that is one. */
function madeIds(req: FilteredRequest, ids: ReadonlyMap<string, string>): void {
  if (req.url !== undefined) {
    const at = req.url.indexOf("?");
    const [path, query] = at < 0 ? [req.url, ""] : [req.url.slice(0, at), req.url.slice(at)];
    req.url = path.split("/").map((segment) => swapSegment(segment, ids)).join("/") + query;
  }
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string" && ids.has(value)) req.headers[name] = ids.get(value);
  }
}

function swapSegment(segment: string, ids: ReadonlyMap<string, string>): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return segment;
  }
  const made = ids.get(decoded);
  return made === undefined ? segment : encodeURIComponent(made);
}
