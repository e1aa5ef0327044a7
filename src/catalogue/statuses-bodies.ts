/**
 * Adapters whose answers depart in status, body shape, error code or media type; caught by
 * status_code_conformance, response_schema_conformance, error_code_conformance and
 * content_type_conformance.
 */
import { baseBehaviour } from "../sandboxes/index.ts";
import type { ErrorKind, SandboxReply } from "../sandboxes/types.ts";
import { isObject, lastId } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

type Obj = Record<string, unknown>;

const juspay = baseBehaviour("juspay");
const yuno = baseBehaviour("yuno");
const cashfree = baseBehaviour("cashfree");
const enkash = baseBehaviour("enkash");


/** The reply with its object body rewritten; other replies as they are. */
function editBody(reply: SandboxReply, edit: (body: Obj) => Obj): SandboxReply {
  return isObject(reply.body) ? { ...reply, body: edit(reply.body) } : reply;
}

/** An errorReply step that answers `kind` with `reply(detail)` and every other kind as `base` does. */
function replaceError(base: { errorReply(kind: ErrorKind, detail: string): SandboxReply }, kind: ErrorKind, reply: (detail: string) => SandboxReply) {
  return { errorReply: (k: ErrorKind, detail: string) => (k === kind ? reply(detail) : base.errorReply(k, detail)) };
}

const HTML_404 = "<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>";

