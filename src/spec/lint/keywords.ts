/**
 * The Ajv instances the spec lint compiles schemas with, the annotation keywords each knows, and
 * the search for keywords an instance does not know.
 * Annotation keywords are accepted by strict mode and never affect validation.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import f from "ajv-formats";
import { OPENAPI_SCHEMA_KEYWORDS, PAYCONFORM_KEYWORDS } from "../keywords.ts";
import { walkSchema } from "./schema-walk.ts";
import { childPointer, type Violation } from "./violation.ts";

const addFormats = f.default;

export { OPENAPI_SCHEMA_KEYWORDS, PAYCONFORM_KEYWORDS };

/** For standalone JSON Schemas (draft 2020-12): strict mode, with only payconform's keywords added. */
export function jsonSchemaAjv(logger: AjvLogger = throwingLogger()): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, logger });
  addFormats(ajv);
  ajv.addVocabulary([...PAYCONFORM_KEYWORDS]);
  return ajv;
}

/**
 * For the Schema Objects of one OpenAPI document (3.0 ones translated to 2020-12 first): strict
 * mode, with the OpenAPI vocabulary, payconform's keywords and the document's own specification
 * extensions (`x-…`, which OpenAPI allows in every Schema Object) added. `strictRequired` is
 * off: OpenAPI documents routinely list in `required` a property that a sibling `allOf` branch
 * defines, which is correct and which that check rejects. `inlineRefs` is off so that every
 * strict-mode message names the schema resource it is about.
 */
export function openApiSchemaAjv(extensions: Iterable<string>, logger: AjvLogger = throwingLogger()): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true, inlineRefs: false, logger });
  addFormats(ajv);
  const known = new Set<string>([...PAYCONFORM_KEYWORDS, ...OPENAPI_SCHEMA_KEYWORDS]);
  for (const name of extensions) if (name.startsWith("x-")) known.add(name);
  ajv.addVocabulary([...known]);
  return ajv;
}

/** What Ajv reports through its `logger` option. */
export interface AjvLogger {
  log(...args: unknown[]): unknown;
  warn(...args: unknown[]): unknown;
  error(...args: unknown[]): unknown;
}

/** A logger that turns every Ajv warning into an exception, so nothing is printed or lost. */
export function throwingLogger(): AjvLogger {
  const fail = (...args: unknown[]): never => {
    throw new Error(args.map(String).join(" "));
  };
  return { log: fail, warn: fail, error: fail };
}

/**
 * Keywords strict mode would reject as unknown, each with its own pointer (Ajv names the
 * keyword but not where it sits, and stops at the first).
 */
export function unknownKeywords(ajv: Ajv2020, file: string, schema: unknown, at = ""): Violation[] {
  const known = ajv.RULES.keywords;
  const found: Violation[] = [];
  walkSchema(schema, at, (node, pointer) => {
    for (const key of Object.keys(node)) {
      if (!known[key]) found.push({ file, pointer: childPointer(pointer, key), message: `strict mode: unknown keyword "${key}"` });
    }
  });
  return found;
}
