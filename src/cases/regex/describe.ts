/** Words for violation descriptions: quoting, counts and the lengths a pattern allows. */
import type { PatternAst, PatternNode } from "./ast.ts";

export function quote(text: string): string {
  return JSON.stringify(text);
}

/** Length in code points, the unit the u flag matches in. */
export function charCount(text: string): number {
  return Array.from(text).length;
}

export function times(n: number): string {
  return n === 1 ? "once" : `${n} times`;
}

export function characters(n: number): string {
  return n === 1 ? "1 character" : `${n} characters`;
}

interface Bounds {
  min: number;
  max: number;
}

const product = (a: number, b: number): number => (a === 0 || b === 0 ? 0 : a * b);

function sequenceBounds(seq: PatternNode[]): Bounds {
  return seq.map(nodeBounds).reduce((a, b) => ({ min: a.min + b.min, max: a.max + b.max }), { min: 0, max: 0 });
}

function choiceBounds(alternatives: PatternNode[][]): Bounds {
  const all = alternatives.map(sequenceBounds);
  return { min: Math.min(...all.map((b) => b.min)), max: Math.max(...all.map((b) => b.max)) };
}

function nodeBounds(node: PatternNode): Bounds {
  switch (node.kind) {
    case "anchor":
      return { min: 0, max: 0 };
    case "literal":
    case "class":
      return { min: 1, max: 1 };
    case "group":
      return choiceBounds(node.alternatives);
    case "repeat": {
      const inner = nodeBounds(node.node);
      return { min: product(inner.min, node.min), max: product(inner.max, node.max) };
    }
  }
}

/** Whether every top-level alternative is anchored at both ends, so lengths are exact. */
function anchored(ast: PatternAst): boolean {
  return ast.alternatives.every((seq) => {
    const first = seq[0];
    const last = seq.at(-1);
    return first?.kind === "anchor" && first.at === "start" && last?.kind === "anchor" && last.at === "end";
  });
}

/**
 * "; a matching value has exactly 16 characters". An unanchored pattern also matches longer
 * values, so only its minimum is stated; "" when it has none.
 */
export function matchingLength(ast: PatternAst): string {
  const { min, max } = choiceBounds(ast.alternatives);
  if (!anchored(ast) || max === Infinity) return min > 0 ? `; a matching value has at least ${characters(min)}` : "";
  if (min === max) return `; a matching value has exactly ${characters(min)}`;
  return `; a matching value has ${min} to ${max} characters`;
}
