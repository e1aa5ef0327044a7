/**
 * Finds and masks secrets in text, in every common form a secret travels or is stored in. This is
 * the masking engine; src/output.ts is the one place that applies it to everything payconform
 * prints or writes, and no_secret_echo uses it to find credentials in responses.
 *
 * A secret is found
 * - raw, and with each character in any of these forms, freely mixed: percent-encoded (either
 *   case of hex digits, also percent-encoded twice), JSON-escaped (`\u0041` in either case, `\/`,
 *   `\"`, with the backslash itself escaped again as in a JSON report), HTML/XML entities
 *   (`&amp;`, `&#65;`, `&#x41;`), and `+` for a space (form encoding);
 * - in base64 and base64url, at any alignment: base64 of the value, of `value:` (HTTP Basic with
 *   an empty password), of `user:value`, with or without padding;
 * - in hex, either case;
 * - cut short: at least TRUNCATED_PREFIX characters of its start, and one past its type prefix
 *   (`sk_test_`, a kind of key, not a secret; quick-test.ts cutMinimum), in the forms above, raw or
 *   escaped, right before an ellipsis ("..." or "…"), as a preview that shortens a long value
 *   leaves it. Masking the whole value before shortening it is still better (it leaves no
 *   prefix at all); this catches the code that does not.
 *
 * - inside zlib- or gzip-compressed data in base64 or base64url (a session cookie holding the
 *   request's keys; compressed-tokens.ts), where the whole token is masked.
 *
 * A base64 form is masked from the first character that encodes the secret's bytes alone to the
 * end of the padding; the one or two characters before it, which mix in the bytes before the
 * secret, stay (they carry at most 4 bits of it).
 * Secrets shorter than MIN_SECRET_LENGTH are refused where they come in (credentials.ts):
 * masking "a" everywhere would wreck every report.
 */
import { compressedTokensHolding } from "./compressed-tokens.ts";
import { base64Cores, cutMinimum, quickIndex, type QuickIndex } from "./quick-test.ts";

export const MASK = "***";

/** Shorter credentials are refused: masking them would hide ordinary text. */
export const MIN_SECRET_LENGTH = 8;


/** The kinds of form a secret was found in, as no_secret_echo reports them. */
export type SecretFormKind = "raw or escaped" | "its start cut off by an ellipsis" | "base64" | "hex" | "compressed, in base64";

interface Patterns {
  /** Every form of every secret of the part, longest secrets first; global, for replacing and (from lastIndex 0) for searching. */
  all: RegExp;
  /** One pattern per kind of form, for telling which kind matched: built only when a secret is found. */
  byKind(): Array<[SecretFormKind, RegExp]>;
}

/** One part of a secret list: its full patterns, built the first time a text may hold one of its secrets. */
interface Compiled {
  patterns(): Patterns;
  /** A secret of the part holds a line break: its forms may span lines. */
  multiline: boolean;
}

/** A whole list: its parts, and the quick test (src/http/quick-test.ts) that tells which of them a text may hold. */
interface CompiledList {
  parts: Compiled[];
  quick: QuickIndex;
}

/**
 * Secrets compiled into one pattern at most. One pattern for hundreds of secrets outgrows what
 * V8 compiles ("Regular expression too large") and its memory, which a long-lived process that
 * keeps registering credentials (the self-test, the proxy) can reach; a longer list is split into
 * parts of this many secrets. The whole list is sorted longest first before it is split, so a
 * secret is always masked before any shorter value inside it (a near miss one character short).
 */
const SECRETS_PER_PART = 32;

/**
 * Compiled parts kept, by their secrets, least recently used first: bounded (a compiled part takes
 * a few MB), so memory stays bounded however many lists come.
 */
const cache = new Map<string, Compiled>();
const CACHE_LIMIT = 64;

