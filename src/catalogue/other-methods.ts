/**
 * Adapters whose router ignores the method (a handler registered for every method), so another
 * method on the delete path deletes too. Caught by unsupported_method.
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
  anyMethodDeletes("juspay", "DELETE with command=delete"),
  anyMethodDeletes("yuno", "PATCH"),
  anyMethodDeletes("cashfree", "GET"),
  anyMethodDeletes("enkash", "POST"),
];
