/**
 * Adapters that hand out a record the delete removed, replay an answer to a request it does not
 * belong to, or lose a scoped delete: Cashfree soft-deleting a customer that a GET on its path
 * still returns, Juspay's Get Customer Account answering from a cache the delete never clears, and
 * Yuno's 405 naming GET, HEAD and OPTIONS in Allow but not DELETE (unsupported_method, the last a
 * warning); Cashfree replaying a delete's 204 for its Idempotency-Key before the credentials are
 * checked (auth_enforcement); Yuno's idempotency cache keyed on key and path, not on
 * x-account-code (ownership_enforcement); EnKash keeping customers under the Java String.hashCode
 * of their ids, so another id with the same hash deletes one (exact_id_match); and EnKash's delete
 * with parentCompanyId answering 200 and deleting nothing, or, after a soft delete, finding the
 * deleted customer again (positive_data_acceptance).
 */
import { badRequiredHeader, jsonReply } from "../sandboxes/replies.ts";
import { answer } from "../sandboxes/pipeline.ts";
import { baseBehaviour } from "../sandboxes/index.ts";
import { sendReply } from "../sandboxes/server.ts";
import type { HttpProvider } from "../providers.ts";
import type { ProviderBehaviour, SandboxContext, SandboxOptions, SandboxReply, SandboxRequest, SandboxStore } from "../sandboxes/types.ts";
import { resolving } from "./loose-ids.ts";
import { variant, type FaultyAdapter } from "./types.ts";

const cashfree = baseBehaviour("cashfree");
const enkash = baseBehaviour("enkash");
const juspay = baseBehaviour("juspay");

/**
 * A GET on the delete path served as a read: routed and checked as the delete is (credentials,
 * then `check`), then answered by `read`; every other method as the sandbox answers it.
 */
function servingGet(check: ProviderBehaviour["validate"], read: (ctx: SandboxContext) => SandboxReply): SandboxOptions["rawResponse"] {
  return (req, res, env) => {
    if (req.method !== "GET") return false;
    sendReply(res, answer({ ...req, method: env.operation.method }, { ...env, behaviour: { ...env.behaviour, validate: check, remove: (_req, ctx) => read(ctx) } }));
    return true;
  };
}

/** The idempotency key a request carries (Idempotency-Key, else X-Idempotency-Key), or undefined. */
function idempotencyKey(req: SandboxRequest): string | undefined {
  const key = req.headers["idempotency-key"] ?? req.headers["x-idempotency-key"];
  return typeof key === "string" ? key : undefined;
}

/**
 * The provider's steps behind an idempotency layer that runs in place of `step`: a request whose
 * key, method and path ids an earlier success carried gets that success again, whatever else it
 * carries (its credentials, where `step` is authenticate; its account code, where it is validate).
 */
function replayingBefore(provider: HttpProvider, step: "authenticate" | "validate"): () => SandboxOptions {
  const base = baseBehaviour(provider);
  return () => {
    const answered = new Map<string, SandboxReply>();
    const slot = (req: SandboxRequest, ctx: SandboxContext): string | undefined => {
      const key = idempotencyKey(req);
      return key === undefined ? undefined : `${key} ${req.method} ${JSON.stringify(ctx.path)}`;
    };
    return {
      behaviour: {
        [step]: (req: SandboxRequest, ctx: SandboxContext) => {
          const at = slot(req, ctx);
          return (at === undefined ? undefined : answered.get(at)) ?? base[step](req, ctx);
        },
        remove(req, ctx) {
          const reply = base.remove(req, ctx);
          const at = slot(req, ctx);
          if (at !== undefined && reply.status >= 200 && reply.status < 300) answered.set(at, reply);
          return reply;
        },
      },
    };
  };
}

/** Java's String.hashCode: h = 31 * h + c over the UTF-16 code units, in 32 bits. */
function javaHash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return h;
}

/** A store whose removeCustomer reports success and removes nothing (its failure swallowed). */
function removingNothing(store: SandboxStore): SandboxStore {
  return { ...store, removeCustomer: (customerId) => store.hasCustomer(customerId) };
}

/** Whether the request is scoped by parentCompanyId. */
const scoped = (req: SandboxRequest): boolean => req.query.has("parentCompanyId");

