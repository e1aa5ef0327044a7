/**
 * Values generated from a documented `pattern`, with the semantics Ajv gives it
 * (`new RegExp(pattern, "u")`): matching ones for ids that never existed, boundary ones that a
 * target must accept, and breaking ones for path_pattern_enforcement and
 * query_pattern_enforcement. Patterns are parsed by @eslint-community/regexpp; syntax outside the
 * supported subset (lookarounds, backreferences, property escapes, word boundaries, modifier
 * groups) throws SpecError.
 */
export type { PatternAst, PatternNode } from "./ast.ts";
export { generateBoundaryValid, type BoundaryValue } from "./boundary.ts";
export { generateMatching } from "./generate.ts";
export { compilePattern, parsePattern } from "./parse.ts";
export { generateViolations, type PatternViolation } from "./violations.ts";
