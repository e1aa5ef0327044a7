/** Violations built from a matching value: look-alikes, a slash, spaces, a newline, a NUL. */
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
