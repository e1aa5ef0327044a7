/**
 * Adapters whose delete is not atomic: it checks that the customer exists, answers the success,
 * and removes it only a moment later (a read-then-write without a lock, or a replica lagging
 * behind). Deletes in flight together all get the success. Caught by delete_semantics'
 * concurrent deletes. Yuno documents 202 Accepted, which allows a delete that takes effect later,
 * so its adapter departs differently: the deletes that lose the race get a 500. And one whose
 * delete keeps deletes of other customers from finding theirs for a moment, caught by two
 * fixtures deleted at once. And one that guards its lagging delete with a cache of deletes in
 * flight keyed on the raw request path, so identical deletes get one success and deletes of the
 * same customer spelled another way (`%63ust_…`) get one more.
 */
import type { HttpProvider } from "../providers.ts";
import { baseBehaviour } from "../sandboxes/index.ts";
import { jsonReply } from "../sandboxes/replies.ts";
import type { ProviderBehaviour, SandboxOptions, SandboxStore } from "../sandboxes/types.ts";
import { variant, type FaultyAdapter } from "./types.ts";

/** How long a delete keeps others from finding their customers (yuno-delete-blocks-other-customers). */
const BLOCK_MS = 200;

/** How long a removal lags behind the answer. */
export const LAG_MS = 150;

/**
 * A store whose removals report success while the entry is still there, and take effect LAG_MS
 * later; `pending` holds the keys being removed. Timers never keep the process alive.
 */
function laggingStore(store: SandboxStore, pending: Set<string>): SandboxStore {
  const later = (key: string, remove: () => void): void => {
    pending.add(key);
    setTimeout(() => {
      pending.delete(key);
      remove();
    }, LAG_MS).unref();
  };
  return {
    ...store,
    removeCustomer(customerId) {
      if (!store.hasCustomer(customerId)) return false;
      later(customerId, () => store.removeCustomer(customerId));
      return true;
    },
    removeAccount(customerId, accountId) {
      if (!store.hasAccount(customerId, accountId)) return false;
      later(`${customerId}/${accountId}`, () => store.removeAccount(customerId, accountId));
      return true;
    },
  };
}

/** A remove step whose removal takes effect LAG_MS after its success answer; one pending set per call. */
export function laggingRemove(provider: HttpProvider, pending = new Set<string>()): ProviderBehaviour["remove"] {
  const base = baseBehaviour(provider);
  return (req, ctx) => base.remove(req, { ...ctx, store: laggingStore(ctx.store, pending) });
}

function notAtomic(provider: HttpProvider): FaultyAdapter {
  return variant(
    {
      name: `${provider}-delete-not-atomic`,
      provider,
      departure: `answers the success while the customer is still there and removes it ${LAG_MS} ms later, so concurrent deletes all succeed`,
      expectedCheck: "delete_semantics",
    },
    (): SandboxOptions => ({ behaviour: { remove: laggingRemove(provider) } }),
  );
}

export const races: FaultyAdapter[] = [
  notAtomic("juspay"),
  notAtomic("cashfree"),
  notAtomic("enkash"),
  variant(
    {
      name: "yuno-concurrent-delete-500",
      provider: "yuno",
      departure: "answers 500 to a delete of a customer whose deletion is already under way (a lock conflict)",
      expectedCheck: "delete_semantics",
    },
    (): SandboxOptions => {
      const pending = new Set<string>();
      const remove = laggingRemove("yuno", pending);
      return {
        behaviour: {
          remove: (req, ctx) => {
            const customerId = ctx.path.customer_id;
            if (customerId !== undefined && pending.has(customerId)) return jsonReply(500, { code: "INTERNAL_ERROR", messages: ["Could not lock the customer."] });
            return remove(req, ctx);
          },
        },
      };
    },
  ),
  variant(
    {
      name: "yuno-delete-blocks-other-customers",
      provider: "yuno",
      departure: `for ${BLOCK_MS} ms after a delete (a cache being refreshed), answers a delete of any other customer CUSTOMER_NOT_FOUND and deletes nothing`,
      expectedCheck: "delete_semantics",
    },
    (): SandboxOptions => {
      const yuno = baseBehaviour("yuno");
      let busy: { id: string; until: number } | undefined;
      return {
        behaviour: {
          remove: (req, ctx) => {
            const customerId = ctx.path.customer_id ?? "";
            if (busy && busy.id !== customerId && performance.now() < busy.until) return yuno.errorReply("notFound", "Customer not found");
            const reply = yuno.remove(req, ctx);
            if (reply.status < 300) busy = { id: customerId, until: performance.now() + BLOCK_MS };
            return reply;
          },
        },
      };
    },
  ),
  variant(
    {
      name: "cashfree-race-lock-keyed-on-raw-path",
      provider: "cashfree",
      departure: `removes a customer ${LAG_MS} ms after its 204 and answers 404 to deletes whose raw path matches one in flight, so identical concurrent deletes get one success, but the same customer spelled another way (a letter percent-encoded) is deleted again with 204`,
      expectedCheck: "delete_semantics",
    },
    () => {
      const inFlight = new Set<string>();
      const remove = laggingRemove("cashfree");
      const cashfree = baseBehaviour("cashfree");
      return {
        behaviour: {
          remove(req, ctx) {
            if (inFlight.has(req.rawUrl)) return cashfree.errorReply("notFound", "Customer not found with the provided customer ID");
            const reply = remove(req, ctx);
            if (reply.status === 204) {
              inFlight.add(req.rawUrl);
              setTimeout(() => inFlight.delete(req.rawUrl), LAG_MS).unref();
            }
            return reply;
          },
        },
      };
    },
  ),
];
