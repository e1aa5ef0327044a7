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
 * - cut short: at least TRUNCATED_PREFIX characters of its start (in the forms above, raw or
 *   escaped) right before an ellipsis ("..." or "…"), as a preview that shortens a long value
 *   leaves it. Masking the whole value before shortening it is still better (it leaves no
 *   prefix at all); this catches the code that does not.
 *
 * A base64 form is masked from the first character that encodes the secret's bytes alone to the
 * end of the padding; the one or two characters before it, which mix in the bytes before the
 * secret, stay (they carry at most 4 bits of it).
 * Secrets shorter than MIN_SECRET_LENGTH are refused where they come in (credentials.ts):
 * masking "a" everywhere would wreck every report.
 */
export const MASK = "***";

/** Shorter credentials are refused: masking them would hide ordinary text. */
export const MIN_SECRET_LENGTH = 8;

/** A secret's start this long, cut off by an ellipsis, is masked. */
const TRUNCATED_PREFIX = 6;

/** The kinds of form a secret was found in, as no_secret_echo reports them. */
export type SecretFormKind = "raw or escaped" | "base64" | "hex";

interface Patterns {
  /** Every form of every secret of the part, longest secrets first; global, for replacing and (from lastIndex 0) for searching. */
  all: RegExp;
  /** One pattern per kind of form, for telling which kind matched: built only when a secret is found. */
  byKind(): Array<[SecretFormKind, RegExp]>;
}

/** One part of a secret list: a quick test, and the full patterns built the first time a text passes it. */
interface Compiled {
  patterns(): Patterns;
  quick: Quick;
}

/**
 * The quick test runs on the text with its escapes decoded (percent-encoding, once or twice;
 * JSON `\\u` and `\\/` escapes; HTML entities; `+` for a space), where every form the full pattern
 * matches reads as the raw secret, its base64 or base64url core, its hex (compared lower-cased), or
 * the start of it before an ellipsis. Most texts hold no secret, and the full pattern is costly.
 */
interface Quick {
  plain: string[];
  hex: string[];
  prefixes: Array<{ prefix: string; secret: string }>;
  /** A secret holds a line break: its forms may span lines. */
  multiline: boolean;
  /** A secret holds a character outside ASCII, whose escapes the decoding does not map back: no quick answer. */
  wide: boolean;
  /** A secret holds a space, which form encoding writes as `+`. */
  spaced: boolean;
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
  let out = text;
  for (const part of compile(secrets)) {
    if (!mayHold(out, part.quick)) continue;
    const { all } = part.patterns();
    // No form of a secret without a line break spans one, so a long text (a report) is masked a
    // line at a time, and the costly full pattern runs only on the lines that pass the quick test.
    out = out.length < LINEWISE_FROM || part.quick.multiline ? out.replace(all, MASK) : out.split("\n").map((line) => (mayHold(line, part.quick) ? line.replace(all, MASK) : line)).join("\n");
  }
  return out;
}

/** Texts at least this long are masked line by line. */
const LINEWISE_FROM = 4096;

/** The kind of form in which one of `secrets` occurs in `text`, or undefined when none does. */
export function findSecret(text: string, secrets: readonly string[]): SecretFormKind | undefined {
  if (text === "") return undefined;
  for (const part of compile(secrets)) {
    if (!mayHold(text, part.quick)) continue;
    const { all, byKind } = part.patterns();
    all.lastIndex = 0;
    const found = all.test(text);
    all.lastIndex = 0;
    if (found) return byKind().find(([, pattern]) => text.search(pattern) !== -1)?.[0];
  }
  return undefined;
}

/** The last list compiled, by identity and length: callers pass the same list for every text of a run. */
let last: { secrets: readonly string[]; length: number; compiled: Compiled[] } | undefined;

function compile(secrets: readonly string[]): Compiled[] {
  if (last?.secrets === secrets && last.length === secrets.length) return last.compiled;
  // Longest first: where two secrets start at the same place, the longer one is masked whole.
  const usable = [...new Set(secrets.filter((s) => s !== ""))].sort((a, b) => b.length - a.length);
  const compiled: Compiled[] = [];
  for (let i = 0; i < usable.length; i += SECRETS_PER_PART) compiled.push(compilePart(usable.slice(i, i + SECRETS_PER_PART)));
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
    hit = { patterns: () => (built ??= buildPatterns(usable)), quick: quickTest(usable) };
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, hit);
  }
  return hit;
}

