/**
 * Adapters that read an account, an id or a scope as something wider than it is: Yuno's
 * x-account-code taken for the own one when it is the max UUID (an admin account that may delete
 * any customer), when NFKC folds it back (³ for 3), with a soft hyphen removed, in the GUID byte
 * order (its first three groups byte-swapped), or as the last line of a repeated header
 * (ownership_enforcement); Yuno's nil UUID as a customer id deleting every customer of the
 * account, and its lookup trying the GUID byte order of an id, and EnKash's customerId checked
 * with a Unicode-aware digit class and looked up with its digits folded to ASCII (exact_id_match);
 * EnKash's parentCompanyId cut at a NUL, the whole query string percent-decoded before it is
 * split, parentCompanyId checked and compared case-insensitively, and read as a comma-separated
 * list whose every element is checked and whose first is used (query_pattern_enforcement).
 */
import { baseBehaviour } from "../sandboxes/index.ts";
import { emptyReply } from "../sandboxes/replies.ts";
import type { SandboxContext, SandboxRequest } from "../sandboxes/types.ts";
import { accountCodeTaken, decoded, parentCompanyReadAs, readingLastId, recordingFixtures, withHeader } from "./request-view.ts";
import { variant, type FaultyAdapter } from "./types.ts";

const yuno = baseBehaviour("yuno");
const enkash = baseBehaviour("enkash");

const NIL_UUID = "00000000-0000-0000-0000-000000000000";
const MAX_UUID = "ffffffff-ffff-ffff-ffff-ffffffffffff";

/** A UUID with its first three groups in the other byte order (Microsoft's GUID layout), or undefined for what is no UUID. */
function guidByteOrder(uuid: string): string | undefined {
  const groups = /^([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4}-[0-9a-f]{12})$/i.exec(uuid);
  if (!groups) return undefined;
  const swapped = (hex: string) => hex.match(/../g)!.reverse().join("");
  return `${swapped(groups[1])}-${swapped(groups[2])}-${swapped(groups[3])}-${groups[4]}`;
}

/** Two account codes alike, as accountHeadersMatch compares them (UUIDs are case-insensitive). */
const sameCode = (a: string | undefined, b: string): boolean => a !== undefined && a.toLowerCase() === b.toLowerCase();

/** Every decimal digit of any script (\p{Nd}) as its ASCII digit: digits come in runs of ten from a zero. */
function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (digit) => {
    const at = digit.codePointAt(0)!;
    let zero = at;
    while (/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
    return String((at - zero) % 10);
  });
}

/** The query's pairs split on & and = after the whole query string was percent-decoded (and + read as a space). */
function queryDecodedBeforeSplit(req: SandboxRequest): URLSearchParams | undefined {
  const at = req.rawUrl.indexOf("?");
  const text = at < 0 ? undefined : decoded(req.rawUrl.slice(at + 1).replace(/\+/g, " "));
  if (text === undefined) return undefined;
  const pairs = text
    .split("&")
    .filter(Boolean)
    .map((pair): [string, string] => (pair.includes("=") ? [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)] : [pair, ""]));
  return new URLSearchParams(pairs);
}

/** The request with query parameter `name` set to `value` alone. */
function withQuery(req: SandboxRequest, name: string, value: string): SandboxRequest {
  const query = new URLSearchParams(req.query);
  query.set(name, value);
  return { ...req, query };
}

