/**
 * Allowed ways of holding state and load: deletes that take effect later or keep a record, ids
 * numbered per parent, other customers whose ids differ from a fixture's only in case, documented transient failures, rate limits and load shedding.
 */
import { baseBehaviour } from "../sandboxes/index.ts";
import { jsonReply } from "../sandboxes/replies.ts";
import type { HttpProvider } from "../providers.ts";
import { laggingRemove } from "./races.ts";
import { succeedingAgain } from "./request-view.ts";
import { allowed, type AllowedMeta, type AllowedVariant } from "./types.ts";

const juspay = baseBehaviour("juspay");
const cashfree = baseBehaviour("cashfree");

export const STATE_AND_LOAD: readonly AllowedVariant[] = [
  allowed(
    {
      name: "cashfree-customers-differing-in-case",
      provider: "cashfree",
      choice: "holds, beside each customer set up, another whose id is the same in the other case (CUST_x beside cust_x); lookups compare ids exactly",
      documents: "customer_id is a string the merchant chooses; nothing makes two ids that differ in case one customer",
      mayWarn: ["exact_id_match"],
    },
    {
      behaviour: {
        createFixture: (env, requested) => {
          const ids = cashfree.createFixture(env, requested);
          const other = Array.from(ids[0], (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join("");
          if (other !== ids[0] && !env.store.hasCustomer(other)) env.store.addCustomer(other);
          return ids;
        },
      },
    },
  ),
  allowed(
    {
      name: "yuno-deferred-delete",
      provider: "yuno",
      choice: "answers 202 and removes the customer a moment later, so deletes right after it still get 202",
      documents: "the documented success is 202 Accepted: the delete may take effect after the answer (RFC 9110 §15.3.3)",
      mayWarn: ["delete_semantics"],
    },
    () => ({ behaviour: { remove: laggingRemove("yuno") } }),
  ),
  allowed(
    {
      name: "yuno-anonymized-customer-deleted-again",
      provider: "yuno",
      choice: "anonymizes a deleted customer and keeps the record, so a delete of it again gets 202 again",
      documents: "the request deletes or anonymizes the customer; an anonymized customer may still be found (what a repeat delete gets is assumed)",
      mayWarn: ["delete_semantics"],
    },
    succeedingAgain("yuno"),
  ),
  allowed(
    {
      name: "juspay-account-ids-numbered-per-customer",
      provider: "juspay",
      choice: "numbers each customer's accounts from bank_0001, so two customers both have a bank_0001",
      documents: "the page deletes the account ID against the provided customer ID and nowhere says account ids are unique across customers",
      mayWarn: [],
    },
    () => {
      const issued = new Map<string, number>();
      return {
        behaviour: {
          createFixture(env, [customerId, accountId]) {
            const [customer] = juspay.createFixture(env, [customerId, "pc_placeholder"]);
            env.store.removeAccount(customer, "pc_placeholder");
            const n = (issued.get(customer) ?? 0) + 1;
            issued.set(customer, n);
            const account = accountId ?? `bank_${String(n).padStart(4, "0")}`;
            env.store.addAccount(customer, account);
            return [customer, account];
          },
        },
      };
    },
  ),
  allowed(
    {
      name: "cashfree-first-delete-fails-once",
      provider: "cashfree",
      choice: "answers the first delete of each customer 500 deletion_failed with Retry-After: 0 and deletes nothing; the next one succeeds",
      documents: "the doc lists 500 Customer deletion failed (deletion_failed) among the delete's answers",
      mayWarn: ["status_code_conformance", "delete_semantics"],
    },
    () => {
      const tried = new Set<string>();
      return {
        behaviour: {
          remove(req, ctx) {
            const id = ctx.path.customer_id;
            if (id === undefined || !ctx.store.hasCustomer(id) || tried.has(id)) return cashfree.remove(req, ctx);
            tried.add(id);
            return { status: 500, headers: { "retry-after": "0" }, body: { message: "Customer deletion failed due to server error", code: "deletion_failed", type: "server_error" } };
          },
        },
      };
    },
  ),
  refusingEveryNth(
    {
      name: "cashfree-sheds-load-with-503",
      provider: "cashfree",
      choice: "answers every 7th request 503 Service Unavailable with Retry-After: 0, before looking at it",
      documents: "a server shedding load may answer 503 with Retry-After to any request (RFC 9110 §15.6.4); the doc is silent on overload",
      mayWarn: ["delete_semantics"],
    },
    7,
    503,
    "Service unavailable",
  ),
  allowed(
    {
      name: "juspay-deleted-accounts-kept-as-deleted",
      provider: "juspay",
      choice: "keeps a deleted account with its status DELETED, so a repeat delete finds it and answers 200 DELETED again",
      documents: "the success reports customer_account_status DELETED, a status an account may keep; the page does not say what a repeat delete gets",
      mayWarn: ["delete_semantics"],
    },
    () => {
      const deleted = new Set<string>();
      return {
        behaviour: {
          remove(req, ctx) {
            const [customerId, accountId] = Object.values(ctx.path);
            const key = `${customerId}/${accountId}`;
            if (customerId !== undefined && accountId !== undefined && deleted.has(key)) return jsonReply(200, { customer_account_status: "DELETED", customer_account_id: accountId });
            const reply = juspay.remove(req, ctx);
            if (reply.status === 200) deleted.add(key);
            return reply;
          },
        },
      };
    },
  ),
  allowed(
    {
      name: "cashfree-sequential-ids",
      provider: "cashfree",
      choice: "issues customer ids in sequence (cust_100, cust_101, …) beside customers cust_1 to cust_99 that other clients made; a delete of one of those answers 500, which payconform must never send",
      documents: "the doc gives customer_id no format; a sandbox shared with other clients holds their customers, which payconform may not delete",
      mayWarn: ["path_pattern_enforcement"],
    },
    () => {
      const others = new Set(Array.from({ length: 99 }, (_, i) => `cust_${i + 1}`));
      let next = 100;
      return {
        behaviour: {
          createFixture(env, [customerId]) {
            for (const id of others) env.store.addCustomer(id);
            return cashfree.createFixture(env, [customerId ?? `cust_${next++}`]);
          },
          remove(req, ctx) {
            const id = ctx.path.customer_id;
            return id !== undefined && others.has(id) ? jsonReply(500, { message: `payconform deleted ${id}, a customer it did not obtain`, code: "not_a_fixture", type: "api_error" }) : cashfree.remove(req, ctx);
          },
        },
      };
    },
  ),
  rateLimiting("enkash", 5),
  rateLimiting("juspay", 7),
];

/**
 * Every `nth` API request is answered 429 with Retry-After: 0 before any work, as a gateway's rate
 * limiter does: retried, the request is judged as any other; a race that a 429 cut into is not
 * judged (a warning of the race's check).
 */
function rateLimiting(provider: HttpProvider, nth: number): AllowedVariant {
  return refusingEveryNth(
    {
      name: `${provider}-rate-limits-callers`,
      provider,
      choice: `answers every ${nth}th request 429 Too Many Requests with Retry-After: 0, before looking at it`,
      documents: "any server may answer 429 to a caller that sends too much (RFC 6585 §4); the documents are silent on rate limits",
      mayWarn: ["delete_semantics"],
    },
    nth,
    429,
    "Too many requests",
  );
}

/** Every `nth` request is answered `status` with Retry-After: 0 before any work; the count starts afresh with every start of the target. */
function refusingEveryNth(declared: AllowedMeta, nth: number, status: 429 | 503, message: string): AllowedVariant {
  return allowed(declared, () => {
    let seen = 0;
    return {
      rawResponse: (_req, res) => {
        if (++seen % nth !== 0) return false;
        res.writeHead(status, { "content-type": "application/json", "retry-after": "0" }).end(JSON.stringify({ message }));
        return true;
      },
    };
  });
}
