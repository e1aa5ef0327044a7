/**
 * Adapters whose answers break HTTP's framing or tell deleted from never-existing, and adapters
 * that take their scope from the wrong place: a 204 sent chunked, and a chunked answer to an
 * HTTP/1.0 request (content_type_conformance); a 401 without WWW-Authenticate (auth_enforcement,
 * a warning); a deleted customer's 404 with another message or with validators a never-existing
 * id's 404 lacks (delete_semantics, warnings); ids taken from an X-Customer-Id header or from form
 * fields in place of the path's (exact_id_match: the ids must come from the path); a repeat delete
 * that deletes the customer's next account (delete_semantics); and an account under another
 * customer refused with 401 rather than 404 (ownership_enforcement); and Yuno's error bodies wrapped
 * under `error`, so no code is where the doc shows it (error_code_conformance, a warning).
 */
import { baseBehaviour } from "../sandboxes/index.ts";
import { answer } from "../sandboxes/pipeline.ts";
import { encodeBody } from "../sandboxes/server.ts";
import { jsonReply } from "../sandboxes/replies.ts";
import type { OperationSpec } from "../spec/model.ts";
import type { SandboxEnv, SandboxOptions, SandboxReply, SandboxRequest } from "../sandboxes/types.ts";
import { juspayKnowingOwners, withLastId } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

const cashfree = baseBehaviour("cashfree");
const juspay = baseBehaviour("juspay");

/** The request with path parameter `name` naming `value`, where the path has the template's shape. */
function withPathValue(req: SandboxRequest, op: OperationSpec, name: string, value: string): SandboxRequest {
  const template = op.path.split("/").slice(1);
  const index = template.indexOf(`{${name}}`);
  if (index < 0 || req.segments.length !== template.length) return req;
  return { ...req, segments: req.segments.map((segment, i) => (i === index ? encodeURIComponent(value) : segment)) };
}

/** Cashfree answering the not-found of a customer it deleted as `change` makes it; every other answer as the provider does. */
function deletedAnswered(change: (reply: SandboxReply, id: string) => SandboxReply): () => SandboxOptions {
  return () => {
    const deleted = new Set<string>();
    return {
      behaviour: {
        remove(req, ctx) {
          const id = ctx.path.customer_id;
          const reply = cashfree.remove(req, ctx);
          if (id === undefined) return reply;
          if (reply.status === 204) deleted.add(id);
          else if (reply.status === 404 && deleted.has(id)) return change(reply, id);
          return reply;
        },
      },
    };
  };
}

const accountKey = (customerId: string, accountId: string): string => JSON.stringify([customerId, accountId]);

