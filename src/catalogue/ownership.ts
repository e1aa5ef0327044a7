/**
 * Adapters with broken object-level authorisation (OWASP API1): a resource is deleted through a
 * scope it does not belong to, or a deleted one's success answered under any scope (a tombstone
 * found before the scope is checked). Caught by ownership_enforcement.
 */
import { baseBehaviour } from "../sandboxes/index.ts";
import { jsonReply } from "../sandboxes/replies.ts";
import { accountCodeTaken, juspayKnowingOwners } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

const juspay = baseBehaviour("juspay");

/** A Juspay behaviour that remembers which customer each account was made under. */
function withOwners(remove: (owner: Map<string, string>) => (typeof juspay)["remove"]) {
  return () => {
    const owner = new Map<string, string>();
    return {
      behaviour: {
        createFixture(env: Parameters<(typeof juspay)["createFixture"]>[0], requested: Parameters<(typeof juspay)["createFixture"]>[1]) {
          const [customerId, accountId] = juspay.createFixture(env, requested);
          owner.set(accountId, customerId);
          return [customerId, accountId];
        },
        remove: remove(owner),
      },
    };
  };
}

export const ownership: FaultyAdapter[] = [
  variant(
    {
      name: "juspay-tombstone-answered-under-any-customer",
      provider: "juspay",
      departure: "keeps deleted accounts as tombstones and answers a delete of one 200 DELETED before it checks the customer, so any customer_id gets the deleted account's success",
      expectedCheck: "ownership_enforcement",
    },
    () => {
      const deleted = new Set<string>();
      return {
        behaviour: {
          remove(req, ctx) {
            const accountId = ctx.path.customer_account_id;
            if (accountId !== undefined && deleted.has(accountId)) return jsonReply(200, { customer_account_status: "DELETED", customer_account_id: accountId });
            const reply = juspay.remove(req, ctx);
            if (reply.status === 200 && accountId !== undefined) deleted.add(accountId);
            return reply;
          },
        },
      };
    },
  ),
  variant(
    {
      name: "juspay-account-deleted-under-any-customer",
      provider: "juspay",
      departure: "deletes a customer account found under any customer, whichever customer_id the path names",
      expectedCheck: "ownership_enforcement",
    },
    juspayKnowingOwners((req, ctx, customerId) => {
      const accountId = ctx.path.customer_account_id ?? "";
      if (customerId === undefined || !ctx.store.removeAccount(customerId, accountId)) return baseBehaviour("juspay").remove(req, ctx);
      return jsonReply(200, { customer_account_status: "DELETED", customer_account_id: accountId });
    }),
  ),
  variant(
    {
      name: "yuno-account-code-compared-as-a-number",
      provider: "yuno",
      departure: "compares x-account-code as a hex number read into a double, so a code that differs from its own only in its last digits passes for it",
      expectedCheck: "ownership_enforcement",
    },
    accountCodeTaken((code, configured) => code !== configured && code.length === configured.length && code.slice(0, -1) === configured.slice(0, -1)),
  ),
  variant(
    {
      name: "yuno-account-code-not-checked",
      provider: "yuno",
      departure: "accepts any well-formed x-account-code, so a customer is deleted through an account that never issued it",
      expectedCheck: "ownership_enforcement",
    },
    accountCodeTaken((code, _configured, ctx) => ctx.checks.parameter("x-account-code", code)),
  ),
  variant(
    {
      name: "juspay-owner-checked-against-x-routing-id",
      provider: "juspay",
      departure: "checks whose account it is against the x-routing-id header, not the customer_id in the path, so a request naming the owner in the header deletes it under any customer",
      expectedCheck: "ownership_enforcement",
    },
    withOwners((owner) => (req, ctx) => {
      const accountId = ctx.path.customer_account_id;
      const routing = req.headers["x-routing-id"];
      if (accountId === undefined || typeof routing !== "string" || owner.get(accountId) !== routing || !ctx.store.removeAccount(routing, accountId)) return juspay.remove(req, ctx);
      return jsonReply(200, { customer_account_status: "DELETED", customer_account_id: accountId });
    }),
  ),
  variant(
    {
      name: "juspay-refusal-names-the-owner",
      provider: "juspay",
      departure: "refuses a delete under the wrong customer with a 404 whose developer_message names the customer the account belongs to (OWASP API3)",
      expectedCheck: "ownership_enforcement",
    },
    withOwners((owner) => (req, ctx) => {
      const { customer_id: customerId, customer_account_id: accountId } = ctx.path;
      const actual = accountId === undefined ? undefined : owner.get(accountId);
      if (actual === undefined || actual === customerId || !ctx.store.hasAccount(actual, accountId!)) return juspay.remove(req, ctx);
      const reply = juspay.errorReply("notFound", "Customer account not found.");
      const body = reply.body as { error_info: Record<string, unknown> };
      return { ...reply, body: { ...body, error_info: { ...body.error_info, developer_message: `Customer account ${accountId} belongs to customer ${actual}, not ${customerId}.` } } };
    }),
  ),
];
