/**
 * Adapters that read a request's framing, media type or query more strictly or more loosely than
 * HTTP does: Juspay refusing a chunked body, and EnKash checking parentCompanyId before it
 * percent-decodes the query (positive_data_acceptance, assumed, so judged with --strict); Juspay
 * parsing any body as its form, a text/plain one included (required_body_enforcement, assumed).
 */
import { baseBehaviour } from "../sandboxes/index.ts";
import { withHeader } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

const juspay = baseBehaviour("juspay");
const enkash = baseBehaviour("enkash");

export const transferAndMediaTypes: FaultyAdapter[] = [
  variant(
    {
      name: "juspay-chunked-body-refused",
      provider: "juspay",
      departure: "answers 400 to a request whose body comes chunked, without Content-Length, though every HTTP/1.1 recipient parses chunked (an assumed reading, so judged with --strict)",
      expectedCheck: "positive_data_acceptance",
      runOptions: { strict: true },
    },
    {
      behaviour: {
        validate(req, ctx) {
          if (String(req.headers["transfer-encoding"] ?? "").toLowerCase().includes("chunked")) return ctx.behaviour.errorReply("invalidRequest", "Mandatory parameter command must be delete.");
          return juspay.validate(req, ctx);
        },
      },
    },
  ),
  variant(
    {
      name: "juspay-any-body-read-as-its-form",
      provider: "juspay",
      departure: "parses every body as application/x-www-form-urlencoded whatever its Content-Type, so command=delete labelled text/plain (a request a browser sends cross-origin without a preflight) deletes (the media type check is assumed, so judged with --strict)",
      expectedCheck: "required_body_enforcement",
      runOptions: { strict: true },
    },
    { rewriteRequest: (req) => (String(req.headers["content-type"] ?? "").startsWith("text/plain") ? withHeader(req, "content-type", "application/x-www-form-urlencoded") : req) },
  ),
  variant(
    {
      name: "enkash-query-checked-before-decoding",
      provider: "enkash",
      departure: "checks parentCompanyId against its pattern in the raw query, before percent-decoding, so the customer's own company written %43EK… is refused with 400 (an assumed reading, so judged with --strict)",
      expectedCheck: "positive_data_acceptance",
      runOptions: { strict: true },
    },
    {
      behaviour: {
        validate(req, ctx) {
          if (/[?&]parentCompanyId=[^&]*%/.test(req.rawUrl)) return ctx.behaviour.errorReply("invalidId", "parentCompanyId is not in the documented format");
          return enkash.validate(req, ctx);
        },
      },
    },
  ),
];
