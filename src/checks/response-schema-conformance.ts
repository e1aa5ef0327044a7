/**
 * response_schema_conformance: the body validates, with Ajv, against the schema the doc gives
 * for that status. Covers error envelopes and their required fields.
 */
import { documented, documentedJsonBody, when } from "./preconditions.ts";
import type { Check, Finding } from "./types.ts";

export const responseSchemaConformance: Check = {
  id: "response_schema_conformance",
  run: when(documentedJsonBody, (input) => {
    const status = input.response.status;
    const basis = documented(input)!.bodyBasis;
    if (!input.json.ok) {
      return [{ expected: `a JSON body valid against the ${status} schema`, actual: `not JSON: ${input.json.error}`, message: `the ${status} body does not parse as JSON`, basis }];
    }
    const validate = input.operation.validators.get(status);
    if (!validate || validate(input.json.value)) return [];
    return (validate.errors ?? []).map(
      (e): Finding => ({
        expected: `${e.schemaPath} (${e.keyword}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ""})`,
        actual: `${e.instancePath || "/"} ${e.message ?? "is invalid"}`,
        message: `the ${status} body breaks its schema at ${e.instancePath || "/"}: ${e.message ?? "invalid"}`,
        basis,
      }),
    );
  }),
};
