/**
 * The quick test of src/http/redact.ts: which parts of a secret list may occur in a text. The
 * full patterns are costly and most texts hold no secret, so every text is first searched for the
 * plain forms of every secret at once, in one pass however many secrets there are (a report of a
 * megabyte, with a hundred registered secrets, would otherwise be searched hundreds of times).
 *
 * The search runs on the text with its escapes decoded (percent-encoding, once or twice; JSON
 * `\\u` and `\\/` escapes; HTML entities; `+` for a space), where every form the full pattern
 * matches reads as the raw secret, its base64 or base64url core, its hex (in either case), or the
 * start of it before an ellipsis. A form is found by a rolling hash of its first WINDOW characters
 * (for hex, with A-F read as a-f), and confirmed by comparing it whole.
 */

/** Characters hashed: no form is shorter (secrets have at least 8, base64 cores at least 6). */
const WINDOW = 6;
const BASE = 131;
/** BASE ** (WINDOW - 1), modulo 2 ** 32. */
const LEADING = Array.from({ length: WINDOW - 1 }).reduce<number>((power) => Math.imul(power, BASE), 1);
const FILTER_BITS = 16;
/** Up to this many forms, they are searched for one by one. */
const ONE_BY_ONE_UP_TO = 160;
const FILTER_MASK = (1 << FILTER_BITS) - 1;

/** A secret's start this long, cut off by an ellipsis, is masked. */
export const TRUNCATED_PREFIX = 6;

/** A key's type prefix (`enk_tok_`, `sk_test_`): runs of letters, each closed by `_` or `-`, at its start. */
const TYPE_PREFIX = /^(?:[A-Za-z]+[_-])+/;

/**
 * How much of a secret's start, cut off by an ellipsis, counts as the secret: TRUNCATED_PREFIX
 * characters, and at least one past its type prefix. A key's kind (`sk_test_…`, a format hint a
 * target may print for anyone) is no part of the secret.
 */
export function cutMinimum(secret: string): number {
  return Math.max(TRUNCATED_PREFIX, (TYPE_PREFIX.exec(secret)?.[0].length ?? 0) + 1);
}

interface Form {
  text: string;
  part: number;
  /** Set for a secret's start, which counts only when an ellipsis follows it (see cutShort). */
  cutFrom?: string;
}

/** Forms by the hash of their first WINDOW characters, behind a bit filter of the hashes' low bits. */
interface Table {
  forms: Form[];
  byHash: Map<number, Form[]>;
  filter: Uint32Array;
  /** Forms shorter than WINDOW (secrets shorter than payconform accepts, given directly): searched one by one. */
  short: Form[];
}

export interface QuickIndex {
  /** The parts of the list that may occur in `text`. */
  partsIn(text: string): Set<number>;
}

