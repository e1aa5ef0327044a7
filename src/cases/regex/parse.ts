/**
 * Parses a `pattern` keyword into a PatternAst. The pattern is first compiled the way Ajv does
 * (`new RegExp(pattern, "u")`), so only valid u-flag syntax reaches the parser,
 * @eslint-community/regexpp.
 */
import { RegExpParser, type AST } from "@eslint-community/regexpp";
import { SpecError } from "../../errors.ts";
import type { PatternAst } from "./ast.ts";
import { fromRegexpp } from "./from-regexpp.ts";

const parser = new RegExpParser();

export function compilePattern(pattern: string): RegExp {
  try {
    return new RegExp(pattern, "u");
  } catch (error) {
    throw new SpecError(
      `pattern ${JSON.stringify(pattern)} is not a valid ECMAScript regular expression with the u flag (as Ajv compiles it): ${reason(error)}`,
      { cause: error },
    );
  }
}

/** Parsed patterns, by source: a spec has a handful, each asked for by several kinds of case. Nothing changes an AST once built. */
const parsed = new Map<string, PatternAst>();
const PARSED_LIMIT = 256;

export function parsePattern(pattern: string): PatternAst {
  let ast = parsed.get(pattern);
  if (!ast) {
    compilePattern(pattern);
    ast = { pattern, alternatives: fromRegexpp(pattern, parseU(pattern)) };
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    parsed.set(pattern, ast);
  }
  return ast;
}

function parseU(pattern: string): AST.Pattern {
  try {
    return parser.parsePattern(pattern, 0, pattern.length, { unicode: true });
  } catch (error) {
    // Only syntax newer than the parser knows gets here: Node compiled the pattern already.
    throw new SpecError(`pattern ${JSON.stringify(pattern)} could not be parsed: ${reason(error)}`, { cause: error });
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
