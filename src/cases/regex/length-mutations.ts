/** Violations of length: empty, one repetition too few or too many, and several kilobytes. */
import { charCount, characters, matchingLength, times } from "./describe.ts";
import { generate } from "./generate.ts";
import { bestRepeat, isolate, type Mutation } from "./mutation.ts";

/** The least length, in characters, of a very-long value. */
export const VERY_LONG = 4096;
/** Very-long values beyond this many UTF-16 units are not sent. */
const VERY_LONG_CAP = 65_536;

export const empty: Mutation = ({ ast }) => ({ value: "", description: `is empty${matchingLength(ast)}` });

export const tooShort: Mutation = ({ ast, rng }) => {
  const target = bestRepeat(ast, (node) => (node.min > 0 ? node.min : undefined));
  if (!target) return undefined;
  const n = target.min - 1;
  const { value } = generate(ast, rng, isolate(target, n));
  const need = target.min === target.max ? "exactly" : "at least";
  return {
    value,
    description:
      `has ${characters(charCount(value))}: ${target.node.source} ${times(n)} where the pattern needs ` +
      `${need} ${target.min}${matchingLength(ast)}`,
  };
};

export const tooLong: Mutation = ({ ast, rng }) => {
  const target = bestRepeat(ast, (node) => (Number.isFinite(node.max) ? node.max : undefined));
  if (!target) return undefined;
  const n = target.max + 1;
  const { value } = generate(ast, rng, isolate(target, n));
  const allowed = target.min === target.max ? "exactly" : "at most";
  return {
    value,
    description:
      `has ${characters(charCount(value))}: ${target.node.source} ${times(n)} where the pattern allows ` +
      `${allowed} ${target.max}${matchingLength(ast)}`,
  };
};

/**
 * The widest bounded quantifier repeated past its maximum to at least VERY_LONG characters; with
 * no bounded quantifier, a matching value repeated end to end.
 */
export const veryLong: Mutation = ({ ast, base, rng }) => {
  const target = bestRepeat(ast, (node) => (Number.isFinite(node.max) ? node.max : undefined));
  if (target) {
    const n = Math.max(target.max + 1, VERY_LONG);
    const { value } = generate(ast, rng, isolate(target, n));
    if (charCount(value) >= VERY_LONG && value.length <= VERY_LONG_CAP) {
      return {
        value,
        description: `has ${characters(charCount(value))}: ${target.node.source} ${times(n)} where the pattern allows at most ${target.max}`,
      };
    }
  }
  if (base.value === "") return undefined;
  const value = base.value.repeat(Math.ceil(VERY_LONG / base.value.length));
  return { value, description: `is the matching value ${JSON.stringify(base.value)} repeated to ${characters(charCount(value))}` };
};
