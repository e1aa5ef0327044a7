/**
 * Adapters whose deletes mean something other than the documents say: a delete that does
 * nothing, a second delete that succeeds, a never-existing id deleted "successfully", a delete
 * that takes every other customer with it, and a documented 500 answered to every delete of an
 * existing customer. Caught by delete_semantics.
 */
import { baseBehaviour } from "../sandboxes/index.ts";
import { jsonReply } from "../sandboxes/replies.ts";
import { recordingFixtures, succeedingAgain } from "./request-view.ts";
import type { HttpProvider } from "../providers.ts";
import type { SandboxContext, SandboxOptions, SandboxReply, SandboxRequest } from "../sandboxes/types.ts";
import { variant, type FaultyAdapter } from "./types.ts";

const juspay = baseBehaviour("juspay");
const cashfree = baseBehaviour("cashfree");
const enkash = baseBehaviour("enkash");

/** Sandbox options whose remove step also knows every id the sandbox handed out as a fixture. */
function knowingIssued(provider: HttpProvider, remove: (req: SandboxRequest, ctx: SandboxContext, issued: ReadonlySet<string>) => SandboxReply): () => SandboxOptions {
  return () => {
    const issued = new Set<string>();
    return { behaviour: { ...recordingFixtures(provider, issued), remove: (req, ctx) => remove(req, ctx, issued) } };
  };
}

export const deleteSemantics: FaultyAdapter[] = [
  variant(
    {
      name: "enkash-parent-checked-after-delete",
      provider: "enkash",
      departure: "deletes the customer first and checks parentCompanyId afterwards, answering 404 for another parent's id although the customer is gone",
      expectedCheck: "delete_semantics",
    },
    {
      behaviour: {
        remove(req, ctx) {
          const reply = enkash.remove(req, ctx);
          const parent = req.query.get("parentCompanyId");
          return reply.status === 200 && parent !== null ? enkash.errorReply("notFound", "No customer under that parent company") : reply;
        },
      },
    },
  ),
  variant(
    {
      name: "juspay-deletes-every-account-of-the-customer",
      provider: "juspay",
      departure: "removes every account of the customer when one is deleted (DELETE ... WHERE customer_id = ?)",
      expectedCheck: "delete_semantics",
    },
    {
      behaviour: {
        remove(req, ctx) {
          const reply = juspay.remove(req, ctx);
          const customerId = ctx.path.customer_id;
          if (reply.status === 200 && customerId !== undefined) ctx.store.removeCustomer(customerId);
          return reply;
        },
      },
    },
  ),
  variant(
    {
      name: "cashfree-second-delete-succeeds",
      provider: "cashfree",
      departure: "answers 204 again to a delete of a customer it already deleted (a soft delete that still finds the customer)",
      expectedCheck: "delete_semantics",
    },
    succeedingAgain("cashfree"),
  ),
  variant(
    {
      name: "enkash-never-existing-delete-succeeds",
      provider: "enkash",
      departure: "answers 200 to a delete of a customerId it never issued",
      expectedCheck: "delete_semantics",
    },
    knowingIssued("enkash", (req, ctx, issued) => {
      const [customerId] = Object.values(ctx.path);
      if (customerId === undefined || issued.has(customerId)) return enkash.remove(req, ctx);
      return jsonReply(200, { response_code: 200, response_message: "OK", payload: `Customer ${customerId} deleted` });
    }),
  ),
  variant(
    {
      name: "enkash-delete-cascades",
      provider: "enkash",
      departure: "deleting one customer deletes every customer it issued besides (a delete that cascades over the parent company)",
      expectedCheck: "delete_semantics",
    },
    knowingIssued("enkash", (req, ctx, issued) => {
      const reply = enkash.remove(req, ctx);
      if (reply.status === 200) for (const id of issued) ctx.store.removeCustomer(id);
      return reply;
    }),
  ),
  variant(
    {
      name: "cashfree-always-deletion-failed",
      provider: "cashfree",
      departure: "answers every delete of an existing customer with the documented 500 deletion_failed and keeps it",
      expectedCheck: "delete_semantics",
    },
    {
      behaviour: {
        remove(req, ctx) {
          const [customerId] = Object.values(ctx.path);
          if (customerId === undefined || !ctx.store.hasCustomer(customerId)) return cashfree.remove(req, ctx);
          return jsonReply(500, { message: "Customer deletion failed due to server error", code: "deletion_failed", type: "server_error" });
        },
      },
    },
  ),
];
