/**
 * Adapters with broken object-level authorisation (OWASP API1): a resource is deleted through a
 * scope it does not belong to. Caught by ownership_enforcement.
 */
import { baseBehaviour } from "../sandboxes/index.ts";
import { jsonReply } from "../sandboxes/replies.ts";
import { withHeader } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

const yuno = baseBehaviour("yuno");

export const ownership: FaultyAdapter[] = [
  variant(
    {
      name: "juspay-account-deleted-under-any-customer",
      provider: "juspay",
      departure: "deletes a customer account found under any customer, whichever customer_id the path names",
      expectedCheck: "ownership_enforcement",
    },
    () => {
      const owner = new Map<string, string>();
      const base = baseBehaviour("juspay");
      return {
        behaviour: {
          createFixture(env, requested) {
            const [customerId, accountId] = base.createFixture(env, requested);
            owner.set(accountId, customerId);
            return [customerId, accountId];
          },
          remove(req, ctx) {
            const accountId = ctx.path.customer_account_id;
            const customerId = accountId === undefined ? undefined : owner.get(accountId);
            if (customerId === undefined || !ctx.store.removeAccount(customerId, accountId!)) return base.remove(req, ctx);
            return jsonReply(200, { customer_account_status: "DELETED", customer_account_id: accountId });
          },
        },
      };
    },
  ),
  variant(
    {
      name: "yuno-account-code-not-checked",
      provider: "yuno",
      departure: "accepts any well-formed x-account-code, so a customer is deleted through an account that never issued it",
      expectedCheck: "ownership_enforcement",
    },
    {
      behaviour: {
        validate: (req, ctx) => {
          const code = req.headers["x-account-code"];
          const wellFormed = typeof code === "string" && ctx.checks.parameter("x-account-code", code);
          return yuno.validate(wellFormed ? withHeader(req, "x-account-code", ctx.credentials.YUNO_ACCOUNT_CODE) : req, ctx);
        },
      },
    },
  ),
];
