/** Character classes `[…]` and `[^…]` with ranges and class escapes. */
import type { ClassNode } from "./ast.ts";
import { charSet, complement, union, type CharSet } from "./charset.ts";
import type { Cursor } from "./cursor.ts";
import { readEscape, type Escaped } from "./escapes.ts";

/** Reads a class; the cursor is past the opening `[` found at `start`. */
export function readClass(cur: Cursor, start: number): ClassNode {
  const negated = cur.eat("^");
  const parts: CharSet[] = [];
  while (!cur.eat("]")) {
    if (cur.done()) throw cur.malformed("has an unterminated character class");
    const low = classAtom(cur);
    if (low.kind === "char" && cur.peek() === "-" && cur.peek(1) !== "]" && cur.peek(1) !== undefined) {
      cur.next();
      const high = classAtom(cur);
      if (high.kind !== "char") throw cur.malformed(`has a range ending in a class escape at offset ${cur.pos}`);
      parts.push(charSet([[low.char.codePointAt(0)!, high.char.codePointAt(0)!]]));
    } else {
      parts.push(low.kind === "char" ? charSet([[low.char.codePointAt(0)!, low.char.codePointAt(0)!]]) : low.set);
    }
  }
  const set = union(parts);
  return { kind: "class", set: negated ? complement(set) : set, source: cur.since(start) };
}

function classAtom(cur: Cursor): Escaped {
  const c = cur.next();
  if (c !== "\\") return { kind: "char", char: c };
  if (cur.peek() === "-") return { kind: "char", char: cur.next() };
  return readEscape(cur, true);
}
