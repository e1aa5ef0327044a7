/**
 * Part of no_internal_leak (OWASP API3, excessive data exposure): no answer names a customer the
 * request did not, in a header (Location, Link, Content-Location, a cookie) or in the body. The
 * customers payconform knows of are the fixtures its run set up: each is another customer to every
 * request that does not carry its id (or, for an account, its customer's id: another account of
 * the customer the request names is that customer's own). A request that crosses two fixtures' scopes is left to
 * ownership_enforcement, which judges what its refusal discloses.
 */
import type { CheckInput, Finding } from "./types.ts";
import { headerLines } from "../http/header-lines.ts";

/** Ids this short could be part of ordinary text. */
const MIN_ID_LENGTH = 6;

export function otherCustomersNamed(input: CheckInput): Finding[] {
  const ids = input.runIds;
  if (!ids || ids.size === 0) return [];
  const answer = `${Object.values(input.response.headers).join("\n")}\n${input.response.text}`;
  const named = [...ids.keys()].filter((id) => id.length >= MIN_ID_LENGTH && (namesWhole(answer, id) || namesWhole(answer, encodeURIComponent(id))));
  if (named.length === 0) return [];
  const carried = `${decodeOrKeep(input.request.url)}\n${headerLines(input.request).map(([, v]) => v).join("\n")}\n${input.request.body ?? ""}`;
  const crossing = new Set(input.unnamedIds ?? []);
  // An id of the customer the request names (another account of it) is that customer's own.
  const others = named.filter((id) => !carried.includes(id) && !carried.includes(ids.get(id)!) && !crossing.has(id));
  if (others.length === 0) return [];
  const where = others.map((id) => `${id} (${placeOf(input, id)})`).join(", ");
  return [
    {
      expected: "no id of a customer the request did not name",
      actual: where,
      message: `the ${input.response.status} answer names ${others.length === 1 ? "another customer's id" : "other customers' ids"}, of fixtures this run set up that the request did not name: ${where}`,
    },
  ];
}

/** Whether `text` holds `id` as a whole token: not inside a longer id (cust_1 in cust_10). */
function namesWhole(text: string, id: string): boolean {
  for (let at = text.indexOf(id); at !== -1; at = text.indexOf(id, at + 1)) {
    if (!ID_CHARACTER.test(text[at - 1] ?? "") && !ID_CHARACTER.test(text[at + id.length] ?? "")) return true;
  }
  return false;
}

const ID_CHARACTER = /^[A-Za-z0-9_-]$/;

function placeOf(input: CheckInput, id: string): string {
  const header = Object.entries(input.response.headers).find(([, value]) => namesWhole(value, id) || namesWhole(value, encodeURIComponent(id)));
  return header ? `header ${header[0]}` : "body";
}

function decodeOrKeep(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}
