/**
 * Values at the edges of what a pattern allows, every one matching `new RegExp(pattern, "u")`:
 * a target that rejects one of them validates more strictly than its documents say.
 *
 * - all-digits, all-letters: every class position holds a digit (a letter), where every class met
 *   allows one;
 * - first-of-class, last-of-class: one class holds its lowest (highest) character throughout;
 * - first-of-range, last-of-range: the same for the ends of each range inside a class;
 * - shortest: every quantifier at its minimum; longest: every bounded quantifier at its maximum
 *   (unbounded ones at their minimum), each only when some quantifier allows a range.
 *
 * For `^KC[A-Z0-9]{14}$`: KC00000000000000 (all-digits), KCAAAAAAAAAAAAAA (all-letters),
 * KCZZZZZZZZZZZZZZ (last-of-class) and KC99999999999999 (last-of-range); the other plans repeat
 * one of these and are dropped.
 *
 * A class's boundary characters are taken within printable ASCII when the class has any there
 * (`[^/]` gives "!", ".", "0" and "~", not U+0000 and U+10FFFF); control and non-ASCII characters
 * are the violation builders' business.
 */
import { SpecError } from "../../errors.ts";
import { createRng, type Rng } from "../random.ts";
import { allNodes, contains, type ClassNode, type PatternAst, type PatternNode, type RepeatNode } from "./ast.ts";
import { charSet, DIGIT, intersect, LOWER, union, UPPER, type CharSet, type Range } from "./charset.ts";
import { charCount } from "./describe.ts";
import { generate } from "./generate.ts";
import { compilePattern, parsePattern } from "./parse.ts";

export interface BoundaryValue {
  /** What makes the value a boundary: `all-digits`, `last-of-class`, `shortest`, … */
  label: string;
  value: string;
}

/** Seeds tried per plan; each may take other branches of an alternation. */
const TRIES = 16;
/** Plans whose value could exceed this many code points are skipped. */
const MAX_LENGTH = 65_536;

const LETTERS = union([UPPER, LOWER]);
const ALNUM = union([DIGIT, LETTERS]);
const PRINTABLE = charSet([[0x21, 0x7e]]);

type Count = (node: RepeatNode) => number;

/** How to build one boundary value. */
interface Plan {
  label: string;
  /** The character for each class position (undefined: the plan cannot apply there); absent: random ones. */
  char?: (node: ClassNode) => string | undefined;
  /** The class the value must pass through; absent: any class. */
  target?: ClassNode;
  /** Repetition counts, tried in order until one yields a matching value. */
  counts: readonly Count[];
  /** Which matching value to keep among the tries. */
  keep: "first" | "shortest" | "longest";
}

/** Values already worked out, by pattern: they depend on the pattern alone. */
const boundaryCache = new Map<string, readonly BoundaryValue[]>();

/** Boundary-valid values for `pattern`, without duplicate values; a repeated label gets `-2`, `-3`. */
export function generateBoundaryValid(pattern: string): readonly BoundaryValue[] {
  let values = boundaryCache.get(pattern);
  if (!values) boundaryCache.set(pattern, (values = buildBoundaryValid(pattern)));
  return values;
}

function buildBoundaryValid(pattern: string): BoundaryValue[] {
  const ast = parsePattern(pattern);
  const re = compilePattern(pattern);
  const out: BoundaryValue[] = [];
  const uses = new Map<string, number>();
  const taken = new Set<string>();
  for (const plan of plans(ast)) {
    const value = build(ast, re, plan, taken);
    if (value === undefined) continue;
    taken.add(value);
    const n = (uses.get(plan.label) ?? 0) + 1;
    uses.set(plan.label, n);
    out.push({ label: n === 1 ? plan.label : `${plan.label}-${n}`, value });
  }
  return out;
}

const atLeastOnce: Count = (node) => Math.min(node.max, Math.max(node.min, 1));
const minimum: Count = (node) => node.min;
const maximum: Count = (node) => (Number.isFinite(node.max) ? node.max : node.min);