/** `text` with every form of every secret replaced by MASK. Empty secrets are ignored. */
export function redact(text: string, secrets: readonly string[]): string {
  if (text === "") return text;
  for (const token of compressedTokensHolding(text, (plain) => findUncompressed(plain, secrets) !== undefined)) text = text.split(token).join(MASK);
  const { parts, quick } = compile(secrets);
  // No form of a secret without a line break spans one, so a long text (a report) is masked a line
  // at a time: the quick test runs once on each line, and the costly full patterns only on the
  // lines it lets through.
  if (text.length >= LINEWISE_FROM && !parts.some((part) => part.multiline)) {
    const lines = text.split("\n");
    let changed = false;
    for (const [at, line] of lines.entries()) {
      const masked = maskParts(line, parts, quick.partsIn(line));
      if (masked !== line) {
        lines[at] = masked;
        changed = true;
      }
    }
    return changed ? lines.join("\n") : text;
  }
  return maskParts(text, parts, quick.partsIn(text));
}

/** `text` with the forms of the secrets of the parts `found` replaced, in the list's order (longest secrets first). */
function maskParts(text: string, parts: readonly Compiled[], found: Set<number>): string {
  if (found.size === 0) return text;
  let out = text;
  for (const index of [...found].sort((a, b) => a - b)) out = out.replace(parts[index].patterns().all, MASK);
  return out;
}

/** Texts at least this long are masked line by line. */
const LINEWISE_FROM = 4096;

/** The kind of form in which one of `secrets` occurs in `text`, or undefined when none does. */
export function findSecret(text: string, secrets: readonly string[]): SecretFormKind | undefined {
  if (text === "") return undefined;
  // The inflated text is searched for the other forms only: compressed data inside compressed data
  // (a zlib quine) is not followed.
  if (compressedTokensHolding(text, (plain) => findUncompressed(plain, secrets) !== undefined).length > 0) return "compressed, in base64";
  return findUncompressed(text, secrets);
}

/** findSecret without looking inside compressed tokens. */
function findUncompressed(text: string, secrets: readonly string[]): SecretFormKind | undefined {
  if (text === "") return undefined;
  const { parts, quick } = compile(secrets);
  for (const index of [...quick.partsIn(text)].sort((a, b) => a - b)) {
    const { all, byKind } = parts[index].patterns();
    all.lastIndex = 0;
    const found = all.test(text);
    all.lastIndex = 0;
    if (found) return byKind().find(([, pattern]) => text.search(pattern) !== -1)?.[0];
  }
  return undefined;
}

/** The last list compiled, by identity and length: callers pass the same list for every text of a run. */
let last: { secrets: readonly string[]; length: number; compiled: CompiledList } | undefined;

/**
 * Lists compiled before, by their secrets: a caller that builds a new list for every text with the
 * same secrets in it (the proxy, per exchange) gets the compiled one back, quick index included.
 */
const lists = new Map<string, CompiledList>();
/** A few lists are enough: the proxy's exchanges carry the same credentials again and again. */
const LISTS_LIMIT = 8;

function compile(secrets: readonly string[]): CompiledList {
  if (last?.secrets === secrets && last.length === secrets.length) return last.compiled;
  // Longest first: where two secrets start at the same place, the longer one is masked whole.
  const usable = [...new Set(secrets.filter((s) => s !== ""))].sort((a, b) => b.length - a.length);
  const key = usable.join("\u0000");
  let compiled = lists.get(key);
  if (!compiled) {
    const split: string[][] = [];
    for (let i = 0; i < usable.length; i += SECRETS_PER_PART) split.push(usable.slice(i, i + SECRETS_PER_PART));
    compiled = { parts: split.map(compilePart), quick: quickIndex(split) };
    if (lists.size >= LISTS_LIMIT) lists.delete(lists.keys().next().value!);
    lists.set(key, compiled);
  }
  last = { secrets, length: secrets.length, compiled };
  return compiled;
}

function compilePart(usable: readonly string[]): Compiled {
  const key = usable.join("\u0000");
  let hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
  } else {
    let built: Patterns | undefined;
    hit = { patterns: () => (built ??= buildPatterns(usable)), multiline: usable.some((s) => /[\r\n]/.test(s)) };
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, hit);
  }
  return hit;
}

function buildPatterns(usable: readonly string[]): Patterns {
  const kinds: Array<[SecretFormKind, (secret: string) => string[]]> = [
    ["raw or escaped", (s) => [characterwise(s)]],
    ["its start cut off by an ellipsis", (s) => [truncated(s)]],
    ["base64", base64Patterns],
    ["hex", (s) => [hexPattern(s)]],
  ];
  let byKind: Array<[SecretFormKind, RegExp]> | undefined;
  const source = usable.flatMap((s) => kinds.flatMap(([, patterns]) => patterns(s))).join("|");
  return {
    all: new RegExp(source, "g"),
    byKind: () => (byKind ??= kinds.map(([kind, patterns]): [SecretFormKind, RegExp] => [kind, new RegExp(usable.flatMap(patterns).join("|"))])),
  };
}

