/**
 * Loads a package on its first use, with Node's require, from node_modules. The bundle
 * (scripts/build.ts) leaves such a package out, so a run that never needs it never loads it: a run
 * of the bundled specs needs neither the YAML parser, JSONPath nor Ajv's compiler, which only read
 * or compile a spec that has changed since `npm run generate` (src/spec/pre-read.ts, precompiled.ts).
 */
import { createRequire } from "node:module";

export const requireLazily: NodeJS.Require = createRequire(import.meta.url);