export const statusesBodies: FaultyAdapter[] = [
  variant(
    {
      name: "juspay-translated-error-codes",
      provider: "juspay",
      departure: "translates the not-found error_code along with the message for Accept-Language es, pt or hi (objeto_no_encontrado)",
      expectedCheck: "error_code_conformance",
    },
    {
      behaviour: {
        remove: (req, ctx) => {
          const reply = juspay.remove(req, ctx);
          if (!/^(es|pt|hi)\b/i.test(String(req.headers["accept-language"] ?? ""))) return reply;
          return editBody(reply, (body) => (body.error_code === "object_not_found" ? { ...body, error_code: "objeto_no_encontrado", error_message: "No se encuentra lo que busca" } : body));
        },
      },
    },
  ),
  variant(
    {
      name: "cashfree-200-instead-of-204",
      provider: "cashfree",
      departure: "answers a successful delete with 200 instead of the documented 204",
      expectedCheck: "status_code_conformance",
    },
    { transformReply: (_req, reply) => (reply.status === 204 ? { status: 200 } : reply) },
  ),
  variant(
    {
      name: "yuno-404-for-unknown-customer",
      provider: "yuno",
      departure: "answers an unknown customer with 404 instead of the documented 400 CUSTOMER_NOT_FOUND",
      expectedCheck: "status_code_conformance",
    },
    { behaviour: replaceError(yuno, "notFound", (detail) => ({ status: 404, body: { code: "CUSTOMER_NOT_FOUND", messages: [detail] } })) },
  ),
  variant(
    {
      name: "cashfree-error-without-type",
      provider: "cashfree",
      departure: "leaves the required `type` out of every ErrorResponse",
      expectedCheck: "response_schema_conformance",
    },
    { transformReply: (_req, reply) => (reply.status >= 400 ? editBody(reply, ({ type: _type, ...rest }) => rest) : reply) },
  ),
  variant(
    {
      name: "juspay-status-removed",
      provider: "juspay",
      departure: "answers a delete with customer_account_status REMOVED instead of the documented DELETED",
      expectedCheck: "response_schema_conformance",
    },
    { transformReply: (_req, reply) => (reply.status === 200 ? editBody(reply, (b) => ({ ...b, customer_account_status: "REMOVED" })) : reply) },
  ),
  variant(
    {
      name: "enkash-404-error-type-not-found",
      provider: "enkash",
      departure: "answers an unknown customer with errorType NOT_FOUND, outside the documented 9-value errorType enum",
      expectedCheck: "response_schema_conformance",
    },
    { behaviour: replaceError(enkash, "notFound", (detail) => editBody(enkash.errorReply("notFound", detail), (b) => ({ ...b, errorResponse: { ...(b.errorResponse as Obj), errorType: "NOT_FOUND" } }))) },
  ),
  variant(
    {
      name: "cashfree-404-code-invalid-customer-id",
      provider: "cashfree",
      departure: "answers an unknown customer with 404 code invalid_customer_id, a code the doc gives for 400 only",
      expectedCheck: "error_code_conformance",
    },
    { behaviour: replaceError(cashfree, "notFound", (detail) => editBody(cashfree.errorReply("notFound", detail), (b) => ({ ...b, code: "invalid_customer_id" }))) },
  ),
  variant(
    {
      name: "juspay-401-error-code-invalid-api-key",
      provider: "juspay",
      departure: "answers bad credentials with error_code invalid_api_key instead of the documented access_denied",
      expectedCheck: "error_code_conformance",
    },
    { behaviour: replaceError(juspay, "unauthorized", (detail) => editBody(juspay.errorReply("unauthorized", detail), (b) => ({ ...b, error_code: "invalid_api_key" }))) },
  ),
  variant(
    {
      name: "yuno-202-with-json-body",
      provider: "yuno",
      departure: "answers a successful delete with 202 and a JSON body where the doc says the body is empty",
      expectedCheck: "content_type_conformance",
    },
    { transformReply: (_req, reply) => (reply.status === 202 ? { status: 202, body: { status: "DELETED" } } : reply) },
  ),
  variant(
    {
      name: "cashfree-errors-as-text-plain",
      provider: "cashfree",
      departure: "sends its JSON error bodies as text/plain instead of application/json",
      expectedCheck: "content_type_conformance",
    },
    {
      transformReply: (_req, reply) =>
        reply.status >= 400 ? { ...reply, headers: { "content-type": "text/plain; charset=utf-8" }, body: JSON.stringify(reply.body) } : reply,
    },
  ),
  variant(
    {
      name: "juspay-html-404-page",
      provider: "juspay",
      departure: "answers an unknown account with an HTML 404 page instead of the documented JSON error",
      expectedCheck: "response_schema_conformance",
    },
    { behaviour: replaceError(juspay, "notFound", () => ({ status: 404, headers: { "content-type": "text/html; charset=utf-8" }, body: HTML_404 })) },
  ),
  variant(
    {
      name: "cashfree-errors-labelled-gzip",
      provider: "cashfree",
      departure: "labels its error bodies Content-Encoding: gzip but sends them as plain JSON, so a client that decodes them fails",
      expectedCheck: "content_type_conformance",
    },
    { transformReply: (_req, reply) => (reply.status >= 400 ? { ...reply, headers: { ...reply.headers, "content-encoding": "gzip" } } : reply) },
  ),
  variant(
    {
      name: "cashfree-errors-templated-with-the-id",
      provider: "cashfree",
      departure: "builds its 400 and 404 bodies with a string template holding the id as sent, unescaped: an id with a quote or a backslash makes the body invalid JSON (or adds members)",
      expectedCheck: "response_schema_conformance",
    },
    {
      transformReply: (req, reply) => {
        if ((reply.status !== 400 && reply.status !== 404) || !isObject(reply.body)) return reply;
        // Decoded where it decodes, else as sent.
        const id = lastId(req) ?? req.segments.at(-1) ?? "";
        return { status: reply.status, headers: { "content-type": "application/json" }, body: `{"message":"Customer ${id}: ${String(reply.body.message)}","code":"${String(reply.body.code)}","type":"${String(reply.body.type)}"}` };
      },
    },
  ),
  variant(
    {
      name: "cashfree-error-bodies-in-latin-1",
      provider: "cashfree",
      departure: "writes its error bodies in Latin-1 (an é as the byte 0xE9) while labelling them application/json; charset=utf-8",
      expectedCheck: "content_type_conformance",
    },
    {
      transformReply: (_req, reply) =>
        reply.status >= 400 && isObject(reply.body)
          ? { ...reply, headers: { "content-type": "application/json; charset=utf-8" }, body: Buffer.from(JSON.stringify({ ...reply.body, message: `${String(reply.body.message)} (réf.)` }), "latin1") }
          : reply,
    },
  ),
  variant(
    {
      name: "enkash-json-labelled-iso-8859-1",
      provider: "enkash",
      departure: "labels its UTF-8 JSON application/json;charset=ISO-8859-1 (a Spring default gone wrong), so a client that honours the label reads every non-ASCII character as two",
      expectedCheck: "content_type_conformance",
    },
    {
      transformReply: (_req, reply) =>
        isObject(reply.body) ? { ...reply, headers: { "content-type": "application/json;charset=ISO-8859-1" }, body: Buffer.from(JSON.stringify({ ...reply.body, response_message: "Opération réussie" }), "utf8") } : reply,
    },
  ),
  variant(
    {
      name: "cashfree-error-codes-upper-case",
      provider: "cashfree",
      departure: "writes its error codes in upper case (CUSTOMER_NOT_FOUND for customer_not_found), which a client comparing codes misses",
      expectedCheck: "error_code_conformance",
    },
    { transformReply: (_req, reply) => editBody(reply, (body) => (typeof body.code === "string" ? { ...body, code: body.code.toUpperCase() } : body)) },
  ),
  variant(
    {
      name: "cashfree-xml-errors-for-accept-xml",
      provider: "cashfree",
      departure: "answers a request with Accept: application/xml with XML error bodies, a representation the doc never describes",
      expectedCheck: "content_type_conformance",
    },
    {
      transformReply: (req, reply) =>
        reply.status >= 400 && isObject(reply.body) && /xml/.test(String(req.headers.accept))
          ? { status: reply.status, headers: { "content-type": "application/xml" }, body: `<error><code>${String(reply.body.code)}</code><type>${String(reply.body.type)}</type></error>` }
          : reply,
    },
  ),
  variant(
    {
      name: "enkash-twelve-hour-clock",
      provider: "enkash",
      departure: "writes errorResponse.timestamp with a 12-hour clock (Java's hh for HH), so an answer at 17:31 UTC says 05:31 (the zone is assumed, so the case fails under --strict)",
      expectedCheck: "response_schema_conformance",
      runOptions: { strict: true },
    },
    {
      // The answer's Date header says 17:31 UTC, the time stamp the same moment on a 12-hour clock.
      transformReply: (_req, reply) => {
        const body = reply.body;
        const inner = isObject(body) ? body.errorResponse : undefined;
        if (!isObject(body) || !isObject(inner)) return reply;
        return { ...reply, headers: { ...reply.headers, date: "Thu, 03 Dec 2026 17:31:06 GMT" }, body: { ...body, errorResponse: { ...inner, timestamp: "2026-12-03 05:31:06" } } };
      },
    },
  ),
  variant(
    {
      name: "enkash-raw-deflate-when-asked",
      provider: "enkash",
      departure: "answers a request that accepts deflate with a raw DEFLATE stream labelled Content-Encoding: deflate, which names the zlib format (RFC 9110 §8.4.1.2), so a client that decodes it fails",
      expectedCheck: "content_type_conformance",
    },
    {
      transformReply: (req, reply) => {
        if (!/\bdeflate\b/.test(String(req.headers["accept-encoding"] ?? "")) || reply.body === undefined) return reply;
        const zlib = process.getBuiltinModule("node:zlib");
        return { ...reply, headers: { ...reply.headers, "content-type": "application/json", "content-encoding": "deflate" }, body: zlib.deflateRawSync(JSON.stringify(reply.body)) };
      },
    },
  ),
  variant(
    {
      name: "yuno-message-cut-at-bytes",
      provider: "yuno",
      departure: "echoes the customer_id in its not-found message cut at 24 bytes, which splits a multibyte character and leaves the JSON body invalid UTF-8",
      expectedCheck: "content_type_conformance",
    },
    {
      transformReply: (req, reply) => {
        if (!isObject(reply.body) || reply.body.code !== "CUSTOMER_NOT_FOUND") return reply;
        const id = lastId(req);
        if (id === undefined) return reply;
        const cut = Buffer.from(id, "utf8").subarray(0, 24);
        const [head, tail] = JSON.stringify({ ...reply.body, messages: ["Customer \u0000 not found"] }).split("\\u0000");
        return { ...reply, headers: { ...reply.headers, "content-type": "application/json" }, body: Buffer.concat([Buffer.from(head, "utf8"), cut, Buffer.from(tail, "utf8")]) };
      },
    },
  ),
  variant(
    {
      name: "cashfree-code-and-type-exchanged",
      provider: "cashfree",
      departure: "writes its error bodies' code into type and type into code (customer_not_found as the type, resource_error as the code)",
      expectedCheck: "error_code_conformance",
    },
    { transformReply: (_req, reply) => editBody(reply, (body) => (reply.status >= 400 && "code" in body && "type" in body ? { ...body, code: body.type, type: body.code } : body)) },
  ),
];
