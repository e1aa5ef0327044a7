/** Violations built from a matching value: look-alikes, another script's digit, a slash, spaces, a newline, a NUL. */
import { quote } from "./describe.ts";
import { codePointLabel, findLookalike } from "./lookalike.ts";
import type { Mutation } from "./mutation.ts";

export const lookalikeUnicode: Mutation = ({ base }) => {
  const found = findLookalike(base.value);
  if (!found) return undefined;
  const chars = Array.from(base.value);
  chars[found.index] = found.glyph;
  return {
    value: chars.join(""),
    description:
      `has ${quote(found.original)} replaced by the look-alike ${quote(found.glyph)} ` +
      `(${codePointLabel(found.glyph)}, ${found.name})`,
  };
};

/**
 * The first ASCII digit as the Arabic-Indic digit of the same value (U+0660 to U+0669): a decimal
 * digit that `\d` matches in Python 3, .NET and Java with UNICODE_CHARACTER_CLASS, and `\p{Nd}`
 * everywhere, but `[0-9]` and JavaScript's `\d` do not. A validator written with the wrong one
 * lets it through.
 */
export const unicodeDigit: Mutation = ({ base }) => {
  const chars = Array.from(base.value);
  const at = chars.findIndex((c) => c >= "0" && c <= "9");
  if (at < 0) return undefined;
  const original = chars[at];
  chars[at] = String.fromCodePoint(0x0660 + Number(original));
  return {
    value: chars.join(""),
    description: `has ${quote(original)} replaced by ${quote(chars[at])} (${codePointLabel(chars[at])}, the Arabic-Indic digit of the same value), a decimal digit that \\d matches in Python, .NET and Java's UNICODE_CHARACTER_CLASS but [0-9] does not`,
  };
};

export const percentEncodedSlash: Mutation = ({ base }) => {
  const chars = Array.from(base.value);
  const middle = Math.floor(chars.length / 2);
  const value = [...chars.slice(0, middle), "/", ...chars.slice(middle)].join("");
  return {
    value,
    description: `has a "/" inside a matching value; percent-encode the value (encodeURIComponent) so "/" goes on the wire as %2F`,
  };
};

export const leadingSpace: Mutation = ({ base }) => ({
  value: ` ${base.value}`,
  description: "is a matching value with a leading space",
});

export const trailingSpace: Mutation = ({ base }) => ({
  value: `${base.value} `,
  description: "is a matching value with a trailing space",
});

export const newlineSuffix: Mutation = ({ base }) => ({
  value: `${base.value}\n`,
  description: `is a matching value followed by a newline ("\\n"), which "$" without the m flag does not match before`,
});

export const nullByte: Mutation = ({ base }) => ({
  value: `${base.value}\u0000`,
  description: "is a matching value followed by a NUL character (%00 once encoded)",
});
