/**
 * The Pact verifier's proxy (Pact JS 17) parses form bodies into objects and would forward them
 * re-serialised as JSON under a form media type. This puts the form encoding back before the
 * request is forwarded, with a matching content-length.
 */
import type { FilteredRequest } from "./request-filter.ts";

const FORM = "application/x-www-form-urlencoded";

export function restoreFormBody(req: FilteredRequest & { body?: unknown }): void {
  const type = String(req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  const body = req.body;
  if (type !== FORM || body === null || typeof body !== "object" || Buffer.isBuffer(body)) return;
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(body)) {
    for (const item of Array.isArray(value) ? value : [value]) form.append(name, String(item));
  }
  const encoded = Buffer.from(form.toString(), "utf8");
  req.body = encoded;
  req.headers["content-length"] = String(encoded.length);
}
