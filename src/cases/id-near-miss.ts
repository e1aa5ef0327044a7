/**
 * Near misses of an id (see ID_NEAR_MISSES): each names another id than the one given. A UUID's
 * letters have no case (RFC 9562 §4: UUIDs compare case-insensitively), so its case-swapped miss
 * is replaced by another; so is any miss that comes out equal to the id.
 */

/** The path segment that names the near miss, percent-encoded, with `;x`, `/x`, `x/`, `+`, `,` and `%u` left raw for `path-parameter`, `extra-segment`, `segment-before`, `plus-for-space`, the comma lists and `percent-u`. */
export function nearMissSegment(id: string, kind: IdNearMiss): string {
  if (kind === "byte-escaped") return byteEscaped(id);
  if (kind === "percent-u") return id === "" ? "%u0030" : `%u${id.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}${encodeURIComponent(id.slice(1))}`;
  if (kind === "comma-suffix" || kind === "comma-prefix") return encodeURIComponent(nearMissId(id, kind)).replace(/%2C/g, ",");
  if (kind === "path-parameter") return `${encodeURIComponent(id)};x`;
  if (kind === "extra-segment") return `${encodeURIComponent(id)}/x`;
  if (kind === "segment-before") return `x/${encodeURIComponent(id)}`;
  if (kind === "plus-for-space") return id.includes(" ") ? encodeURIComponent(id).replace(/%20/g, "+") : `${encodeURIComponent(id)}+x`;
  return encodeURIComponent(nearMissId(id, kind));
}
import type { IdNearMiss } from "./model.ts";
import { changedAt } from "./same-kind.ts";
import { percentEncodedFirst } from "./values.ts";

/** The id with its last letter or digit replaced by the next one of the narrowest class it is in (a digit, a hex letter, a letter of its case). */
function lastChanged(id: string): string {
  const at = id.search(/[A-Za-z0-9][^A-Za-z0-9]*$/);
  return at < 0 ? id : changedAt(id, at);
}

/** Latin letters and the Cyrillic letters that look the same. */
const CYRILLIC_TWIN: Readonly<Record<string, string>> = { a: "\u0430", c: "\u0441", e: "\u0435", o: "\u043e", p: "\u0440", x: "\u0445", y: "\u0443", A: "\u0410", B: "\u0412", C: "\u0421", E: "\u0415", H: "\u041d", K: "\u041a", M: "\u041c", O: "\u041e", P: "\u0420", T: "\u0422", X: "\u0425" };

/** What a Crockford-style decoder reads each look-alike character as, and 0 and 1 back as letters, in the id's case. */
const LOOK_ALIKE: Readonly<Record<string, string>> = { "0": "O", O: "0", o: "0", "1": "I", I: "1", i: "1", L: "1", l: "1" };

/** The nil and max UUIDs (RFC 9562 §5.9, §5.10). */
export const NIL_UUID = "00000000-0000-0000-0000-000000000000";
export const MAX_UUID = "ffffffff-ffff-ffff-ffff-ffffffffffff";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Near misses that keep an id's form: one character fewer or changed, a prefix cut, a 0 put in, its letters' case. */
const FORM_KEEPING: ReadonlySet<IdNearMiss> = new Set(["prefix-case-swapped", "hash-collision", "truncated", "leading-cut", "last-changed", "leading-zero", "look-alike", "prefix-dropped", "separator-swapped", "case-swapped", "char-appended", "tail-case-swapped", "uuid-version-changed"]);

/** Near misses nearMissSegment spells in the path segment itself, never as the id shortened. */
const SPELLED_IN_THE_PATH: ReadonlySet<IdNearMiss> = new Set(["byte-escaped", "percent-u", "path-parameter", "extra-segment", "segment-before", "plus-for-space", "comma-suffix", "comma-prefix"]);

/**
 * Whether the near miss of `id` is another id of its form, which in a dense id space (a sequence)
 * may name a customer that exists: a form-keeping kind, or one that comes out as the id itself and
 * so is sent one character short.
 */
export function keepsForm(id: string, kind: IdNearMiss): boolean {
  return FORM_KEEPING.has(kind) || (!SPELLED_IN_THE_PATH.has(kind) && nearMissId(id, kind) === nearMissId(id, "truncated"));
}

export function nearMissId(id: string, kind: IdNearMiss): string {
  const miss = rawMiss(id, kind);
  if (miss !== id && !(kind === "case-swapped" && UUID.test(id))) return miss;
  return kind === "truncated" ? `${id}0` : rawMiss(id, "truncated");
}

