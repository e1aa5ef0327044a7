/**
 * The provider states payconform's contracts use, per provider:
 *
 * - the profile's fixture state ("a customer exists", Juspay "a customer account exists"), with
 *   params carrying the ids the interaction deletes, keyed by path parameter name;
 * - the not-found state ("no customer exists", Juspay "no customer account exists"), with params
 *   carrying the never-created ids the interaction deletes.
 *
 * Interactions that never reach a lookup (a malformed id or body) have no state.
 */
import { PROFILES } from "../profiles/index.ts";
import type { HttpProvider } from "../providers.ts";

export function fixtureState(provider: HttpProvider): string {
  return PROFILES[provider].fixtureState;
}

export function notFoundState(provider: HttpProvider): string {
  return provider === "juspay" ? "no customer account exists" : "no customer exists";
}
