/**
 * Values generated from a documented `pattern`, with the semantics Ajv gives it
 * (`new RegExp(pattern, "u")`): matching ones for ids that never existed, and breaking ones for
 * path_pattern_enforcement and query_pattern_enforcement. Syntax outside the supported subset
 * (lookarounds, backreferences, property escapes, word boundaries) throws SpecError.
 */
export type { PatternAst, PatternNode } from "./ast.ts";
export { generateMatching } from "./generate.ts";
export { compilePattern, parsePattern } from "./parse.ts";
export { generateViolations, type PatternViolation } from "./violations.ts";
