/**
 * A body against the schema documented for its status, one finding per Ajv error. Each finding
 * has the basis of the exact keyword that failed (spec/basis.ts): a documented enum broken inside
 * an assumed envelope is a documented departure, while the envelope's shape (its types, its
 * required members) is as assumed as the envelope itself.
 */
import { basisAtSchemaPath } from "../spec/basis.ts";
import type { Finding, CheckInput } from "./types.ts";

/** Findings for the body of `input` against its status's schema; none when it validates or no schema is documented. */
export function schemaFindings(input: CheckInput, body: unknown): Finding[] {
  const status = input.response.status;
  const validate = input.operation.validators.get(status);
  if (!validate || validate(body)) return [];
  const response = input.operation.op.responses.find((r) => r.status === status);
  const schema = response?.schema;
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    const message = `the ${status} body breaks its schema at ${e.instancePath || "/"}: ${e.message ?? "invalid"}`;
    // One finding per place and complaint: allOf branches repeat the same `type`.
    if (seen.has(message)) continue;
    seen.add(message);
    // Where the body itself is assumed (a status documented without one), its shape is the
    // assumption: a value of another type breaks that, while a documented enum or pattern broken by
    // a value of the right type is still a documented departure.
    const shape = response?.bodyBasis === "assumed" && SHAPE_KEYWORDS.has(e.keyword);
    findings.push({
      expected: `${e.schemaPath} (${e.keyword}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ""})`,
      actual: `${e.instancePath || "/"} ${e.message ?? "is invalid"}`,
      message,
      basis: shape ? "assumed" : basisAtSchemaPath(schema, e.schemaPath),
    });
  }
  return findings;
}

/** The keywords that give a body its shape, rather than constrain a value of it. */
const SHAPE_KEYWORDS: ReadonlySet<string> = new Set(["type", "required", "additionalProperties", "properties", "items", "minItems", "maxItems"]);