/** The quick test for `parts`, the secret list split as redact.ts compiles it. */
export function quickIndex(parts: ReadonlyArray<readonly string[]>): QuickIndex {
  const plain = emptyTable();
  const hex = emptyTable();
  const always = new Set<number>();
  let spaced = false;
  parts.forEach((secrets, part) => {
    for (const secret of secrets) {
      // A secret outside ASCII has escapes the decoding does not map back (a percent-encoded é is
      // two bytes): its longest ASCII run stands for it, which every escaped form holds as it is;
      // with no run that long, no quick answer.
      const raw = /[^\x00-\x7f]/.test(secret) ? longestAsciiRun(secret) : secret;
      if (raw.length < WINDOW) always.add(part);
      spaced ||= secret.includes(" ");
      const cores = base64Cores(secret);
      for (const text of new Set([raw, ...cores, ...cores.map((core) => core.replace(/\+/g, "-").replace(/\//g, "_"))])) add(plain, { text, part });
      add(hex, { text: Buffer.from(secret, "utf8").toString("hex"), part });
      if ([...secret].length > TRUNCATED_PREFIX) add(plain, { text: [...secret].slice(0, TRUNCATED_PREFIX).join(""), part, cutFrom: secret });
    }
  });
  return {
    partsIn(text) {
      const found = new Set(always);
      if (found.size === parts.length) return found;
      const views = [text];
      if (/[%\\&]/.test(text)) views.push(decodeEscapes(text, false));
      if (spaced && text.includes("+")) views.push(decodeEscapes(text, true));
      const oneByOne = plain.forms.length + hex.forms.length <= ONE_BY_ONE_UP_TO;
      for (const view of views) {
        if (oneByOne) searchEach(view, plain, hex, found);
        else search(view, plain, hex, found);
      }
      return found;
    },
  };
}

/** The longest stretch of the text without a character outside ASCII. */
function longestAsciiRun(text: string): string {
  return text.split(/[^\x00-\x7f]+/).reduce((a, b) => (b.length > a.length ? b : a), "");
}

function emptyTable(): Table {
  return { forms: [], byHash: new Map(), filter: new Uint32Array(1 << (FILTER_BITS - 5)), short: [] };
}

function add(table: Table, form: Form): void {
  table.forms.push(form);
  if (form.text.length < WINDOW) {
    table.short.push(form);
    return;
  }
  const hash = hashOf(form.text);
  const slot = hash & FILTER_MASK;
  table.filter[slot >>> 5] |= 1 << (slot & 31);
  const same = table.byHash.get(hash);
  if (same) same.push(form);
  else table.byHash.set(hash, [form]);
}

function hashOf(text: string): number {
  let hash = 0;
  for (let i = 0; i < WINDOW; i++) hash = (Math.imul(hash, BASE) + text.charCodeAt(i)) | 0;
  return hash;
}

/** As `search`, one form after the other. */
function searchEach(view: string, plain: Table, hex: Table, found: Set<number>): void {
  for (const form of plain.forms) {
    if (found.has(form.part)) continue;
    if (form.cutFrom === undefined ? view.includes(form.text) : cutShortAnywhere(view, form.text, form.cutFrom)) found.add(form.part);
  }
  if (hex.forms.every((form) => found.has(form.part))) return;
  const lower = view.toLowerCase();
  for (const form of hex.forms) if (!found.has(form.part) && lower.includes(form.text)) found.add(form.part);
}

/** Whether the secret's start `prefix` occurs in `view` cut off by an ellipsis. */
function cutShortAnywhere(view: string, prefix: string, secret: string): boolean {
  for (let at = view.indexOf(prefix); at !== -1; at = view.indexOf(prefix, at + 1)) if (cutShort(view, at, secret)) return true;
  return false;
}

/** A character code with A-F read as a-f, as hex forms are hashed. */
function folded(code: number): number {
  return code >= 65 && code <= 70 ? code + 32 : code;
}

/**
 * Adds to `found` the part of every form of `plain` that occurs in `view`, and of every form of
 * `hex` that occurs in it in either case: one pass, with a rolling hash of the characters as they
 * are and one with A-F read as a-f.
 */
function search(view: string, plain: Table, hex: Table, found: Set<number>): void {
  for (const form of plain.short) if (!found.has(form.part) && view.includes(form.text)) found.add(form.part);
  if (view.length < WINDOW) return;
  const plainBits = plain.filter;
  const hexBits = hex.filter;
  let exact = 0;
  let fold = 0;
  for (let i = 0; i < WINDOW; i++) {
    exact = (Math.imul(exact, BASE) + view.charCodeAt(i)) | 0;
    fold = (Math.imul(fold, BASE) + folded(view.charCodeAt(i))) | 0;
  }
  const last = view.length - WINDOW;
  for (let at = 0; ; at++) {
    const slot = exact & FILTER_MASK;
    if ((plainBits[slot >>> 5] >>> (slot & 31)) & 1) {
      for (const form of plain.byHash.get(exact) ?? []) {
        if (!found.has(form.part) && view.startsWith(form.text, at) && (form.cutFrom === undefined || cutShort(view, at, form.cutFrom))) found.add(form.part);
      }
    }
    const hexSlot = fold & FILTER_MASK;
    if ((hexBits[hexSlot >>> 5] >>> (hexSlot & 31)) & 1) {
      for (const form of hex.byHash.get(fold) ?? []) {
        if (!found.has(form.part) && view.slice(at, at + form.text.length).toLowerCase() === form.text) found.add(form.part);
      }
    }
    if (at === last) return;
    const out = view.charCodeAt(at);
    const next = view.charCodeAt(at + WINDOW);
    exact = (Math.imul(exact - Math.imul(out, LEADING), BASE) + next) | 0;
    fold = (Math.imul(fold - Math.imul(folded(out), LEADING), BASE) + folded(next)) | 0;
  }
}

/** What may follow a cut-off secret before its ellipsis, decoded: the start of an escape that the cut left half-written. */
const HALF_ESCAPE_THEN_ELLIPSIS = /[%\\&#0-9A-Za-z]*(?:\.\.\.|\u2026)/y;

/** Whether `view`, at `at`, holds the start of `secret` (cutMinimum characters or more) cut off by an ellipsis. */
function cutShort(view: string, at: number, secret: string): boolean {
  let end = at + TRUNCATED_PREFIX;
  while (end - at < secret.length && view[end] === secret[end - at]) end++;
  if (end - at < cutMinimum(secret)) return false;
  HALF_ESCAPE_THEN_ELLIPSIS.lastIndex = end;
  return HALF_ESCAPE_THEN_ELLIPSIS.test(view);
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

/** The base64 characters that encode the secret's bytes alone, at each of the three alignments. */
export function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, "utf8");
  const cores = [0, 1, 2].map((offset) => {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString("base64");
    return encoded.slice(Math.ceil((offset * 8) / 6), Math.floor(((offset + bytes.length) * 8) / 6));
  });
  // A core this short (a secret of under 5 bytes) would match ordinary text.
  return cores.filter((core) => core.length >= 6);
}
