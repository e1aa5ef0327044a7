/**
 * Adapters that percent-decode the path before they split it, so an encoded `/`, `?` or `#` acts
 * as the separator it encodes: `{id}%3Fx` or `{id}%2Fx` names `{id}`, and `customer%2F{id}` is the
 * operation's path; and a gateway that splices the decoded id into the query of its upstream call,
 * where an encoded `&` starts another parameter. Caught by exact_id_match (the encoded near misses of an id, and the slash
 * before it percent-encoded).
 */
import { decoded, readingLastId } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

/** The last path segment decoded and cut at the first of `separators`, encoded again. */
function cutLastSegment(segments: readonly string[], separators: RegExp): string[] {
  const id = decoded(segments.at(-1) ?? "");
  return id === undefined ? [...segments] : [...segments.slice(0, -1), encodeURIComponent(id.split(separators)[0])];
}

export const decodedSeparators: FaultyAdapter[] = [
  variant(
    {
      name: "cashfree-id-spliced-into-upstream-query",
      provider: "cashfree",
      departure: "its gateway calls the service behind it with ?customer_id=<the decoded id>, unencoded, and the service reads the last customer_id, so {id}%26x%3D1 names {id}",
      expectedCheck: "exact_id_match",
    },
    readingLastId((id) => (id.includes("&") ? new URLSearchParams(`customer_id=${id}`).getAll("customer_id").at(-1) || undefined : undefined)),
  ),
  variant(
    {
      name: "yuno-query-decoded-into-path",
      provider: "yuno",
      departure: "percent-decodes the whole URL before it splits off query and fragment, so /customers/{id}%3Fx deletes {id}",
      expectedCheck: "exact_id_match",
    },
    { rewriteRequest: (req) => ({ ...req, segments: cutLastSegment(req.segments, /[?#]/) }) },
  ),
  variant(
    {
      name: "cashfree-id-cut-at-encoded-slash",
      provider: "cashfree",
      departure: "decodes the path before it splits it and takes the segment after /customer/ as the id, so /customer/{id}%2Fx deletes {id}",
      expectedCheck: "exact_id_match",
    },
    { rewriteRequest: (req) => ({ ...req, segments: cutLastSegment(req.segments, /\//) }) },
  ),
  variant(
    {
      name: "enkash-route-decoded-before-split",
      provider: "enkash",
      departure: "decodes %2F before it routes, so /api/v0/customer%2F{id}, one segment, is taken for /api/v0/customer/{id}",
      expectedCheck: "exact_id_match",
    },
    { rewriteRequest: (req) => ({ ...req, segments: req.segments.flatMap((segment) => segment.split(/%2F/i)) }) },
  ),
];