function rawMiss(id: string, kind: IdNearMiss): string {
  switch (kind) {
    case "case-swapped":
      return Array.from(id, (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join("");
    case "double-encoded":
      return percentEncodedFirst(id, /[\s\S]/);
    case "trailing-space":
      return `${id} `;
    case "truncated":
      return id.slice(0, -1);
    case "zero-width":
      return `${id}\u200b`;
    case "path-parameter":
      return `${id};x`;
    case "extra-segment":
      return `${id}/x`;
    case "segment-before":
      return `x/${id}`;
    case "like-percent":
      return `${id.slice(0, -1)}%`;
    case "like-underscore":
      return `${id.slice(0, -1)}_`;
    case "glob-star":
      return `${id.slice(0, -1)}*`;
    case "dot-segment":
      return `x/../${id}`;
    case "nul-suffix":
      return `${id}\u0000x`;
    case "separator-swapped": {
      // `_` as `-` (or `-` as `_`), or a `-` put in where there is neither: what a lookup that
      // treats separators alike, or strips them, matches.
      if (id.includes("_")) return id.replace("_", "-");
      if (id.includes("-")) return id.replace("-", "_");
      return id.length > 2 ? `${id.slice(0, 2)}-${id.slice(2)}` : id;
    }
    case "newline-suffix":
      return `${id}\n`;
    case "leading-zero":
      // In a UUID, before its last group (a 0 before the first group's digit overflows it when the group starts with a letter).
      return UUID.test(id) ? `${id.slice(0, 24)}0${id.slice(24)}` : id.replace(/\d/, "0$&");
    case "char-appended":
      return `${id}0`;
    case "separator-appended":
      return `${id}${/[_-]/.exec(id)?.[0] ?? "_"}`;
    case "separator-doubled": {
      const at = id.search(/[_-]/);
      return at < 0 ? id : `${id.slice(0, at)}${id[at]}${id.slice(at)}`;
    }
    case "tail-case-swapped": {
      if (UUID.test(id)) return id;
      const separator = Math.max(id.lastIndexOf("_"), id.lastIndexOf("-"));
      const kept = separator > 0 && separator < id.length - 1 ? separator + 1 : Math.min(2, id.length - 1);
      return id.slice(0, kept) + Array.from(id.slice(kept), (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join("");
    }
    case "newline-prefix":
      return `x\n${id}`;
    case "uuid-version-changed": {
      if (!UUID.test(id)) return id;
      const variant = (Number.parseInt(id[19], 16) ^ 0x4).toString(16);
      return `${id.slice(0, 14)}${id[14] === "1" ? "4" : "1"}${id.slice(15, 19)}${variant}${id.slice(20)}`;
    }
    case "hash-collision":
      return hashCollision(id);
    case "kelvin-sign": {
      const at = id.search(/[KkÅå]/);
      return at < 0 ? id : `${id.slice(0, at)}${/[Kk]/.test(id[at]) ? "\u212a" : "\u212b"}${id.slice(at + 1)}`;
    }
    case "prefix-case-swapped": {
      // A UUID's letters have no case: its prefix in the other case is the same UUID.
      if (UUID.test(id)) return id;
      const separator = id.search(/[_-]/);
      const cut = separator > 0 ? separator : Math.min(2, id.length - 1);
      return Array.from(id.slice(0, cut), (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join("") + id.slice(cut);
    }
    case "backslash-dot-segment":
      return `x\\..\\${id}`;
    case "stream-suffix":
      return `${id}::$DATA`;
    case "soft-hyphen":
      return `${id.slice(0, id.length >> 1)}\u00ad${id.slice(id.length >> 1)}`;
    case "uuid-urn":
      return `urn:uuid:${id}`;
    case "uuid-byte-swapped": {
      if (!UUID.test(id)) return id;
      const bytes = (hex: string) => hex.match(/../g)!.reverse().join("");
      const [a, b, c, ...rest] = id.split("-");
      return [bytes(a), bytes(b), bytes(c), ...rest].join("-");
    }
    case "uuid-nil":
      return NIL_UUID;
    case "uuid-max":
      return MAX_UUID;
    case "other-script-digit": {
      const at = id.search(/[0-9]/);
      return at < 0 ? id : `${id.slice(0, at)}${String.fromCharCode(0x0660 + Number(id[at]))}${id.slice(at + 1)}`;
    }
    case "uuid-unhyphenated":
      return id.replace(/-/g, "");
    case "uuid-braced":
      return `{${id}}`;
    case "accented": {
      const at = id.search(/[A-Za-z]/);
      return at < 0 ? id : `${id.slice(0, at)}${`${id[at]}\u0301`.normalize("NFC")}${id.slice(at + 1)}`;
    }
    case "byte-escaped":
    case "percent-u":
      // Spelled in the path (nearMissSegment); as text, no other id.
      return id;
    case "last-changed":
      return lastChanged(id);
    case "html-entity": {
      const at = id.search(/[A-Za-z0-9]/);
      return at < 0 ? id : `${id.slice(0, at)}&#${id.charCodeAt(at)};${id.slice(at + 1)}`;
    }
    case "or-query":
      return `x OR ${id}`;
    case "homoglyph": {
      const at = Array.from(id).findIndex((c) => c in CYRILLIC_TWIN);
      return at < 0 ? id : Array.from(id, (c, i) => (i === at ? CYRILLIC_TWIN[c] : c)).join("");
    }
    case "look-alike": {
      const at = id.search(/[01OILoil]/);
      return at < 0 ? id : `${id.slice(0, at)}${LOOK_ALIKE[id[at]]}${id.slice(at + 1)}`;
    }
    case "prefix-dropped": {
      const at = id.search(/[_\-:]/);
      return at > 0 && at < id.length - 1 ? id.slice(at + 1) : id;
    }
    case "astral-suffix":
      return `${id}\u{1F600}`;
    case "trailing-dot":
      return `${id}.`;
    case "leading-cut":
      return id.slice(1);
    case "regex-dot":
      return `${id.slice(0, -1)}.`;
    case "sql-comment":
      return `${id}'--`;
    case "comma-suffix":
      return `${id},x`;
    case "comma-prefix":
      return `x,${id}`;
    case "plus-for-space":
      return id.includes(" ") ? id.replace(/ /g, "+") : `${id}+x`;
    case "encoded-slash":
      return `${id}/x`;
    case "encoded-query":
      return `${id}?x`;
    case "encoded-fragment":
      return `${id}#x`;
    case "encoded-ampersand":
      return `${id}&x=1`;
    case "json-escape": {
      const at = Math.max(0, id.search(/[A-Za-z0-9]/));
      return `${id.slice(0, at)}\\u${id.charCodeAt(at).toString(16).padStart(4, "0")}${id.slice(at + 1)}`;
    }
    case "dot-extension":
      return `${id}.json`;
    case "fullwidth": {
      const at = id.search(/[A-Za-z0-9]/);
      if (at < 0) return id;
      return `${id.slice(0, at)}${String.fromCodePoint(id.codePointAt(at)! + 0xfee0)}${id.slice(at + 1)}`;
    }
  }
}

/**
 * Another id with the same 31-based string hash as `id` (Java's String.hashCode): two neighbouring
 * characters changed by +1 and -31 (or -1 and +31), each kept a letter or digit, of its own kind where it can be.
 */
function hashCollision(id: string): string {
  const kind = (c: string) => (/[0-9]/.test(c) ? 0 : /[A-Z]/.test(c) ? 1 : /[a-z]/.test(c) ? 2 : 3);
  // The kinds the id uses, and digits, which ids of letters take too.
  const used = new Set([0, ...Array.from(id, kind)]);
  let fallback: string | undefined;
  let anyway: string | undefined;
  for (let at = id.length - 2; at >= 0; at--) {
    // +1 and -31, or -1 and +31: the same hash either way.
    for (const step of [1, -1]) {
      const [a, b] = [String.fromCharCode(id.charCodeAt(at) + step), String.fromCharCode(id.charCodeAt(at + 1) - 31 * step)];
      if (!/^[A-Za-z0-9]$/.test(a) || !/^[A-Za-z0-9]$/.test(b)) continue;
      const candidate = `${id.slice(0, at)}${a}${b}${id.slice(at + 2)}`;
      if (kind(a) === kind(id[at]) && kind(b) === kind(id[at + 1]) && at >= 2) return candidate;
      // Else characters of the kinds the id already uses, or digits (a digit for a letter in `KC…`, never a lower-case letter there).
      // and away from its first two characters, which name its kind (`KC`, `cust`).
      if (used.has(kind(a)) && used.has(kind(b)) && at >= 2) fallback ??= candidate;
      else anyway ??= candidate;
    }
  }
  return fallback ?? anyway ?? id;
}

/**
 * The id spelled with bytes that are not its UTF-8: each character of U+0080–U+00FF as its one
 * Latin-1 byte (`%E9` for é), or, where it has none, its first ASCII letter or digit as an overlong
 * two-byte UTF-8 form (`%C1%A1` for a). A decoder that falls back to Latin-1, or one that accepts
 * overlong forms, reads the id; a strict one finds no UTF-8 text.
 */
function byteEscaped(id: string): string {
  const escape = (code: number): string => `%${code.toString(16).toUpperCase().padStart(2, "0")}`;
  if (/[\u0080-\u00ff]/.test(id)) return Array.from(id, (c) => (c.charCodeAt(0) >= 0x80 && c.charCodeAt(0) <= 0xff ? escape(c.charCodeAt(0)) : encodeURIComponent(c))).join("");
  const at = id.search(/[A-Za-z0-9]/);
  if (at < 0) return encodeURIComponent(`${id}0`);
  const code = id.charCodeAt(at);
  return `${encodeURIComponent(id.slice(0, at))}${escape(0xc0 | (code >> 6))}${escape(0x80 | (code & 0x3f))}${encodeURIComponent(id.slice(at + 1))}`;
}