export const answersAndScopes: FaultyAdapter[] = [
  variant(
    {
      name: "cashfree-204-sent-chunked",
      provider: "cashfree",
      departure: "sends its 204 with Transfer-Encoding: chunked, which RFC 9112 §6.1 forbids on a 204",
      expectedCheck: "content_type_conformance",
    },
    { transformReply: (_req, reply) => (reply.status === 204 ? { ...reply, headers: { ...reply.headers, "transfer-encoding": "chunked" } } : reply) },
  ),
  variant(
    {
      name: "yuno-chunked-to-http10",
      provider: "yuno",
      departure: "answers HTTP/1.0 requests with Transfer-Encoding: chunked, which an HTTP/1.0 client cannot read (RFC 9112 §6.1: not unless the request indicates HTTP/1.1)",
      expectedCheck: "content_type_conformance",
    },
    {
      rawResponse: (req: SandboxRequest, res, env: SandboxEnv) => {
        if (req.httpVersion !== "1.0") return false;
        const reply = answer(req, env);
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(reply.headers ?? {})) headers[name.toLowerCase()] = value;
        const payload = encodeBody(reply.body, headers);
        headers["transfer-encoding"] = "chunked";
        res.writeHead(reply.status, headers);
        res.end(payload);
        return true;
      },
    },
  ),
  variant(
    {
      name: "enkash-401-without-challenge",
      provider: "enkash",
      departure: "answers 401 without the WWW-Authenticate challenge RFC 9110 §15.5.2 requires (HTTP's rule, not the doc's: a warning, so judged with --strict)",
      expectedCheck: "auth_enforcement",
      runOptions: { strict: true },
    },
    {
      transformReply: (_req, reply) => {
        if (reply.status !== 401 || reply.headers === undefined) return reply;
        const headers = Object.fromEntries(Object.entries(reply.headers).filter(([name]) => name.toLowerCase() !== "www-authenticate"));
        return { ...reply, headers };
      },
    },
  ),
  variant(
    {
      name: "cashfree-deleted-404-says-deleted",
      provider: "cashfree",
      departure: "answers a delete of a customer it already deleted 404 with the message Customer has been deleted, which a never-existing id's 404 does not say (an existence oracle; a warning, so judged with --strict)",
      expectedCheck: "delete_semantics",
      runOptions: { strict: true },
    },
    deletedAnswered((reply) => ({ ...reply, body: { ...(reply.body as Record<string, unknown>), message: "Customer has been deleted" } })),
  ),
  variant(
    {
      name: "cashfree-deleted-404-carries-validators",
      provider: "cashfree",
      departure: "answers a delete of a customer it already deleted 404 with the ETag and Last-Modified of the record it keeps, which a never-existing id's 404 lacks (an existence oracle; a warning, so judged with --strict)",
      expectedCheck: "delete_semantics",
      runOptions: { strict: true },
    },
    deletedAnswered((reply, id) => ({ ...reply, headers: { ...reply.headers, etag: `"${Buffer.from(id).toString("hex").slice(0, 16)}"`, "last-modified": "Tue, 01 Dec 2026 10:00:00 GMT" } })),
  ),
  variant(
    {
      name: "cashfree-customer-id-from-header",
      provider: "cashfree",
      departure: "takes the customer id from an X-Customer-Id request header when there is one, in place of the path's, so a delete of one id deletes another",
      expectedCheck: "exact_id_match",
    },
    {
      rewriteRequest: (req) => {
        const id = req.headers["x-customer-id"];
        return typeof id === "string" && id !== "" ? withLastId(req, id) : req;
      },
    },
  ),
  variant(
    {
      name: "juspay-ids-from-form-fields",
      provider: "juspay",
      departure: "takes customer_id and customer_account_id from form fields of those names when the body has them, in place of the path's, so a delete of one account deletes another",
      expectedCheck: "exact_id_match",
    },
    {
      rewriteRequest: (req, env) => {
        const form = new URLSearchParams(req.body);
        return ["customer_id", "customer_account_id"].reduce((request, name) => {
          const value = form.get(name);
          return value === null || value === "" ? request : withPathValue(request, env.operation, name, value);
        }, req);
      },
    },
  ),
  variant(
    {
      name: "juspay-other-customers-account-401",
      provider: "juspay",
      departure: "answers a delete of an account that belongs to another customer 401 access_denied, valid key and all, instead of the not-found 404 (it tells a caller the account exists, and blames the key)",
      expectedCheck: "ownership_enforcement",
    },
    juspayKnowingOwners((req, ctx, actual) => {
      const { customer_id: customerId, customer_account_id: accountId = "" } = ctx.path;
      if (actual === undefined || actual === customerId || !ctx.store.hasAccount(actual, accountId)) return juspay.remove(req, ctx);
      return ctx.behaviour.errorReply("unauthorized", "You are not authorised to act on this customer account.");
    }),
  ),
  variant(
    {
      name: "juspay-repeat-delete-takes-next-account",
      provider: "juspay",
      departure: "answers a repeat delete of an account it already deleted 200 DELETED (allowed), but in doing so deletes the customer's next account outright, whose own delete then gets 404",
      expectedCheck: "delete_semantics",
    },
    () => {
      const accounts = new Map<string, string[]>();
      const deleted = new Set<string>();
      return {
        behaviour: {
          createFixture(env, requested) {
            const [customerId, accountId] = juspay.createFixture(env, requested);
            accounts.set(customerId, [...(accounts.get(customerId) ?? []), accountId]);
            return [customerId, accountId];
          },
          remove(req, ctx) {
            const { customer_id: customerId, customer_account_id: accountId } = ctx.path;
            if (customerId === undefined || accountId === undefined) return juspay.remove(req, ctx);
            if (!deleted.has(accountKey(customerId, accountId))) {
              const reply = juspay.remove(req, ctx);
              if (reply.status === 200) deleted.add(accountKey(customerId, accountId));
              return reply;
            }
            // The repeat: the next account of the customer after this one (or before it) goes instead.
            const list = accounts.get(customerId) ?? [];
            const at = list.indexOf(accountId);
            const next = [...list.slice(at + 1), ...list.slice(0, Math.max(at, 0))].find((other) => other !== accountId && ctx.store.hasAccount(customerId, other));
            // Removed outright, not kept as a deleted record: its own delete finds nothing.
            if (next !== undefined) ctx.store.removeAccount(customerId, next);
            return jsonReply(200, { customer_account_status: "DELETED", customer_account_id: accountId });
          },
        },
      };
    },
  ),
  variant(
    {
      name: "yuno-error-bodies-wrapped",
      provider: "yuno",
      departure: "wraps every error body under an error member ({\"error\": {\"code\": …, \"messages\": …}}), so a client reading code at the top, as the doc shows it, finds none (the schema requires no field: a warning, so judged with --strict)",
      expectedCheck: "error_code_conformance",
      runOptions: { strict: true },
    },
    { transformReply: (_req, reply) => (reply.status >= 400 && reply.body && typeof reply.body === "object" ? { ...reply, body: { error: reply.body } } : reply) },
  ),
];
