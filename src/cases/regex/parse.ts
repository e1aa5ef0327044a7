/**
 * Parses a `pattern` keyword into a PatternAst. The pattern is first compiled the way Ajv does
 * (`new RegExp(pattern, "u")`), so only valid u-flag syntax reaches the parser.
 */
import { SpecError } from "../../errors.ts";
import type { PatternAst, PatternNode } from "./ast.ts";
import { readClass } from "./char-class.ts";
import { DOT } from "./charset.ts";
import { Cursor } from "./cursor.ts";
import { readEscape } from "./escapes.ts";

/** The largest repetition count payconform will generate; larger ones are reported. */
export const MAX_REPEAT = 65_536;

export function compilePattern(pattern: string): RegExp {
  try {
    return new RegExp(pattern, "u");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SpecError(
      `pattern ${JSON.stringify(pattern)} is not a valid ECMAScript regular expression with the u flag (as Ajv compiles it): ${reason}`,
      { cause: error },
    );
  }
}

export function parsePattern(pattern: string): PatternAst {
  compilePattern(pattern);
  const cur = new Cursor(pattern);
  const alternatives = disjunction(cur);
  if (!cur.done()) throw cur.malformed(`has an unmatched ")" at offset ${cur.pos}`);
  return { pattern, alternatives };
}

function disjunction(cur: Cursor): PatternNode[][] {
  const alternatives = [sequence(cur)];
  while (cur.eat("|")) alternatives.push(sequence(cur));
  return alternatives;
}

function sequence(cur: Cursor): PatternNode[] {
  const nodes: PatternNode[] = [];
  while (!cur.done() && cur.peek() !== "|" && cur.peek() !== ")") {
    const start = cur.pos;
    const node = atom(cur);
    nodes.push(node.kind === "anchor" ? node : quantified(cur, node, start));
  }
  return nodes;
}

function atom(cur: Cursor): PatternNode {
  const start = cur.pos;
  const c = cur.next();
  switch (c) {
    case "^":
      return { kind: "anchor", at: "start", source: c };
    case "$":
      return { kind: "anchor", at: "end", source: c };
    case ".":
      return { kind: "class", set: DOT, source: c };
    case "[":
      return readClass(cur, start);
    case "(":
      return group(cur, start);
    case "\\": {
      const escaped = readEscape(cur, false);
      const source = cur.since(start);
      return escaped.kind === "char"
        ? { kind: "literal", char: escaped.char, source }
        : { kind: "class", set: escaped.set, source };
    }
    default:
      return { kind: "literal", char: c, source: c };
  }
}

function group(cur: Cursor, start: number): PatternNode {
  let capturing = true;
  if (cur.eat("?:")) capturing = false;
  else if (cur.eat("?=") || cur.eat("?!")) throw cur.unsupported("a lookahead ((?=…) or (?!…))", start);
  else if (cur.eat("?<=") || cur.eat("?<!")) throw cur.unsupported("a lookbehind ((?<=…) or (?<!…))", start);
  else if (cur.eat("?<")) {
    while (cur.next() !== ">");
  } else if (cur.peek() === "?") throw cur.unsupported("an inline modifier group ((?i:…))", start);
  const alternatives = disjunction(cur);
  cur.expect(")");
  return { kind: "group", capturing, alternatives, source: cur.since(start) };
}

function quantified(cur: Cursor, node: PatternNode, start: number): PatternNode {
  let min: number;
  let max: number;
  if (cur.eat("*")) [min, max] = [0, Infinity];
  else if (cur.eat("+")) [min, max] = [1, Infinity];
  else if (cur.eat("?")) [min, max] = [0, 1];
  else if (cur.eat("{")) {
    min = cur.number();
    max = cur.eat(",") ? (cur.peek() === "}" ? Infinity : cur.number()) : min;
    cur.expect("}");
  } else return node;
  if (min > MAX_REPEAT) throw cur.unsupported(`a repetition count above ${MAX_REPEAT}`, start);
  // A lazy quantifier changes which match is found, never whether a value matches.
  cur.eat("?");
  return { kind: "repeat", node, min, max, source: cur.since(start) };
}
