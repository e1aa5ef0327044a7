/**
 * The parsed form of a `pattern` keyword, for the subset of ECMAScript regular expressions that
 * OpenAPI id patterns use. Ajv compiles `pattern` as `new RegExp(pattern, "u")`, so characters
 * are code points and escapes follow the u-flag grammar.
 */
import type { CharSet } from "./charset.ts";

export type PatternNode = LiteralNode | ClassNode | GroupNode | RepeatNode | AnchorNode;

interface NodeBase {
  /** The pattern text this node was parsed from, e.g. `[A-Z0-9]{14}`. */
  source: string;
}

/** One code point that must appear as is (`K`, `\.`, `\u0041`). */
export interface LiteralNode extends NodeBase {
  kind: "literal";
  char: string;
}

/** One code point from a set: `[A-Z0-9]`, `[^/]`, `\d`, `.`. */
export interface ClassNode extends NodeBase {
  kind: "class";
  set: CharSet;
}

/** `( … )` or `(?: … )`: a choice between sequences. */
export interface GroupNode extends NodeBase {
  kind: "group";
  capturing: boolean;
  alternatives: PatternNode[][];
}

/** A quantified node; `max` is Infinity for `*`, `+` and `{n,}`. */
export interface RepeatNode extends NodeBase {
  kind: "repeat";
  node: PatternNode;
  min: number;
  max: number;
}

/** `^` or `$` (no m flag: start and end of the whole value). */
export interface AnchorNode extends NodeBase {
  kind: "anchor";
  at: "start" | "end";
}

export interface PatternAst {
  pattern: string;
  /** The top-level alternatives, each a sequence of nodes. */
  alternatives: PatternNode[][];
}

/** Whether `target` is `node` or sits somewhere inside it. */
export function contains(node: PatternNode, target: PatternNode): boolean {
  if (node === target) return true;
  if (node.kind === "repeat") return contains(node.node, target);
  if (node.kind === "group") return node.alternatives.some((seq) => seq.some((n) => contains(n, target)));
  return false;
}

/** Every node of the pattern, parents before children, in pattern order. */
export function allNodes(ast: PatternAst): PatternNode[] {
  const out: PatternNode[] = [];
  const visit = (node: PatternNode): void => {
    out.push(node);
    if (node.kind === "repeat") visit(node.node);
    if (node.kind === "group") node.alternatives.forEach((seq) => seq.forEach(visit));
  };
  ast.alternatives.forEach((seq) => seq.forEach(visit));
  return out;
}
