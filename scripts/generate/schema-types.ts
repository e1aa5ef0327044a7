/**
 * generated/<provider>/schema.d.ts: the `paths` / `components` / `operations` types that
 * openapi-typescript derives from a provider's document (3.0 and 3.1 are read directly).
 */
import openapiTS, { astToString, COMMENT_HEADER, type OpenAPI3 } from "openapi-typescript";
import { SpecError } from "../../src/errors.ts";

export async function renderSchemaTypes(doc: Record<string, unknown>, specLabel: string): Promise<string> {
  let ast;
  try {
    // openapi-typescript may annotate the object it is given, so it gets its own copy.
    ast = await openapiTS(structuredClone(doc) as unknown as OpenAPI3, { silent: true });
  } catch (error) {
    throw new SpecError(`${specLabel}: openapi-typescript failed: ${firstLine(error)}`, { cause: error });
  }
  return `${COMMENT_HEADER}${astToString(ast)}`;
}

export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n").find((line) => line.trim() !== "")?.trim() ?? "unknown error";
}
