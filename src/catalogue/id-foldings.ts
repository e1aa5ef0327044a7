/**
 * Adapters that fold another spelling onto an id: `%uXXXX` escapes decoded (an `unescape()` run
 * before the decoding), and look-alike characters read alike (a Crockford-style decoder: O as 0,
 * I and L as 1), ids keyed on a number that keeps only 53 bits of them, and the id taken from the
 * last `/` of the whole request target, HTML character references decoded, and the id read as a
 * search query, and JSON `\\u` escapes decoded (the id parsed back out of a JSON string). A request
 * naming another id deletes the fixture. Caught by exact_id_match.
 */
import { UPPER_ALNUM, freshId, randomString } from "../sandboxes/ids.ts";
import { resolving } from "./loose-ids.ts";
import { readingLastId } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

/** Cyrillic letters and the Latin ones they look like. */
const LATIN_TWIN: Readonly<Record<string, string>> = { "\u0430": "a", "\u0441": "c", "\u0435": "e", "\u043e": "o", "\u0440": "p", "\u0445": "x", "\u0443": "y" };

/** An EnKash id's digits after KC, read in base 36 as a double: its last digits are lost. */
const asFloat = (id: string): number => parseInt(id.slice(2), 36);

/** Look-alike characters as a Crockford-style decoder reads them. */
const crockford = (id: string): string => id.toUpperCase().replace(/O/g, "0").replace(/[IL]/g, "1");

export const idFoldings: FaultyAdapter[] = [
  variant(
    {
      name: "yuno-id-json-unescaped",
      provider: "yuno",
      departure: "builds a JSON document with the id inside a string and parses it back, so a \\u escape in the id is read as the character it names",
      expectedCheck: "exact_id_match",
    },
    readingLastId((id) => {
      if (!id.includes("\\")) return undefined;
      try {
        return JSON.parse(`"${id}"`) as string;
      } catch {
        return undefined;
      }
    }),
  ),
  variant(
    {
      name: "yuno-confusables-folded",
      provider: "yuno",
      departure: "folds confusable letters (Cyrillic а, с, е, о for Latin a, c, e, o) in the customer_id before the lookup, Unicode's skeleton, so a look-alike id deletes the customer",
      expectedCheck: "exact_id_match",
    },
    readingLastId((id) => id.replace(/[\u0430\u0441\u0435\u043e\u0440\u0445\u0443]/g, (c) => LATIN_TWIN[c] ?? c)),
  ),
  variant(
    {
      name: "cashfree-ids-entity-decoded",
      provider: "cashfree",
      departure: "runs the customer_id through a sanitiser that decodes HTML character references, so cust&#95;x deletes cust_x",
      expectedCheck: "exact_id_match",
    },
    readingLastId((id) => id.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))),
  ),
  variant(
    {
      name: "cashfree-ids-in-a-delete-by-query",
      provider: "cashfree",
      departure: "deletes through a search engine's delete-by-query with the id as the query, so x OR <id> deletes the customer",
      expectedCheck: "exact_id_match",
    },
    readingLastId((id, env) => id.split(" OR ").find((term) => term !== id && env.store.hasCustomer(term))),
  ),
  variant(
    {
      name: "yuno-percent-u-escapes-decoded",
      provider: "yuno",
      departure: "runs the customer_id segment through an unescape() that reads %uXXXX escapes before decoding it, so %u0061bc… deletes abc…",
      expectedCheck: "exact_id_match",
    },
    { rewriteRequest: (req) => ({ ...req, segments: req.segments.map((segment) => segment.replace(/%u([0-9A-Fa-f]{4})/g, (_, hex: string) => encodeURIComponent(String.fromCharCode(parseInt(hex, 16))))) }) },
  ),
  variant(
    {
      name: "yuno-id-from-the-last-slash",
      provider: "yuno",
      departure: "takes the customer id as the last /-segment of the whole request target, query included, so ?next=/customers/B deletes B",
      expectedCheck: "exact_id_match",
    },
    {
      rewriteRequest: (req) => {
        const last = req.rawUrl.split("/").pop()?.split("?")[0] ?? "";
        return req.rawUrl.includes("?") && last !== "" && last !== req.segments.at(-1) ? { ...req, segments: [...req.segments.slice(0, -1), last] } : req;
      },
    },
  ),
  variant(
    {
      name: "enkash-ids-keyed-as-floats",
      provider: "enkash",
      departure: "keys customers on the id's base-36 digits read as a JavaScript number, which keeps 53 bits of them, so an id differing in its last character finds the customer",
      expectedCheck: "exact_id_match",
    },
    resolving("enkash", (value, known, all) => (known(value) ? value : all().find((id) => asFloat(id) === asFloat(value)))),
  ),
  variant(
    {
      name: "enkash-look-alike-ids-read-alike",
      provider: "enkash",
      departure: "issues customer ids with 0s and 1s in them and looks ids up through a Crockford-style decoder, so an O for a 0 (or an I for a 1) deletes the customer",
      expectedCheck: "exact_id_match",
    },
    () => {
      const resolved = resolving("enkash", (value, known, all) => (known(value) ? value : all().find((id) => crockford(id) === crockford(value))))();
      return {
        behaviour: {
          ...resolved.behaviour,
          // Ids of its own alphabet always hold a 0 and a 1, so every fixture has a look-alike.
          createFixture: (env, [customerId]) =>
            resolved.behaviour.createFixture!(env, [customerId ?? freshId(() => `KC01${randomString(UPPER_ALNUM, 12)}`, (id) => env.store.hasCustomer(id))]),
        },
      };
    },
  ),
];
