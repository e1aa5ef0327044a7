/**
 * Backslash escapes under the u flag (ECMA-262 §22.2.1, CharacterEscape and CharacterClassEscape).
 * Assertions, backreferences and property escapes are reported as unsupported.
 */
import { complement, DIGIT, SPACE, WORD, type CharSet } from "./charset.ts";
import type { Cursor } from "./cursor.ts";

export type Escaped = { kind: "char"; char: string } | { kind: "set"; set: CharSet };

const CONTROL: Record<string, string> = { t: "\t", n: "\n", v: "\v", f: "\f", r: "\r", "0": "\0" };
const CLASSES: Record<string, CharSet> = {
  d: DIGIT, D: complement(DIGIT), w: WORD, W: complement(WORD), s: SPACE, S: complement(SPACE),
};

/** Reads the escape after a backslash (the cursor is past the backslash). */
export function readEscape(cur: Cursor, inClass: boolean): Escaped {
  const at = cur.pos - 1;
  const c = cur.next();
  if (c in CLASSES) return { kind: "set", set: CLASSES[c] };
  if (c in CONTROL) return char(CONTROL[c]);
  switch (c) {
    case "b":
      if (inClass) return char("\b");
      throw cur.unsupported("a word-boundary assertion (\\b)", at);
    case "B":
      throw cur.unsupported("a non-word-boundary assertion (\\B)", at);
    case "x":
      return char(String.fromCodePoint(hex(cur, 2)));
    case "u":
      return char(readUnicode(cur));
    case "c":
      return char(String.fromCodePoint(cur.next().codePointAt(0)! % 32));
    case "p":
    case "P":
      throw cur.unsupported("a Unicode property escape (\\p{…})", at);
    case "k":
      throw cur.unsupported("a named backreference (\\k<…>)", at);
  }
  if (/[1-9]/.test(c)) throw cur.unsupported("a backreference (\\N)", at);
  return char(c);
}

function char(c: string): Escaped {
  return { kind: "char", char: c };
}

function hex(cur: Cursor, digits: number): number {
  let text = "";
  for (let k = 0; k < digits; k++) text += cur.next();
  if (!/^[0-9a-fA-F]+$/.test(text)) throw cur.malformed(`has a bad hex escape "${text}"`);
  return parseInt(text, 16);
}

/** `\uXXXX`, a surrogate pair `\uD83D\uDE00`, or `\u{1F600}`. */
function readUnicode(cur: Cursor): string {
  if (cur.eat("{")) {
    const start = cur.pos;
    while (cur.peek() !== "}") cur.next();
    const code = parseInt(cur.since(start), 16);
    cur.expect("}");
    return String.fromCodePoint(code);
  }
  const high = hex(cur, 4);
  if (high >= 0xd800 && high <= 0xdbff && cur.peek() === "\\" && cur.peek(1) === "u") {
    const save = cur.pos;
    cur.pos += 2;
    const low = /^[0-9a-fA-F]{4}$/.test([0, 1, 2, 3].map((k) => cur.peek(k)).join("")) ? hex(cur, 4) : -1;
    if (low >= 0xdc00 && low <= 0xdfff) return String.fromCodePoint((high - 0xd800) * 0x400 + low - 0xdc00 + 0x10000);
    cur.pos = save;
  }
  return String.fromCharCode(high);
}