function buildPatterns(usable: readonly string[]): Patterns {
  const kinds: Array<[SecretFormKind, (secret: string) => string[]]> = [
    ["raw or escaped", (s) => [characterwise(s), truncated(s)]],
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

function quickTest(secrets: readonly string[]): Quick {
  const plain = secrets.flatMap((s) => {
    const cores = base64Cores(s);
    return [s, ...cores, ...cores.map((core) => core.replace(/\+/g, "-").replace(/\//g, "_"))];
  });
  return {
    plain: [...new Set(plain)],
    hex: secrets.map((s) => Buffer.from(s, "utf8").toString("hex")),
    prefixes: secrets.filter((s) => [...s].length > TRUNCATED_PREFIX).map((secret) => ({ prefix: [...secret].slice(0, TRUNCATED_PREFIX).join(""), secret })),
    multiline: secrets.some((s) => /[\r\n]/.test(s)),
    wide: secrets.some((s) => /[^\x00-\x7f]/.test(s)),
    spaced: secrets.some((s) => s.includes(" ")),
  };
}

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The text with the escapes the full pattern knows decoded, one character each (ASCII only). */
function decodeEscapes(text: string, plusIsSpace: boolean): string {
  return (plusIsSpace ? text.replace(/\+/g, " ") : text)
    .replace(/%(?:25)?([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\+u([0-9A-Fa-f]{4})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\+(["/\\])/g, "$1")
    .replace(/&#[xX]0*([0-9A-Fa-f]+);|&#0*([0-9]+);|&(amp|lt|gt|quot|apos);/g, (m, hex?: string, dec?: string, name?: string) =>
      name ? ENTITIES[name] : String.fromCodePoint(Math.min(parseInt(hex ?? dec ?? "0", hex ? 16 : 10), 0x10ffff)),
    );
}

function mayHold(text: string, quick: Quick): boolean {
  if (quick.wide) return true;
  const views = [text];
  if (/[%\\&]/.test(text)) views.push(decodeEscapes(text, false));
  if (quick.spaced && text.includes("+")) views.push(decodeEscapes(text, true));
  for (const view of views) {
    if (quick.plain.some((form) => view.includes(form))) return true;
    const lower = view.toLowerCase();
    if (quick.hex.some((form) => lower.includes(form))) return true;
    if (/\.\.\.|\u2026/.test(view) && quick.prefixes.some((p) => cutShort(view, p.prefix, p.secret))) return true;
  }
  return false;
}

/** What may follow a cut-off secret before its ellipsis, decoded: the start of an escape that the cut left half-written. */
const HALF_ESCAPE_THEN_ELLIPSIS = /[%\\&#0-9A-Za-z]*(?:\.\.\.|\u2026)/y;

/** Whether `view` holds the secret's start (its prefix and perhaps more of it), cut off by an ellipsis. */
function cutShort(view: string, prefix: string, secret: string): boolean {
  for (let at = view.indexOf(prefix); at !== -1; at = view.indexOf(prefix, at + 1)) {
    let end = at + prefix.length;
    while (end - at < secret.length && view[end] === secret[end - at]) end++;
    HALF_ESCAPE_THEN_ELLIPSIS.lastIndex = end;
    if (HALF_ESCAPE_THEN_ELLIPSIS.test(view)) return true;
  }
  return false;
}

/** The secret with each character in any of its escaped or encoded forms. */
function characterwise(secret: string): string {
  return [...secret].map((ch) => `(?:${characterForms(ch).join("|")})`).join("");
}

/**
 * The secret's first TRUNCATED_PREFIX or more characters, each in any of its forms, followed by
 * an ellipsis (after, perhaps, the start of an escape that the cut left half-written).
 */
function truncated(secret: string): string {
  const groups = [...secret].slice(0, -1).map((ch) => `(?:${characterForms(ch).join("|")})`);
  if (groups.length < TRUNCATED_PREFIX) return "(?!)";
  const rest = groups.slice(TRUNCATED_PREFIX).reduceRight((inner, group) => `(?:${group}${inner})?`, "");
  const halfEscape = "(?:%(?:25)?[0-9A-Fa-f]?|\\\\+(?:u[0-9A-Fa-f]{0,3})?|&#?[xX]?[0-9A-Fa-f]*|&[a-z]*)?";
  return `${groups.slice(0, TRUNCATED_PREFIX).join("")}${rest}(?=${halfEscape}(?:\\.\\.\\.|\u2026))`;
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
  // What follows the core (up to three characters that mix in the next bytes, and the padding)
  // goes with it, so `Basic base64(value:)` becomes `Basic ***`.
  const tail = "[A-Za-z0-9+/_-]{0,3}={0,2}";
  return base64Cores(secret).map((core) => [...core].map((c) => (c === "+" ? "[+-]" : c === "/" ? "(?:/|_|\\\\+/)" : c)).join("") + tail);
}

/** The base64 characters that encode the secret's bytes alone, at each of the three alignments. */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, "utf8");
  const cores = [0, 1, 2].map((offset) => {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString("base64");
    return encoded.slice(Math.ceil((offset * 8) / 6), Math.floor(((offset + bytes.length) * 8) / 6));
  });
  // A core this short (a secret of under 5 bytes) would match ordinary text.
  return cores.filter((core) => core.length >= 6);
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
