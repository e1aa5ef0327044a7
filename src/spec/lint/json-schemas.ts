/**
 * Compiles standalone JSON Schema files (draft 2020-12) in Ajv strict mode. Every file is added
 * to one Ajv instance, so schemas may refer to each other by `$id`.
 */
import type { ValidateFunction } from "ajv";
import { compileViolation, metaSchemaViolations } from "./ajv-errors.ts";
import { jsonSchemaAjv, unknownKeywords } from "./keywords.ts";
import { isObj, localRefTargets } from "./schema-walk.ts";
import { atPointer, type Violation } from "./violation.ts";

export interface SchemaFile {
  /** Project-relative path, as reported in violations. */
  file: string;
  schema: unknown;
}

export interface CompiledSchemas {
  /** A validator for every file that compiled, by project-relative path. */
  validators: Map<string, ValidateFunction>;
  violations: Violation[];
}

export function compileSchemaFiles(files: SchemaFile[]): CompiledSchemas {
  const ajv = jsonSchemaAjv();
  const violations: Violation[] = [];
  const added: Array<{ file: string; key: string; schema: unknown }> = [];
  for (const { file, schema } of files) {
    const found = [...unknownKeywords(ajv, file, schema), ...metaSchemaViolations(ajv, file, "", schema)];
    violations.push(...found);
    if (found.length > 0) continue;
    const id = isObj(schema) && typeof schema.$id === "string" ? schema.$id : undefined;
    ajv.addSchema(schema as object, id === undefined ? file : undefined, undefined, false);
    added.push({ file, key: id ?? file, schema });
  }
  const validators = new Map<string, ValidateFunction>();
  for (const { file, key, schema } of added) {
    try {
      const validate = ajv.getSchema(key);
      if (validate) validators.set(file, validate);
    } catch (error) {
      violations.push(compileViolation(file, error, "", (_uri, fragment) => locateInFile(schema, fragment)));
    }
  }
  return { validators, violations };
}

/**
 * Ajv reports a location relative to the schema it was compiling: the file's root or the target
 * of a local `$ref`. The one candidate where that path exists is the location.
 */
function locateInFile(schema: unknown, fragment: string): string | undefined {
  const candidates = new Set(["", ...localRefTargets(schema)].map((root) => root + fragment));
  const found = [...candidates].filter((p) => atPointer(schema, p) !== undefined);
  return found.length === 1 ? found[0] : undefined;
}
