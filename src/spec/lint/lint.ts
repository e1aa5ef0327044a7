/**
 * The spec lint: every OpenAPI document against the official schema of its version, every
 * standalone JSON Schema compiled in strict mode, every example against its schema, and the
 * result matched against the list of known defects of the providers' own documents.
 *
 * Layout read under `root`: `specs/<name>/openapi.yaml` (or `overlay.yaml` over a verbatim
 * `upstream.yaml`, see overlaid-document.ts), `specs/<name>/*.schema.json`,
 * `specs/<name>/examples/index.json` and `specs/known-defects.yaml`.
 */
import { existsSync, readdirSync } from "node:fs";
import { join, posix } from "node:path";
import { SpecError, UsageError } from "../../errors.ts";
import { checkExampleFiles, readExampleIndex, type ExampleEntry } from "./example-files.ts";
import { parseJson, parseYaml, readText } from "./input.ts";
import { compileSchemaFiles, type SchemaFile } from "./json-schemas.ts";
import { loadKnownDefects, matchKnownDefects, type KnownDefect } from "./known-defects.ts";
import { openApiLine } from "./official-schemas.ts";
import { lintOverlaid } from "./overlaid-document.ts";
import { checkOpenApiDocument } from "./openapi-document.ts";
import { checkOpenApiExamples } from "./openapi-examples.ts";
import { isObj } from "./schema-walk.ts";
import type { Violation } from "./violation.ts";

export interface LintOptions {
  /** The project root; every path in the report is relative to it. */
  root: string;
  /** The folder of specs, relative to root. Default "specs". */
  specsDir?: string;
  /** The known-defects list, relative to root. Default "specs/known-defects.yaml". */
  knownDefectsFile?: string;
}

export interface LintReport {
  /** OpenAPI documents checked. */
  documents: number;
  /** Standalone JSON Schema files compiled. */
  schemaFiles: number;
  /** Schema Objects compiled inside the OpenAPI documents. */
  schemaObjects: number;
  /** Example values and example files validated. */
  examples: number;
  /** Every violation found, known or not. */
  violations: Violation[];
  /** Violations the known-defects list does not account for. */
  unexpected: Violation[];
  /** Known defects that occurred. */
  matched: KnownDefect[];
  /** Known-defect entries that no longer occur, as violations of the list. */
  stale: Violation[];
  /** No unexpected violation and no stale entry. */
  ok: boolean;
}

export function lintSpecs(options: LintOptions): LintReport {
  const { root, specsDir = "specs", knownDefectsFile = posix.join(specsDir, "known-defects.yaml") } = options;
  const known = loadKnownDefects(root, knownDefectsFile);
  const report: LintReport = { documents: 0, schemaFiles: 0, schemaObjects: 0, examples: 0, violations: [], unexpected: [], matched: [], stale: [], ok: false };
  const schemaFiles: SchemaFile[] = [];
  const exampleEntries: ExampleEntry[] = [];

  for (const name of folders(root, specsDir)) {
    const dir = posix.join(specsDir, name);
    const entries = readdirSync(join(root, dir)).sort();
    if (entries.includes("overlay.yaml")) {
      const overlaid = lintOverlaid(root, dir, (file, doc) => checkDocument(file, doc, report));
      report.documents += overlaid.documents;
      report.violations.push(...overlaid.violations);
    } else if (entries.includes("openapi.yaml")) lintDocument(root, posix.join(dir, "openapi.yaml"), report);
    for (const entry of entries.filter((e) => e.endsWith(".schema.json"))) {
      const file = posix.join(dir, entry);
      const parsed = parseJson(file, readText(root, file, SpecError));
      if (parsed.ok) schemaFiles.push({ file, schema: parsed.value });
      else report.violations.push(...parsed.violations);
    }
    if (existsSync(join(root, dir, "examples", "index.json"))) exampleEntries.push(...readExampleIndex(root, posix.join(dir, "examples", "index.json")));
  }

  const compiled = compileSchemaFiles(schemaFiles);
  report.schemaFiles = schemaFiles.length;
  report.violations.push(...compiled.violations);
  const fileNames = new Set(schemaFiles.map((s) => s.file));
  const examples = checkExampleFiles(root, exampleEntries, compiled.validators, fileNames);
  report.examples += examples.examples;
  report.violations.push(...examples.violations);

  const match = matchKnownDefects(knownDefectsFile, report.violations, known);
  return { ...report, ...match, ok: match.unexpected.length === 0 && match.stale.length === 0 };
}

function lintDocument(root: string, file: string, report: LintReport): void {
  report.documents += 1;
  const parsed = parseYaml(file, readText(root, file, SpecError));
  if (!parsed.ok) {
    report.violations.push(...parsed.violations);
    return;
  }
  report.violations.push(...checkDocument(file, parsed.value, report));
}

/** The official-schema and example checks of one parsed OpenAPI document; counts go to `report`. */
function checkDocument(file: string, doc: unknown, report: LintReport): Violation[] {
  const violations = checkOpenApiDocument(file, doc);
  const line = isObj(doc) ? openApiLine(doc.openapi) : undefined;
  if (!line) return violations;
  const checked = checkOpenApiExamples(file, doc as Record<string, unknown>, line);
  report.schemaObjects += checked.schemas;
  report.examples += checked.examples;
  return [...violations, ...checked.violations];
}

function folders(root: string, specsDir: string): string[] {
  try {
    return readdirSync(join(root, specsDir), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    throw new UsageError(`cannot read ${specsDir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
}
