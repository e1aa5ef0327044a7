/**
 * response_schema_conformance: the body validates, with Ajv, against the schema the doc gives
 * for that status. Covers error envelopes and their required fields. Each violation has the
 * basis of the keyword that failed. A name given twice in one object is a warning: parsers
 * disagree on which value counts; so is an undocumented name that is an absent documented one in
 * another case or spelling (`responseCode` for `response_code`).
 */
import { documented, documentedJsonBody, when } from "./preconditions.ts";
import { schemaFindings } from "./schema-findings.ts";
import { duplicateNames } from "./duplicate-names.ts";
import { lookalikeNames } from "./lookalike-names.ts";
import type { Check, Finding } from "./types.ts";

export const responseSchemaConformance: Check = {
  id: "response_schema_conformance",
  run: when(documentedJsonBody, (input) => {
    const status = input.response.status;
    if (!input.json.ok) {
      const basis = documented(input)!.bodyBasis;
      return [{ expected: `a JSON body valid against the ${status} schema`, actual: `not JSON: ${input.json.error}`, message: `the ${status} body does not parse as JSON`, basis }];
    }
    const schema = documented(input)!.schema;
    return [...duplicated(input.response.text), ...renamed(status, input.json.value, schema), ...schemaFindings(input, input.json.value)];
  }),
};

/** Undocumented names that are a documented, absent one in another case or spelling (an assumed reading: each alone is allowed). */
function renamed(status: number, body: unknown, schema: unknown): Finding[] {
  return lookalikeNames(body, schema).map(({ at, sent, documented }) => ({
    expected: `${JSON.stringify(documented)} at ${at}`,
    actual: `${JSON.stringify(sent)} at ${at}`,
    message: `the ${status} body names ${JSON.stringify(sent)} at ${at} where the doc names ${JSON.stringify(documented)}, which is absent: a client reading the documented name gets nothing`,
    basis: "assumed",
  }));
}

/** A name twice in one object: which value counts depends on the client's parser (an assumed rule: RFC 8259 says SHOULD). */
function duplicated(text: string): Finding[] {
  const names = text.includes('"') ? duplicateNames(text) : [];
  if (names.length === 0) return [];
  const list = names.map((name) => JSON.stringify(name)).join(", ");
  return [{ expected: "each name once in its object", actual: `${list} more than once`, message: `the body gives ${list} more than once in one object: JSON.parse keeps the last value, other parsers the first or none (RFC 8259 §4: names SHOULD be unique)`, basis: "assumed" }];
}
