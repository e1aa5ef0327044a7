/**
 * Sets of code points as sorted, disjoint, inclusive ranges: what a character class, `\d`, `\w`,
 * `\s` or `.` matches under the u flag.
 */
import type { Rng } from "../random.ts";

export type Range = readonly [number, number];

export interface CharSet {
  readonly ranges: readonly Range[];
}

export const MAX_CODE_POINT = 0x10ffff;

export function charSet(ranges: Iterable<Range>): CharSet {
  const sorted = [...ranges].filter(([lo, hi]) => lo <= hi).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = merged.at(-1);
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
  }
  return { ranges: merged };
}

export function ofChars(chars: string): CharSet {
  return charSet([...chars].map((c) => [c.codePointAt(0)!, c.codePointAt(0)!] as const));
}

export function union(sets: readonly CharSet[]): CharSet {
  return charSet(sets.flatMap((s) => s.ranges));
}

export function complement(set: CharSet): CharSet {
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of set.ranges) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return { ranges: out };
}

export function intersect(a: CharSet, b: CharSet): CharSet {
  const out: Range[] = [];
  for (const [alo, ahi] of a.ranges) {
    for (const [blo, bhi] of b.ranges) out.push([Math.max(alo, blo), Math.min(ahi, bhi)]);
  }
  return charSet(out);
}

export function has(set: CharSet, char: string): boolean {
  const cp = char.codePointAt(0)!;
  return set.ranges.some(([lo, hi]) => cp >= lo && cp <= hi);
}

export function size(set: CharSet): number {
  return set.ranges.reduce((n, [lo, hi]) => n + hi - lo + 1, 0);
}

/** The characters of `set` among `chars`, in the order of `chars`. */
export function pickIn(set: CharSet, chars: string): string[] {
  return [...chars].filter((c) => has(set, c));
}

export const DIGIT = charSet([[0x30, 0x39]]);
export const WORD = charSet([[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]]);
/** ECMAScript WhiteSpace and LineTerminator, which `\s` matches. */
export const SPACE = charSet([
  [0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a],
  [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff],
]);
/** `.` without the s flag: anything but a line terminator. */
export const DOT = complement(ofChars("\n\r\u2028\u2029"));

export const UPPER = charSet([[0x41, 0x5a]]);
export const LOWER = charSet([[0x61, 0x7a]]);

/**
 * Where a random character is drawn from, best first: URL-unreserved characters, then printable
 * ASCII, then the rest of the BMP (no lone surrogates), then the astral planes.
 */
const TIERS: readonly CharSet[] = [
  union([ofChars("-._~"), DIGIT, UPPER, LOWER]),
  charSet([[0x20, 0x7e]]),
  charSet([[0, 0xd7ff], [0xe000, 0xffff]]),
  charSet([[0x10000, MAX_CODE_POINT]]),
];

/** Each set's part in each tier, and its size, worked out once per set: a long value samples one set thousands of times. */
const tiersOf = new WeakMap<CharSet, Array<{ within: CharSet; count: number }>>();

function tiered(set: CharSet): Array<{ within: CharSet; count: number }> {
  let parts = tiersOf.get(set);
  if (!parts) {
    parts = TIERS.map((tier) => {
      const within = intersect(set, tier);
      return { within, count: size(within) };
    });
    tiersOf.set(set, parts);
  }
  return parts;
}

/** A random character of `set`, or undefined when the set is empty. */
export function sample(set: CharSet, rng: Rng): string | undefined {
  for (const { within, count } of tiered(set)) {
    if (count === 0) continue;
    let index = rng.int(0, count - 1);
    for (const [lo, hi] of within.ranges) {
      if (index <= hi - lo) return String.fromCodePoint(lo + index);
      index -= hi - lo + 1;
    }
  }
  return undefined;
}
