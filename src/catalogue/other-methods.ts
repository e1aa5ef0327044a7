/**
 * Adapters whose router ignores the method (a handler registered for every method), or honours a
 * method-override header, so another method on the delete path deletes too. Caught by
 * unsupported_method.
 */
import type { HttpProvider } from "../providers.ts";
import { variant, type FaultyAdapter } from "./types.ts";

function anyMethodDeletes(provider: HttpProvider, example: string): FaultyAdapter {
  return variant(
    {
      name: `${provider}-any-method-deletes`,
      provider,
      departure: `routes every method on the delete path to the delete (${example} deletes the customer)`,
      expectedCheck: "unsupported_method",
    },
    { rewriteRequest: (req, env) => ({ ...req, method: env.operation.method }) },
  );
}

export const otherMethods: FaultyAdapter[] = [
  variant(
    {
      name: "cashfree-honours-method-override",
      provider: "cashfree",
      departure: "treats a POST with X-HTTP-Method-Override: DELETE as the delete (a method-override middleware)",
      expectedCheck: "unsupported_method",
    },
    {
      rewriteRequest: (req, env) => {
        const override = req.headers["x-http-method-override"];
        return req.method === "POST" && typeof override === "string" ? { ...req, method: override.toUpperCase() } : req;
      },
    },
  ),
  anyMethodDeletes("juspay", "DELETE with command=delete"),
  anyMethodDeletes("yuno", "PATCH"),
  anyMethodDeletes("cashfree", "GET"),
  anyMethodDeletes("enkash", "POST"),
];
