/**
 * A body against the schema documented for its status, one finding per Ajv error. Each finding
 * has the basis of the exact keyword that failed (spec/basis.ts): a documented enum broken inside
 * an assumed envelope is a documented departure.
 */
import { basisAtSchemaPath } from "../spec/basis.ts";
import type { Finding, CheckInput } from "./types.ts";

/** Findings for the body of `input` against its status's schema; none when it validates or no schema is documented. */
export function schemaFindings(input: CheckInput, body: unknown): Finding[] {
  const status = input.response.status;
  const validate = input.operation.validators.get(status);
  if (!validate || validate(body)) return [];
  const schema = input.operation.op.responses.find((r) => r.status === status)?.schema;
  return (validate.errors ?? []).map(
    (e): Finding => ({
      expected: `${e.schemaPath} (${e.keyword}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ""})`,
      actual: `${e.instancePath || "/"} ${e.message ?? "is invalid"}`,
      message: `the ${status} body breaks its schema at ${e.instancePath || "/"}: ${e.message ?? "invalid"}`,
      basis: basisAtSchemaPath(schema, e.schemaPath),
    }),
  );
}