function plans(ast: PatternAst): Plan[] {
  const nodes = allNodes(ast);
  const repeats = nodes.filter((n): n is RepeatNode => n.kind === "repeat");
  const classes = nodes.filter((n): n is ClassNode => n.kind === "class");
  const out: Plan[] = [
    { label: "all-digits", char: (node) => firstIn(node.set, DIGIT), counts: [atLeastOnce, minimum], keep: "first" },
    { label: "all-letters", char: (node) => firstIn(node.set, LETTERS), counts: [atLeastOnce, minimum], keep: "first" },
  ];
  const edges = (label: string, pick: (ranges: readonly Range[]) => number[]): Plan[] =>
    classes.flatMap((target) =>
      pick(edgeRanges(target.set)).map((cp) => ({
        label,
        char: (node: ClassNode) => (node === target ? String.fromCodePoint(cp) : plain(node.set)),
        counts: [atLeastOnce, (node: RepeatNode) => (contains(node, target) ? atLeastOnce(node) : node.min)],
        target,
        keep: "first" as const,
      })),
    );
  out.push(
    ...edges("first-of-class", (ranges) => ranges.slice(0, 1).map(([lo]) => lo)),
    ...edges("last-of-class", (ranges) => ranges.slice(-1).map(([, hi]) => hi)),
    ...edges("first-of-range", (ranges) => ranges.map(([lo]) => lo)),
    ...edges("last-of-range", (ranges) => ranges.map(([, hi]) => hi)),
  );
  if (repeats.some((n) => n.min < n.max)) {
    out.push({ label: "shortest", counts: [minimum], keep: "shortest" });
  }
  if (repeats.some((n) => Number.isFinite(n.max) && n.max > n.min)) {
    out.push({ label: "longest", counts: [maximum], keep: "longest" });
  }
  return out;
}

/** The plan's value that `re` accepts and is not `taken`, or undefined when no try yields one. */
function build(ast: PatternAst, re: RegExp, plan: Plan, taken: ReadonlySet<string>): string | undefined {
  let kept: string | undefined;
  for (const count of plan.counts) {
    if (longestWith(ast.alternatives, count) > MAX_LENGTH) continue;
    for (let seed = 0; seed < TRIES; seed++) {
      const value = attempt(ast, plan, count, createRng(seed));
      if (value === undefined || taken.has(value) || !re.test(value)) continue;
      if (plan.keep === "first") return value;
      const better = plan.keep === "shortest" ? charCount(value) < charCount(kept ?? value) : charCount(value) > charCount(kept ?? value);
      if (kept === undefined || better) kept = value;
    }
    if (kept !== undefined) return kept;
  }
  return undefined;
}

function attempt(ast: PatternAst, plan: Plan, count: Count, rng: Rng): string | undefined {
  let missed = false;
  const pick = plan.char;
  const char = pick && ((node: ClassNode): string | undefined => {
    const c = pick(node);
    if (c === undefined) missed = true;
    return c;
  });
  try {
    const { value, spans } = generate(ast, rng, { char, count, focus: plan.target });
    const classes = spans.flatMap((span) => (span.node.kind === "class" ? [span.node] : []));
    // A plan about class characters needs its class in the value: "abc" is not all digits.
    const shown = plan.char === undefined || (plan.target ? classes.includes(plan.target) : classes.length > 0);
    return missed || !shown ? undefined : value;
  } catch (error) {
    // A class that matches nothing: this try has no value.
    if (error instanceof SpecError) return undefined;
    throw error;
  }
}

/** The most code points a value built with `count` can have. */
function longestWith(alternatives: PatternNode[][], count: Count): number {
  const node = (n: PatternNode): number => {
    if (n.kind === "anchor") return 0;
    if (n.kind === "group") return longestWith(n.alternatives, count);
    if (n.kind === "repeat") return count(n) * node(n.node);
    return 1;
  };
  return Math.max(0, ...alternatives.map((seq) => seq.reduce((sum, n) => sum + node(n), 0)));
}

/** The ranges whose ends are the class's boundary characters. */
function edgeRanges(set: CharSet): readonly Range[] {
  const printable = intersect(set, PRINTABLE);
  return (printable.ranges.length > 0 ? printable : set).ranges;
}

function firstIn(set: CharSet, among: CharSet): string | undefined {
  const range = intersect(set, among).ranges[0];
  return range && String.fromCodePoint(range[0]);
}

/** The character other classes get: the first letter or digit, else the first boundary character. */
function plain(set: CharSet): string | undefined {
  const range = edgeRanges(set)[0];
  return firstIn(set, ALNUM) ?? (range && String.fromCodePoint(range[0]));
}