export const readsKeysAndScopes: FaultyAdapter[] = [
  variant(
    {
      name: "cashfree-soft-delete-still-readable",
      provider: "cashfree",
      departure: "soft-deletes: the delete answers 204 and marks the customer deleted (a repeat delete gets 404) but keeps the record, which a GET on /customer/{customer_id} still returns 200 with its customer_id, name and email",
      expectedCheck: "unsupported_method",
    },
    () => {
      const kept = new Set<string>();
      return {
        behaviour: {
          remove(req, ctx) {
            const reply = cashfree.remove(req, ctx);
            if (reply.status === 204 && ctx.path.customer_id !== undefined) kept.add(ctx.path.customer_id);
            return reply;
          },
        },
        rawResponse: servingGet(cashfree.validate, (ctx) => {
          const id = ctx.path.customer_id;
          if (id === undefined || !(ctx.store.hasCustomer(id) || kept.has(id))) return ctx.behaviour.errorReply("notFound", "Customer not found with the provided customer ID");
          return jsonReply(200, { customer_id: id, customer_name: "Priya Sharma", customer_email: "priya.sharma@example.com" });
        }),
      };
    },
  ),
  variant(
    {
      name: "juspay-get-account-cached-past-delete",
      provider: "juspay",
      departure: "answers Get Customer Account (GET on the account's path, documented there as another operation) from a cache the delete never clears, so after a 200 DELETED the GET still answers 200 with the account, status ACTIVE",
      expectedCheck: "unsupported_method",
    },
    () => {
      const cache = new Map<string, SandboxReply>();
      return {
        rawResponse: servingGet(
          (req, ctx) => (badRequiredHeader(req, ctx) ? ctx.behaviour.errorReply("invalidRequest", "Mandatory header x-routing-id is missing.") : undefined),
          (ctx) => {
            const { customer_id: customerId, customer_account_id: accountId } = ctx.path;
            const key = JSON.stringify([customerId, accountId]);
            const cached = cache.get(key);
            if (cached) return cached;
            if (customerId === undefined || accountId === undefined || !ctx.store.hasAccount(customerId, accountId)) return juspay.errorReply("notFound", "Customer account not found.");
            const reply = jsonReply(200, { customer_account_id: accountId, customer_id: customerId, customer_account_status: "ACTIVE" });
            cache.set(key, reply);
            return reply;
          },
        ),
      };
    },
  ),
  variant(
    {
      name: "yuno-405-allow-leaves-out-delete",
      provider: "yuno",
      departure: "answers other methods on the delete path 405 with Allow: GET, HEAD, OPTIONS, leaving out the DELETE it serves there (an Allow from another route's table; a warning, so judged with --strict)",
      expectedCheck: "unsupported_method",
      runOptions: { strict: true },
    },
    { transformReply: (_req, reply) => (reply.status === 405 ? { ...reply, headers: { ...reply.headers, allow: "GET, HEAD, OPTIONS" } } : reply) },
  ),
  variant(
    {
      name: "cashfree-idempotency-replay-before-auth",
      provider: "cashfree",
      departure: "runs its idempotency layer before the credential check: a request with the Idempotency-Key (or X-Idempotency-Key) of an earlier successful delete of the same path gets that delete's 204 replayed, whatever its credentials",
      expectedCheck: "auth_enforcement",
    },
    replayingBefore("cashfree", "authenticate"),
  ),
  variant(
    {
      name: "yuno-idempotency-replay-any-account",
      provider: "yuno",
      departure: "keys its idempotency cache on the key and the path but not on x-account-code, so a request with a seen key replays the earlier 202 under any account code",
      expectedCheck: "ownership_enforcement",
    },
    replayingBefore("yuno", "validate"),
  ),
  variant(
    {
      name: "enkash-customers-keyed-on-hash",
      provider: "enkash",
      departure: "keeps customers under the Java String.hashCode of their ids (32 bits, h = 31 * h + c), so an id that never existed with the same hash deletes the customer",
      expectedCheck: "exact_id_match",
    },
    resolving("enkash", (value, known, all) => (known(value) ? value : all().find((id) => javaHash(id) === javaHash(value)))),
  ),
  variant(
    {
      name: "enkash-scoped-delete-swallows-failure",
      provider: "enkash",
      departure: "answers a delete with parentCompanyId 200 and deletes nothing (the scoped branch swallows the delete's error); without parentCompanyId it deletes",
      expectedCheck: "positive_data_acceptance",
    },
    { behaviour: { remove: (req, ctx) => enkash.remove(req, scoped(req) ? { ...ctx, store: removingNothing(ctx.store) } : ctx) } },
  ),
  variant(
    {
      name: "enkash-scoped-lookup-finds-deleted",
      provider: "enkash",
      departure: "soft-deletes, and its lookup scoped by parentCompanyId forgets the deleted filter: a repeat delete naming the customer's own parentCompanyId answers 200 again (without the query it is 404)",
      expectedCheck: "positive_data_acceptance",
    },
    () => {
      const deleted = new Set<string>();
      return {
        behaviour: {
          remove(req, ctx) {
            const id = ctx.path.customerId;
            if (id !== undefined && scoped(req) && deleted.has(id)) return enkash.remove(req, { ...ctx, store: { ...ctx.store, removeCustomer: () => true } });
            const reply = enkash.remove(req, ctx);
            if (id !== undefined && reply.status === 200) deleted.add(id);
            return reply;
          },
        },
      };
    },
  ),
];
