/**
 * A value the client sent against the schema the document gives for it, one finding per Ajv
 * error (worded as check-pacts words them), each with the basis of the keyword that failed: a
 * value breaking Cashfree's assumed id pattern rests on an assumed fact.
 */
import type { ErrorObject } from "ajv";
import type { Finding } from "../checks/types.ts";
import { ajvProblems } from "../pacts/check/ajv-problems.ts";
import { basisAtSchemaPath } from "../spec/basis.ts";
import type { Basis, JsonSchema, ParameterSpec } from "../spec/model.ts";
import { validatorFor } from "../spec/precompiled.ts";


/** Keywords whose error only repeats a more specific error reported next to it. */
const SUMMARY_KEYWORDS = new Set(["if", "anyOf", "oneOf", "allOf"]);

/** Findings for `value` against `schema`; `what` names the value ("path parameter customerId \"kc1\""). */
export function valueFindings(schema: JsonSchema, value: unknown, what: string, basisOf: (error: ErrorObject) => Basis = (e) => basisAtSchemaPath(schema, e.schemaPath)): Finding[] {
  const validate = validatorFor("response", schema);
  if (validate(value)) return [];
  return (validate.errors ?? [])
    .filter((e) => !SUMMARY_KEYWORDS.has(e.keyword))
    .map((e): Finding => ({
      expected: `${e.schemaPath} (${e.keyword}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ""})`,
      actual: typeof value === "string" ? JSON.stringify(value) : `${e.instancePath || "/"} ${e.message ?? "is invalid"}`,
      message: ajvProblems("$", [e], what)[0]?.message ?? `${what} is invalid`,
      basis: basisOf(e),
    }));
}

/** The basis of a parameter's keyword: assumed where the parameter or its schema marks it, or the whole parameter, assumed. */
function parameterBasis(param: ParameterSpec): (error: ErrorObject) => Basis {
  return (error) => ("all" in param.assumed || error.keyword in param.assumed || basisAtSchemaPath(param.schema, error.schemaPath) === "assumed" ? "assumed" : "documented");
}

/** A finding about the client's request, naming the parameter it is about where there is one. */
export type ClientFinding = Finding & { subject?: string };

/** A parameter's value against its documented schema. */
export function parameterFindings(param: ParameterSpec, value: string): ClientFinding[] {
  return valueFindings(param.schema, value, `${param.in === "header" ? "header" : `${param.in} parameter`} ${param.name} ${JSON.stringify(value)}`, parameterBasis(param)).map((f) => ({ ...f, subject: param.name }));
}