/** The secret with each character in any of its escaped or encoded forms. */
function characterwise(secret: string): string {
  return [...secret].map((ch) => `(?:${characterForms(ch).join("|")})`).join("");
}

/**
 * The secret's first cutMinimum or more characters, each in any of its forms, followed by
 * an ellipsis (after, perhaps, the start of an escape that the cut left half-written).
 */
function truncated(secret: string): string {
  const groups = [...secret].slice(0, -1).map((ch) => `(?:${characterForms(ch).join("|")})`);
  const minimum = cutMinimum(secret);
  if (groups.length < minimum) return "(?!)";
  const rest = groups.slice(minimum).reduceRight((inner, group) => `(?:${group}${inner})?`, "");
  const halfEscape = "(?:%(?:25)?[0-9A-Fa-f]?|\\\\+(?:u[0-9A-Fa-f]{0,3})?|&#?[xX]?[0-9A-Fa-f]*|&[a-z]*)?";
  return `${groups.slice(0, minimum).join("")}${rest}(?=${halfEscape}(?:\\.\\.\\.|\u2026))`;
}

function characterForms(ch: string): string[] {
  const bytes = [...Buffer.from(ch, "utf8")];
  const codePoint = ch.codePointAt(0)!;
  const units = ch.length === 2 ? [ch.charCodeAt(0), ch.charCodeAt(1)] : [codePoint];
  const forms = [
    escapeRegex(ch),
    bytes.map((b) => `%(?:25)?${hexDigits(b, 2)}`).join(""),
    units.map((u) => `\\\\+u${hexDigits(u, 4)}`).join(""),
    `&#0*${codePoint};`,
    `&#[xX]0*${hexDigits(codePoint, 1)};`,
  ];
  const named: Record<string, string[]> = {
    "&": ["&amp;"],
    "<": ["&lt;"],
    ">": ["&gt;"],
    '"': ["&quot;", '\\\\+"'],
    "'": ["&apos;"],
    "/": ["\\\\+/"],
    "\\": ["\\\\+"],
    " ": ["\\+"],
  };
  return [...forms, ...(named[ch] ?? [])];
}

/** Hex digits of `value`, at least `width` of them, each letter matching either case. */
function hexDigits(value: number, width: number): string {
  return value
    .toString(16)
    .padStart(width, "0")
    .replace(/[a-f]/g, (d) => `[${d}${d.toUpperCase()}]`);
}

/**
 * The base64 characters that encode the secret's bytes alone, for each of the three alignments
 * the secret can have inside a longer base64 text; `+` and `/` also match base64url's `-` and `_`.
 */
function base64Patterns(secret: string): string[] {
  // What follows the core goes with it, so `Basic base64(value:)` becomes `Basic ***`: the two
  // characters that hold the secret's last bits and a `:` after it, and the padding. No more: a
  // second secret right after the `:` (`Basic base64(id:secret)`) starts its own core there.
  const tail = "[A-Za-z0-9+/_-]{0,2}={0,2}";
  return base64Cores(secret).map((core) => [...core].map((c) => (c === "+" ? "[+-]" : c === "/" ? "(?:/|_|\\\\+/)" : c)).join("") + tail);
}

function hexPattern(secret: string): string {
  return [...Buffer.from(secret, "utf8")].map((b) => hexDigits(b, 2)).join("");
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

/**
 * A URL as reports may name it: user information, every query value and the fragment replaced by
 * MASK (a state URL may carry a token in its query). Text that is not a URL comes back as it is.
 */
export function redactUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return value;
  }
  if (!url.username && !url.password && !url.search && !url.hash) return value;
  const auth = url.username || url.password ? `${MASK}@` : "";
  const query = [...url.searchParams.keys()].map((name) => `${encodeURIComponent(name)}=${MASK}`).join("&");
  return `${url.protocol}//${auth}${url.host}${url.pathname}${query ? `?${query}` : ""}${url.hash ? `#${MASK}` : ""}`;
}
