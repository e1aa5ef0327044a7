/**
 * Step 1 of `spec update`: the new document must be an OpenAPI 3.0/3.1 document that its
 * official schema accepts. Anything else is bad input (exit 2), and nothing is touched.
 */
import { readFileSync } from "node:fs";
import { UsageError } from "../../errors.ts";
import { parseYaml } from "../../spec/lint/input.ts";
import { checkOpenApiDocument } from "../../spec/lint/openapi-document.ts";
import { formatViolation } from "../../spec/lint/violation.ts";

export interface NewDocument {
  /** The bytes as published: they become upstream.yaml unchanged. */
  bytes: Buffer;
  document: Record<string, unknown>;
}

export function readNewDocument(file: string, label: string): NewDocument {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read ${label}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  const parsed = parseYaml(label, bytes.toString("utf8"));
  if (!parsed.ok) throw new UsageError(`${label} is not YAML or JSON: ${parsed.violations[0].message}`);
  const doc = parsed.value;
  if (doc === null || typeof doc !== "object" || Array.isArray(doc) || typeof (doc as Record<string, unknown>).openapi !== "string") {
    throw new UsageError(`${label} is not an OpenAPI document (no openapi version field)`);
  }
  const violations = checkOpenApiDocument(label, doc);
  if (violations.length > 0) {
    const more = violations.length > 1 ? ` (and ${violations.length - 1} more)` : "";
    throw new UsageError(`${label} is not a valid OpenAPI document: ${formatViolation(violations[0])}${more}`);
  }
  return { bytes, document: doc as Record<string, unknown> };
}
