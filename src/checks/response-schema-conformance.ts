/**
 * response_schema_conformance: the body validates, with Ajv, against the schema the doc gives
 * for that status. Covers error envelopes and their required fields. Each violation has the
 * basis of the keyword that failed.
 */
import { documented, documentedJsonBody, when } from "./preconditions.ts";
import { schemaFindings } from "./schema-findings.ts";
import type { Check } from "./types.ts";

export const responseSchemaConformance: Check = {
  id: "response_schema_conformance",
  run: when(documentedJsonBody, (input) => {
    const status = input.response.status;
    if (!input.json.ok) {
      const basis = documented(input)!.bodyBasis;
      return [{ expected: `a JSON body valid against the ${status} schema`, actual: `not JSON: ${input.json.error}`, message: `the ${status} body does not parse as JSON`, basis }];
    }
    return schemaFindings(input, input.json.value);
  }),
};