export const wildcardsAndLooseScopes: FaultyAdapter[] = [
  variant(
    {
      name: "yuno-max-uuid-account-sees-all",
      provider: "yuno",
      departure: "keeps x-account-code ffffffff-ffff-ffff-ffff-ffffffffffff (the max UUID) as an admin account that may delete any account's customers",
      expectedCheck: "ownership_enforcement",
    },
    accountCodeTaken((code) => sameCode(code, MAX_UUID)),
  ),
  variant(
    {
      name: "yuno-account-code-nfkc",
      provider: "yuno",
      departure: "NFKC-normalises x-account-code before comparing it, so the account code with a digit written as its superscript (³ for 3) is taken for it",
      expectedCheck: "ownership_enforcement",
    },
    accountCodeTaken((code, configured) => code !== configured && sameCode(code.normalize("NFKC"), configured)),
  ),
  variant(
    {
      name: "yuno-account-code-soft-hyphen-stripped",
      provider: "yuno",
      departure: "removes soft hyphens (U+00AD) from x-account-code before comparing it, so the account code with one in its middle is taken for it",
      expectedCheck: "ownership_enforcement",
    },
    accountCodeTaken((code, configured) => code.includes("\u00ad") && sameCode(code.replace(/\u00ad/g, ""), configured)),
  ),
  variant(
    {
      name: "yuno-account-code-guid-byte-order",
      provider: "yuno",
      departure: "also takes the account code with its first three groups byte-swapped (Microsoft's GUID layout) for the account",
      expectedCheck: "ownership_enforcement",
    },
    accountCodeTaken((code, configured) => sameCode(guidByteOrder(code), configured)),
  ),
  variant(
    {
      name: "yuno-account-code-last-line",
      provider: "yuno",
      departure: "takes the last value of a repeated x-account-code header (Node joins the lines as \"a, b\"), so another account's code on a line before the own one passes",
      expectedCheck: "ownership_enforcement",
    },
    {
      behaviour: {
        validate: (req, ctx) => {
          const sent = req.headers["x-account-code"];
          const lines = Array.isArray(sent) ? sent : typeof sent === "string" ? sent.split(",") : [];
          return yuno.validate(lines.length > 1 ? withHeader(req, "x-account-code", lines.at(-1)!.trim()) : req, ctx);
        },
      },
    },
  ),
  variant(
    {
      name: "yuno-nil-customer-deletes-all",
      provider: "yuno",
      departure: "reads DELETE /customers/00000000-0000-0000-0000-000000000000 (the nil UUID) as every customer of the account, deletes them all and answers 202",
      expectedCheck: "exact_id_match",
    },
    () => {
      const issued = new Set<string>();
      return {
        behaviour: {
          ...recordingFixtures("yuno", issued),
          remove: (req, ctx) => {
            if (ctx.path.customer_id !== NIL_UUID) return yuno.remove(req, ctx);
            for (const id of issued) ctx.store.removeCustomer(id);
            return emptyReply(202);
          },
        },
      };
    },
  ),
  variant(
    {
      name: "yuno-customer-guid-byte-order",
      provider: "yuno",
      departure: "looks a customer id up in the GUID byte order too (its first three groups byte-swapped) when it finds no customer under it as sent",
      expectedCheck: "exact_id_match",
    },
    {
      behaviour: {
        remove: (req, ctx) => {
          const id = ctx.path.customer_id;
          const swapped = id === undefined ? undefined : guidByteOrder(id);
          const found = id !== undefined && swapped !== undefined && !ctx.store.hasCustomer(id) && ctx.store.hasCustomer(swapped);
          return yuno.remove(req, found ? { ...ctx, path: { ...ctx.path, customer_id: swapped } } : ctx);
        },
      },
    },
  ),
  variant(
    {
      name: "enkash-unicode-digits-folded",
      provider: "enkash",
      departure: "checks customerId with a Unicode-aware digit class (\\p{Nd}) and looks it up with its digits folded to ASCII, so an id with an Arabic-Indic digit (١ for 1) deletes the customer",
      expectedCheck: "exact_id_match",
    },
    // Folding first and checking the documented pattern after is the Unicode-aware check: each
    // digit of any script folds to one ASCII digit.
    readingLastId((id) => asciiDigits(id)),
  ),
  variant(
    {
      name: "enkash-parent-company-cut-at-nul",
      provider: "enkash",
      departure: "cuts parentCompanyId at its first NUL (a C string) before checking and scoping it, so the fixture's own value with a NUL and anything after it passes",
      expectedCheck: "query_pattern_enforcement",
    },
    parentCompanyReadAs((value) => value.split("\u0000")[0]),
  ),
  variant(
    {
      name: "enkash-query-decoded-before-split",
      provider: "enkash",
      departure: "percent-decodes the whole query string before splitting it on & and =, so an encoded &x=1 after parentCompanyId becomes another parameter and the value before it passes",
      expectedCheck: "query_pattern_enforcement",
    },
    {
      behaviour: {
        validate: (req, ctx) => {
          const query = queryDecodedBeforeSplit(req);
          return enkash.validate(query === undefined ? req : { ...req, query }, ctx);
        },
      },
    },
  ),
  variant(
    {
      name: "enkash-parent-company-case-insensitive",
      provider: "enkash",
      departure: "checks parentCompanyId with its pattern's /i flag and compares it case-insensitively, so the fixture's own value in lower case passes",
      expectedCheck: "query_pattern_enforcement",
    },
    // An ASCII value checked with /i is the value in upper case checked as documented.
    parentCompanyReadAs((value) => (/^[\x00-\x7f]*$/.test(value) ? value.toUpperCase() : value)),
  ),
  variant(
    {
      name: "enkash-parent-company-list",
      provider: "enkash",
      departure: "reads parentCompanyId as a comma-separated list, checks each element and uses the first, so the fixture's own value with a comma and another valid one after it passes",
      expectedCheck: "query_pattern_enforcement",
    },
    {
      behaviour: {
        validate: (req: SandboxRequest, ctx: SandboxContext) => {
          const values = req.query.getAll("parentCompanyId");
          const list = values.length === 1 ? values[0].split(",") : [];
          if (list.length < 2) return enkash.validate(req, ctx);
          for (const value of list) {
            const refused = enkash.validate(withQuery(req, "parentCompanyId", value), ctx);
            if (refused) return refused;
          }
          return undefined;
        },
      },
    },
  ),
];
