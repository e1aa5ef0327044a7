/**
 * Unicode characters that look like ASCII letters and digits: Cyrillic and Greek capitals and
 * small letters where one exists, else the fullwidth form (U+FF01 to U+FF5E).
 */
const HOMOGLYPHS = new Map<string, readonly [string, string]>([
  ["A", ["\u0410", "Cyrillic capital letter A"]],
  ["B", ["\u0412", "Cyrillic capital letter VE"]],
  ["C", ["\u0421", "Cyrillic capital letter ES"]],
  ["E", ["\u0415", "Cyrillic capital letter IE"]],
  ["H", ["\u041D", "Cyrillic capital letter EN"]],
  ["I", ["\u0399", "Greek capital letter IOTA"]],
  ["K", ["\u041A", "Cyrillic capital letter KA"]],
  ["M", ["\u041C", "Cyrillic capital letter EM"]],
  ["N", ["\u039D", "Greek capital letter NU"]],
  ["O", ["\u041E", "Cyrillic capital letter O"]],
  ["P", ["\u0420", "Cyrillic capital letter ER"]],
  ["T", ["\u0422", "Cyrillic capital letter TE"]],
  ["X", ["\u0425", "Cyrillic capital letter HA"]],
  ["Y", ["\u03A5", "Greek capital letter UPSILON"]],
  ["Z", ["\u0396", "Greek capital letter ZETA"]],
  ["a", ["\u0430", "Cyrillic small letter A"]],
  ["c", ["\u0441", "Cyrillic small letter ES"]],
  ["e", ["\u0435", "Cyrillic small letter IE"]],
  ["i", ["\u0456", "Cyrillic small letter Byelorussian-Ukrainian I"]],
  ["j", ["\u0458", "Cyrillic small letter JE"]],
  ["o", ["\u043E", "Cyrillic small letter O"]],
  ["p", ["\u0440", "Cyrillic small letter ER"]],
  ["s", ["\u0455", "Cyrillic small letter DZE"]],
  ["x", ["\u0445", "Cyrillic small letter HA"]],
  ["y", ["\u0443", "Cyrillic small letter U"]],
]);

export interface Lookalike {
  /** The code point index replaced. */
  index: number;
  original: string;
  glyph: string;
  name: string;
}

/**
 * The first character of `value` with a Cyrillic or Greek twin, else the first ASCII letter or
 * digit with its fullwidth form; undefined when there is neither.
 */
export function findLookalike(value: string): Lookalike | undefined {
  const chars = Array.from(value);
  const twin = chars.findIndex((c) => HOMOGLYPHS.has(c));
  if (twin >= 0) {
    const [glyph, name] = HOMOGLYPHS.get(chars[twin])!;
    return { index: twin, original: chars[twin], glyph, name };
  }
  const alnum = chars.findIndex((c) => /[A-Za-z0-9]/.test(c));
  if (alnum < 0) return undefined;
  const glyph = String.fromCodePoint(chars[alnum].codePointAt(0)! - 0x21 + 0xff01);
  return { index: alnum, original: chars[alnum], glyph, name: "fullwidth form" };
}

export function codePointLabel(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}
