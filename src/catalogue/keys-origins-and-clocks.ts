/**
 * Adapters that key answers on what a request carries besides its path, or tell scopes apart: an
 * idempotency key that replays the first delete's answer for another customer, Cashfree's with
 * nothing deleted and Yuno's even for an id that never existed (delete_semantics); Yuno telling a
 * caller of another account which customers exist, and Yuno opening an anonymized customer to any
 * account (ownership_enforcement); Juspay reflecting any Origin with credentials allowed
 * (auth_enforcement, a warning); Cashfree's 401 saying which of its keys was wrong
 * (auth_enforcement, a warning); EnKash cutting an echoed id between the halves of a surrogate pair
 * (content_type_conformance, a warning); EnKash's Date header in India's time labelled GMT
 * (response_schema_conformance, a warning).
 */
import { baseBehaviour } from "../sandboxes/index.ts";
import { accountHeadersMatch } from "../sandboxes/auth.ts";
import { emptyReply } from "../sandboxes/replies.ts";
import type { HttpProvider } from "../providers.ts";
import type { SandboxOptions, SandboxReply } from "../sandboxes/types.ts";
import { credentialsMatch } from "../sandboxes/auth.ts";
import { lastId } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

const yuno = baseBehaviour("yuno");
const cashfree = baseBehaviour("cashfree");

/** The provider's delete, except that a request whose idempotency key was seen before gets the answer that key got, and nothing is done. */
function replayingKeys(provider: HttpProvider): () => SandboxOptions {
  const base = baseBehaviour(provider);
  return () => {
    const answered = new Map<string, SandboxReply>();
    return {
      behaviour: {
        remove(req, ctx) {
          const key = req.headers["idempotency-key"] ?? req.headers["x-idempotency-key"];
          const seen = typeof key === "string" ? answered.get(key) : undefined;
          if (seen) return seen;
          const reply = base.remove(req, ctx);
          if (typeof key === "string" && reply.status < 300) answered.set(key, reply);
          return reply;
        },
      },
    };
  };
}

/** An India time (UTC+05:30) written as an HTTP date, labelled GMT. */
function indiaTimeAsGmt(now: number): string {
  return new Date(now + 330 * 60_000).toUTCString();
}

export const keysOriginsAndClocks: FaultyAdapter[] = [
  variant(
    {
      name: "cashfree-idempotency-key-replayed",
      provider: "cashfree",
      departure: "keeps the answer to each Idempotency-Key and replays it for any later request with that key, so a delete of another customer under a used key gets 204 and deletes nothing",
      expectedCheck: "delete_semantics",
    },
    replayingKeys("cashfree"),
  ),
  variant(
    {
      name: "yuno-idempotency-key-replayed",
      provider: "yuno",
      departure: "replays the 202 kept for an X-Idempotency-Key for any later request with that key, a delete of a customer that never existed included, and deletes nothing",
      expectedCheck: "delete_semantics",
    },
    replayingKeys("yuno"),
  ),
  variant(
    {
      name: "yuno-other-account-told-apart",
      provider: "yuno",
      departure: "answers a delete under another account's x-account-code 400 INVALID_REQUEST when the customer exists and 400 CUSTOMER_NOT_FOUND when it does not, telling a caller of another account which customers exist (an existence oracle; a warning, so judged with --strict)",
      expectedCheck: "ownership_enforcement",
      runOptions: { strict: true },
    },
    {
      behaviour: {
        validate(req, ctx) {
          if (accountHeadersMatch(req, ctx)) return yuno.validate(req, ctx);
          const id = ctx.path.customer_id;
          if (id !== undefined && !ctx.store.hasCustomer(id)) return ctx.behaviour.errorReply("notFound", "Customer not found.");
          return yuno.validate(req, ctx);
        },
      },
    },
  ),
  variant(
    {
      name: "yuno-anonymized-customer-open-to-any-account",
      provider: "yuno",
      departure: "anonymizes a deleted customer and keeps it without its account, so a delete naming any other account's x-account-code afterwards gets 202",
      expectedCheck: "ownership_enforcement",
    },
    () => {
      const anonymized = new Set<string>();
      return {
        behaviour: {
          validate(req, ctx) {
            const id = ctx.path.customer_id;
            if (id !== undefined && anonymized.has(id)) return undefined;
            return yuno.validate(req, ctx);
          },
          remove(req, ctx) {
            const id = ctx.path.customer_id;
            if (id !== undefined && anonymized.has(id)) return emptyReply(202);
            const reply = yuno.remove(req, ctx);
            if (reply.status === 202 && id !== undefined) anonymized.add(id);
            return reply;
          },
        },
      };
    },
  ),
  variant(
    {
      name: "juspay-cors-reflects-any-origin",
      provider: "juspay",
      departure: "answers every request with an Origin with Access-Control-Allow-Origin naming that origin and Access-Control-Allow-Credentials: true, though the API is server-to-server (a warning, so judged with --strict)",
      expectedCheck: "auth_enforcement",
      runOptions: { strict: true },
    },
    {
      transformReply: (req, reply) => {
        const origin = req.headers.origin;
        return typeof origin === "string" ? { ...reply, headers: { ...reply.headers, "access-control-allow-origin": origin, "access-control-allow-credentials": "true" } } : reply;
      },
    },
  ),
  variant(
    {
      name: "enkash-echoed-id-cut-in-a-surrogate-pair",
      provider: "enkash",
      departure: "names the requested id back in its errors' errorMessage cut to 17 UTF-16 units, which splits a character outside the BMP after a 16-character id and writes half of it as \\ud83d (a warning, so judged with --strict)",
      expectedCheck: "content_type_conformance",
      runOptions: { strict: true },
    },
    {
      transformReply: (req, reply) => {
        const id = lastId(req);
        if (reply.status < 400 || id === undefined || !reply.body || typeof reply.body !== "object") return reply;
        const body = reply.body as { errorResponse?: Record<string, unknown> };
        return { ...reply, body: { ...body, errorResponse: { ...body.errorResponse, errorMessage: `No customer ${id.slice(0, 17)}` } } };
      },
    },
  ),
  variant(
    {
      name: "enkash-date-in-india-time-labelled-gmt",
      provider: "enkash",
      departure: "writes its Date header in India's time labelled GMT, five and a half hours ahead, which also hides a time stamp in the wrong zone (a warning, so judged with --strict)",
      expectedCheck: "response_schema_conformance",
      runOptions: { strict: true },
    },
    { transformReply: (_req, reply) => ({ ...reply, headers: { ...reply.headers, date: indiaTimeAsGmt(Date.now()) } }) },
  ),
  variant(
    {
      name: "cashfree-401-tells-which-key-was-wrong",
      provider: "cashfree",
      departure: "answers a request whose x-client-id is right and x-client-secret wrong with its own 401 message (Invalid client secret), so a caller can confirm client ids one at a time (a warning, so judged with --strict)",
      expectedCheck: "auth_enforcement",
      runOptions: { strict: true },
    },
    {
      behaviour: {
        authenticate(req, ctx) {
          if (credentialsMatch(req, ctx)) return undefined;
          const reply = cashfree.authenticate(req, ctx);
          const idRight = req.headers["x-client-id"] === ctx.credentials.CASHFREE_CLIENT_ID;
          return reply && idRight && reply.body && typeof reply.body === "object" ? { ...reply, body: { ...reply.body, message: "Invalid client secret" } } : reply;
        },
      },
    },
  ),
];
