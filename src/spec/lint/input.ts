/**
 * Reads the files the spec lint checks. A file that cannot be read is a tool error (the class
 * passed in decides which); a file that cannot be parsed is a violation of that file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { errorMessage } from "./ajv-errors.ts";
import type { Violation } from "./violation.ts";

export type Parsed = { ok: true; value: unknown } | { ok: false; violations: Violation[] };

type ErrorClass = new (message: string, options?: { cause?: unknown }) => Error;

/** The text of `file` (relative to `root`), or a thrown `Failure` naming the file. */
export function readText(root: string, file: string, Failure: ErrorClass): string {
  try {
    return readFileSync(join(root, file), "utf8");
  } catch (error) {
    throw new Failure(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? errorMessage(error)}`, { cause: error });
  }
}

/** Parses JSON; a syntax error is a violation of the whole file (pointer ""). */
export function parseJson(file: string, text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, violations: [{ file, pointer: "", message: `invalid JSON: ${errorMessage(error)}` }] };
  }
}

/** Parses YAML (1.2, duplicate keys rejected); every error and warning is a violation. */
export function parseYaml(file: string, text: string): Parsed {
  const doc = parseDocument(text, { logLevel: "silent" });
  const problems = [...doc.errors.map((e) => ["invalid YAML", e] as const), ...doc.warnings.map((w) => ["YAML warning", w] as const)];
  if (problems.length > 0) {
    return { ok: false, violations: problems.map(([kind, e]) => ({ file, pointer: "", message: `${kind}: ${errorMessage(e).replace(/:$/, "")}` })) };
  }
  return { ok: true, value: doc.toJS() };
}
