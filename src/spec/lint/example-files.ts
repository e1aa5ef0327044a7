/**
 * Example payloads kept as files next to JSON Schemas, listed in an `examples/index.json`:
 * `{ "examples": [{ "file", "schema", "origin" }] }`, with `file` relative to the examples folder
 * and `schema` relative to the folder holding it. Each file is parsed as JSON and validated
 * against the schema its entry names.
 */
import type { ValidateFunction } from "ajv";
import { posix } from "node:path";
import { UsageError } from "../../errors.ts";
import { errorViolations } from "./ajv-errors.ts";
import { parseJson, readText } from "./input.ts";
import { isObj } from "./schema-walk.ts";
import type { Violation } from "./violation.ts";

export interface ExampleEntry {
  /** Project-relative path of the example file. */
  file: string;
  /** Project-relative path of the schema file. */
  schema: string;
}

/** Reads an index. It is the lint's own config: any problem with it is a UsageError. */
export function readExampleIndex(root: string, indexFile: string): ExampleEntry[] {
  const parsed = parseJson(indexFile, readText(root, indexFile, UsageError));
  if (!parsed.ok) throw new UsageError(`${indexFile}: ${parsed.violations[0].message}`);
  const list = isObj(parsed.value) ? parsed.value.examples : undefined;
  if (!Array.isArray(list)) throw new UsageError(`${indexFile}: expected an "examples" list`);
  const examplesDir = posix.dirname(indexFile);
  return list.map((entry, i) => {
    if (!isObj(entry) || typeof entry.file !== "string" || typeof entry.schema !== "string") {
      throw new UsageError(`${indexFile}: examples[${i}] needs string "file" and "schema" fields`);
    }
    return { file: posix.join(examplesDir, entry.file), schema: posix.join(posix.dirname(examplesDir), entry.schema) };
  });
}

/**
 * Checks each listed example. `validators` holds the schemas that compiled; an entry naming a
 * schema that exists but failed to compile is skipped (the schema's own violation says why).
 */
export function checkExampleFiles(
  root: string,
  entries: ExampleEntry[],
  validators: Map<string, ValidateFunction>,
  schemaFiles: Set<string>,
): { violations: Violation[]; examples: number } {
  const violations: Violation[] = [];
  let examples = 0;
  for (const entry of entries) {
    if (!schemaFiles.has(entry.schema)) throw new UsageError(`an examples index names ${entry.schema}, which is not a schema file`);
    const parsed = parseJson(entry.file, readText(root, entry.file, UsageError));
    examples += 1;
    if (!parsed.ok) {
      violations.push(...parsed.violations);
      continue;
    }
    const validate = validators.get(entry.schema);
    if (validate && !validate(parsed.value)) violations.push(...errorViolations(entry.file, "", validate.errors));
  }
  return { violations, examples };
}
