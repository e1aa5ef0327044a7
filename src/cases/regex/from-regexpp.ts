/**
 * Turns the AST of @eslint-community/regexpp (ESLint's ECMAScript regex parser) into a
 * PatternAst, and names what payconform cannot generate values for: lookarounds, backreferences,
 * word boundaries, property escapes and modifier groups.
 */
import type { AST } from "@eslint-community/regexpp";
import { SpecError } from "../../errors.ts";
import type { PatternNode } from "./ast.ts";
import { charSet, complement, DIGIT, DOT, SPACE, union, WORD, type CharSet } from "./charset.ts";

/** The largest repetition count payconform will generate; larger ones are reported. */
export const MAX_REPEAT = 65_536;

const SUPPORTED = "anchors, literals, escapes, character classes, groups, alternation and quantifiers";

const ESCAPE_SETS: Record<AST.EscapeCharacterSet["kind"], CharSet> = { digit: DIGIT, space: SPACE, word: WORD };

/** The top-level alternatives of `pattern`, parsed by regexpp with the u flag. */
export function fromRegexpp(pattern: string, parsed: AST.Pattern): PatternNode[][] {
  const unsupported = (feature: string, node: AST.Node): SpecError =>
    new SpecError(
      `pattern ${JSON.stringify(pattern)} uses ${feature} at offset ${node.start}; ` +
        `payconform generates values only from ${SUPPORTED}`,
    );

  const sequences = (alternatives: AST.Alternative[]): PatternNode[][] =>
    alternatives.map((alt) => alt.elements.map(element));

  const element = (node: AST.Element): PatternNode => {
    const source = node.raw;
    switch (node.type) {
      case "Character":
        return { kind: "literal", char: String.fromCodePoint(node.value), source };
      case "CharacterSet":
      case "CharacterClass":
      case "ExpressionCharacterClass":
        return { kind: "class", set: classSet(node), source };
      case "CapturingGroup":
        return { kind: "group", capturing: true, alternatives: sequences(node.alternatives), source };
      case "Group":
        if (node.modifiers) throw unsupported("an inline modifier group ((?i:…))", node);
        return { kind: "group", capturing: false, alternatives: sequences(node.alternatives), source };
      case "Quantifier":
        // A lazy quantifier changes which match is found, never whether a value matches.
        if (node.min > MAX_REPEAT) throw unsupported(`a repetition count above ${MAX_REPEAT}`, node);
        return { kind: "repeat", node: element(node.element), min: node.min, max: node.max, source };
      case "Backreference":
        throw unsupported(typeof node.ref === "string" ? "a named backreference (\\k<…>)" : "a backreference (\\N)", node);
      case "Assertion":
        switch (node.kind) {
          case "start":
          case "end":
            return { kind: "anchor", at: node.kind, source };
          case "word":
            throw unsupported(node.negate ? "a non-word-boundary assertion (\\B)" : "a word-boundary assertion (\\b)", node);
          case "lookahead":
            throw unsupported("a lookahead ((?=…) or (?!…))", node);
          case "lookbehind":
            throw unsupported("a lookbehind ((?<=…) or (?<!…))", node);
        }
    }
  };

  /** What one position of a class, an escape such as `\d`, or `.` may hold. */
  const classSet = (node: AST.CharacterSet | AST.CharacterClass | AST.ExpressionCharacterClass | AST.CharacterClassElement): CharSet => {
    switch (node.type) {
      case "Character":
        return charSet([[node.value, node.value]]);
      case "CharacterClassRange":
        return charSet([[node.min.value, node.max.value]]);
      case "CharacterClass": {
        const set = union(node.elements.map(classSet));
        return node.negate ? complement(set) : set;
      }
      case "CharacterSet":
        if (node.kind === "any") return DOT;
        if (node.kind === "property") throw unsupported("a Unicode property escape (\\p{…})", node);
        return node.negate ? complement(ESCAPE_SETS[node.kind]) : ESCAPE_SETS[node.kind];
      default:
        // Set operations and \q{…} exist only under the v flag, which Ajv does not use.
        throw unsupported("v-flag class syntax", node);
    }
  };

  return sequences(parsed.alternatives);
}
