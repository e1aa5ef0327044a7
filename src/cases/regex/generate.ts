/**
 * Builds values from a PatternAst. Every draw goes through the caller's Rng, so the same seed
 * yields the same value. Hooks let violation builders steer counts, characters and branches.
 */
import { SpecError } from "../../errors.ts";
import type { Rng } from "../random.ts";
import { contains, type ClassNode, type LiteralNode, type PatternAst, type PatternNode, type RepeatNode } from "./ast.ts";
import { sample } from "./charset.ts";
import { compilePattern, parsePattern } from "./parse.ts";

/** How far past its minimum a quantifier repeats in a generated value (capped by its maximum). */
export const REPEAT_SPREAD = 8;
const ATTEMPTS = 16;

/** Where a literal or class node put its character in the generated value (UTF-16 offsets). */
export interface Span {
  start: number;
  end: number;
  node: LiteralNode | ClassNode;
}

export interface Generated {
  value: string;
  spans: Span[];
}

export interface GenerateHooks {
  /** The repetition count for a quantified node; undefined falls back to the default. */
  count?: (node: RepeatNode) => number | undefined;
  /** The character for a class node; undefined falls back to a random member. */
  char?: (node: ClassNode) => string | undefined;
  /** A node the value must pass through: alternatives containing it are taken. */
  focus?: PatternNode;
}

export function defaultCount(node: RepeatNode, rng: Rng): number {
  return rng.int(node.min, Math.min(node.max, node.min + REPEAT_SPREAD));
}

export function generate(ast: PatternAst, rng: Rng, hooks: GenerateHooks = {}): Generated {
  const out: Generated = { value: "", spans: [] };
  const emit = (text: string, node: LiteralNode | ClassNode): void => {
    out.spans.push({ start: out.value.length, end: out.value.length + text.length, node });
    out.value += text;
  };
  const choose = (alternatives: PatternNode[][]): void => {
    const focus = hooks.focus;
    const focused = focus ? alternatives.filter((seq) => seq.some((n) => contains(n, focus))) : [];
    for (const node of rng.pick(focused.length > 0 ? focused : alternatives)) walk(node);
  };
  const walk = (node: PatternNode): void => {
    switch (node.kind) {
      case "anchor":
        return;
      case "literal":
        return emit(node.char, node);
      case "class": {
        const c = hooks.char?.(node) ?? sample(node.set, rng);
        if (c === undefined) throw new SpecError(`pattern ${JSON.stringify(ast.pattern)} has a class ${node.source} that matches no character`);
        return emit(c, node);
      }
      case "group":
        return choose(node.alternatives);
      case "repeat": {
        const n = hooks.count?.(node) ?? defaultCount(node, rng);
        for (let k = 0; k < n; k++) walk(node.node);
        return;
      }
    }
  };
  choose(ast.alternatives);
  return out;
}

/** A generated value that `re` accepts, or a SpecError when none turns up in a few tries. */
export function generateValid(ast: PatternAst, re: RegExp, rng: Rng): Generated {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const generated = generate(ast, rng);
    if (re.test(generated.value)) return generated;
  }
  throw new SpecError(`no value matching pattern ${JSON.stringify(ast.pattern)} could be generated (its anchors or branches may exclude every value)`);
}

/** A random value that matches `pattern` under `new RegExp(pattern, "u")`. */
export function generateMatching(pattern: string, rng: Rng): string {
  return generateValid(parsePattern(pattern), compilePattern(pattern), rng).value;
}
