/**
 * The ids a success body names. Where the success body carries an id field named like a path
 * parameter, it names the deleted id as it is, decoded: documented where the success schema
 * itself has that field (Juspay's customer_account_id, "customer account ID", echoing the sample's
 * id), assumed where only the body happens to carry it.
 */
import { schemaForPointer } from "../spec/basis.ts";
import { getPointer } from "../spec/deref.ts";
import { documented } from "./preconditions.ts";
import type { CheckInput, Finding } from "./types.ts";

export function echoedIds(input: CheckInput): Finding[] {
  const body = input.json.ok ? input.json.value : undefined;
  const doc = documented(input);
  const findings: Finding[] = [];
  for (const [name, value] of Object.entries(input.pathParams)) {
    const echoed = getPointer(body, `/${name}`);
    if (echoed !== undefined && echoed !== value) {
      const inSchema = doc !== undefined && doc.bodyBasis === "documented" && schemaForPointer(doc.schema, `/${name}`) !== undefined;
      findings.push({ expected: `${name} = ${value}`, actual: `${name} = ${JSON.stringify(echoed)}`, message: `the success body names another ${name} than the one deleted`, basis: inSchema ? "documented" : "assumed" });
    }
  }
  return findings;
}
