/** The shape shared by violation builders, and helpers they use to edit generated values. */
import type { Rng } from "../random.ts";
import { allNodes, contains, type PatternAst, type RepeatNode } from "./ast.ts";
import type { GenerateHooks, Generated, Span } from "./generate.ts";

export interface MutationContext {
  ast: PatternAst;
  /** A matching value, shared by the builders that edit one. */
  base: Generated;
  /** This builder's own stream, so builders never shift each other's draws. */
  rng: Rng;
}

/** A value meant to break the pattern; the caller drops it if it matches after all. */
export interface Candidate {
  value: string;
  description: string;
}

export type Mutation = (ctx: MutationContext) => Candidate | undefined;

/** The value with each span's text replaced by `edit`'s result. */
export function rewriteSpans(generated: Generated, edit: (span: Span, text: string) => string): string {
  return generated.spans.map((span) => edit(span, generated.value.slice(span.start, span.end))).join("");
}

/** The quantifier with the highest score (first on ties); undefined scores are skipped. */
export function bestRepeat(ast: PatternAst, score: (node: RepeatNode) => number | undefined): RepeatNode | undefined {
  let best: { node: RepeatNode; score: number } | undefined;
  for (const node of allNodes(ast)) {
    if (node.kind !== "repeat") continue;
    const s = score(node);
    if (s !== undefined && (best === undefined || s > best.score)) best = { node, score: s };
  }
  return best?.node;
}

/**
 * Hooks for a value where only `target`'s count departs from the minimum: `target` repeats `n`
 * times, quantifiers around it repeat at least once so it appears, the others their minimum.
 */
export function isolate(target: RepeatNode, n: number): GenerateHooks {
  return {
    focus: target,
    count: (node) => {
      if (node === target) return n;
      return contains(node, target) ? Math.min(node.max, Math.max(1, node.min)) : node.min;
    },
  };
}
