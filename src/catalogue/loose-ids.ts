/**
 * Adapters that look ids up loosely, so a request naming another id deletes a customer: a
 * case-insensitive collation, a second percent-decoding, ids upper-cased before validation, a
 * prefix match, an id used as a LIKE pattern, a route matched by prefix, dot segments resolved
 * after `%2F` is decoded, an id cut at a NUL, and a format extension stripped. Caught by
 * exact_id_match.
 */
import { baseBehaviour } from "../sandboxes/index.ts";
import type { HttpProvider } from "../providers.ts";
import type { ProviderBehaviour, SandboxContext } from "../sandboxes/types.ts";
import { decoded } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

/** A remove step that resolves each path value to a stored id with `resolve` first, then removes as the provider does. */
export function resolving(provider: HttpProvider, resolve: (value: string, known: (id: string) => boolean, all: () => string[]) => string | undefined): () => { behaviour: Partial<ProviderBehaviour> } {
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

/** A value decoded once more, or as it is where it does not decode. */
const decodeAgain = (value: string): string => decoded(value) ?? value;

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
      name: "cashfree-body-overrides-path-id",
      provider: "cashfree",
      departure: "merges a JSON body over the path parameters (mass assignment), so a delete of one customer with {\"customer_id\": other} deletes the other",
      expectedCheck: "exact_id_match",
    },
    {
      rewriteRequest(req) {
        let named: unknown;
        try {
          named = (JSON.parse(req.body) as { customer_id?: unknown }).customer_id;
        } catch {
          return req;
        }
        if (typeof named !== "string") return req;
        return { ...req, segments: [...req.segments.slice(0, -1), encodeURIComponent(named)] };
      },
    },
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
      name: "yuno-id-read-as-uuid",
      provider: "yuno",
      departure: "reads customer_id as a UUID column's parser does, braces and missing hyphens included, so {id} and the id without hyphens delete id",
      expectedCheck: "exact_id_match",
    },
    resolving("yuno", (value, _known, all) => all().find((id) => id.replace(/-/g, "").toLowerCase() === value.replace(/[{}-]/g, "").toLowerCase())),
  ),
  variant(
    {
      name: "cashfree-id-numbers-compared-as-numbers",
      provider: "cashfree",
      departure: "compares the digit runs of ids as numbers (an ORM binding them to integers), so a 0 put before the digits deletes the id",
      expectedCheck: "exact_id_match",
    },
    resolving("cashfree", (value, _known, all) => {
      const unpadded = (id: string): string => id.replace(/(^|\D)0+(?=\d)/g, "$1");
      return all().find((id) => unpadded(id) === unpadded(value));
    }),
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
  variant(
    {
      name: "yuno-customer-id-as-like-pattern",
      provider: "yuno",
      departure: "looks the customer_id up with SQL LIKE, so % and _ in it are wildcards: the id with its last character replaced by % deletes the customer",
      expectedCheck: "exact_id_match",
    },
    resolving("yuno", (value, known, all) => (known(value) ? value : all().find((id) => likeRegex(value).test(id)))),
  ),
  variant(
    {
      name: "yuno-route-matched-by-prefix",
      provider: "yuno",
      departure: "routes by prefix: a DELETE of /customers/{id}/x deletes the customer {id}",
      expectedCheck: "exact_id_match",
    },
    { rewriteRequest: (req) => ({ ...req, segments: req.segments.slice(0, 2) }) },
  ),
  variant(
    {
      name: "cashfree-dot-segments-after-decoding",
      provider: "cashfree",
      departure: "percent-decodes the path, %2F included, and then resolves dot segments, so /customer/x%2F..%2F{id} deletes {id}",
      expectedCheck: "exact_id_match",
    },
    { rewriteRequest: (req) => ({ ...req, segments: resolveDotSegments(req.segments) }) },
  ),
  variant(
    {
      name: "enkash-query-stands-in-for-path",
      provider: "enkash",
      departure: "takes a customerId query parameter over the path's (a framework merging query and path parameters), so ?customerId={id} deletes {id} whatever the path names",
      expectedCheck: "exact_id_match",
    },
    {
      rewriteRequest: (req) => {
        const id = req.query.get("customerId");
        return id === null ? req : { ...req, segments: [...req.segments.slice(0, -1), encodeURIComponent(id)] };
      },
    },
  ),
  variant(
    {
      name: "yuno-id-cut-at-nul",
      provider: "yuno",
      departure: "hands customer_id to a C-string lookup, which ends it at the first NUL: {id}%00x deletes {id}",
      expectedCheck: "exact_id_match",
    },
    resolving("yuno", (value) => (value.includes("\u0000") ? value.slice(0, value.indexOf("\u0000")) : undefined)),
  ),
  variant(
    {
      name: "enkash-format-extension-stripped",
      provider: "enkash",
      departure: "strips a format extension from the last segment before routing (Spring's suffix pattern matching): {id}.json deletes {id}",
      expectedCheck: "exact_id_match",
    },
    { rewriteRequest: (req) => ({ ...req, segments: req.segments.map((segment, i) => (i === req.segments.length - 1 ? segment.replace(/\.(json|xml)$/, "") : segment)) }) },
  ),
];

/** SQL LIKE's reading of a value: % any run of characters, _ any one character. */
function likeRegex(pattern: string): RegExp {
  const source = Array.from(pattern, (c) => (c === "%" ? ".*" : c === "_" ? "." : c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("");
  return new RegExp(`^${source}$`, "s");
}

/** The segments decoded (a %2F becomes a separator), dot segments resolved, and each segment encoded again. */
function resolveDotSegments(segments: readonly string[]): string[] {
  const out: string[] = [];
  for (const part of segments.map(decodeAgain).join("/").split("/")) {
    if (part === "..") out.pop();
    else if (part !== ".") out.push(part);
  }
  return out.map(encodeURIComponent);
}
