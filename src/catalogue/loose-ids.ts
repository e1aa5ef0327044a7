/**
 * Adapters that look ids up loosely, so a request naming another id deletes a customer: a
 * case-insensitive collation, a second percent-decoding, ids upper-cased before validation, and
 * a prefix match. Caught by exact_id_match.
 */
import { baseBehaviour } from "../sandboxes/index.ts";
import type { HttpProvider } from "../providers.ts";
import type { ProviderBehaviour, SandboxContext } from "../sandboxes/types.ts";
import { variant, type FaultyAdapter } from "./types.ts";

/** A remove step that resolves each path value to a stored id with `resolve` first, then removes as the provider does. */
function resolving(provider: HttpProvider, resolve: (value: string, known: (id: string) => boolean, all: () => string[]) => string | undefined): () => { behaviour: Partial<ProviderBehaviour> } {
  return () => {
    const base = baseBehaviour(provider);
    const issued = new Set<string>();
    return {
      behaviour: {
        createFixture(env, requested) {
          const ids = base.createFixture(env, requested);
          for (const id of ids) issued.add(id);
          return ids;
        },
        remove(req, ctx) {
          const path = Object.fromEntries(
            Object.entries(ctx.path).map(([name, value]) => [name, value === undefined ? value : (resolve(value, (id) => issued.has(id), () => [...issued]) ?? value)]),
          );
          return base.remove(req, { ...ctx, path });
        },
      },
    };
  };
}

const decodeAgain = (value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

export const looseIds: FaultyAdapter[] = [
  variant(
    {
      name: "yuno-path-parameters-stripped",
      provider: "yuno",
      departure: "drops a ;parameter from the customer_id segment (a servlet-style router), so abc;x deletes abc",
      expectedCheck: "exact_id_match",
    },
    { rewriteRequest: (req) => ({ ...req, segments: req.segments.map((segment) => segment.split(";")[0]) }) },
  ),
  variant(
    {
      name: "cashfree-case-insensitive-id",
      provider: "cashfree",
      departure: "matches customer_ids case-insensitively (a case-insensitive collation): CUST_AB deletes cust_ab",
      expectedCheck: "exact_id_match",
    },
    resolving("cashfree", (value, _known, all) => all().find((id) => id.toLowerCase() === value.toLowerCase())),
  ),
  variant(
    {
      name: "yuno-id-decoded-twice",
      provider: "yuno",
      departure: "percent-decodes customer_id a second time, so the id %61bc deletes abc",
      expectedCheck: "exact_id_match",
    },
    resolving("yuno", (value, known) => (known(decodeAgain(value)) ? decodeAgain(value) : undefined)),
  ),
  variant(
    {
      name: "juspay-account-id-prefix-match",
      provider: "juspay",
      departure: "finds a customer account by prefix (LIKE 'id%'), so an id one character short deletes the account",
      expectedCheck: "exact_id_match",
    },
    resolving("juspay", (value, _known, all) => (value.length > 4 ? all().find((id) => id.startsWith(value)) : undefined)),
  ),
  variant(
    {
      name: "enkash-id-trimmed-and-folded",
      provider: "enkash",
      departure: "trims customerId and folds it with NFKC before validating and looking it up",
      expectedCheck: "exact_id_match",
    },
    () => {
      const base = baseBehaviour("enkash");
      const fold = (ctx: SandboxContext): SandboxContext => ({ ...ctx, path: { customerId: ctx.path.customerId?.normalize("NFKC").trim() } });
      return { behaviour: { validate: (req, ctx) => base.validate(req, fold(ctx)), remove: (req, ctx) => base.remove(req, fold(ctx)) } };
    },
  ),
];
