/**
 * delete_semantics: deleting an existing fixture gets the documented success status and body;
 * deleting it again, or deleting an id that never existed, gets the documented not-found answer.
 */
import { getPointer } from "../spec/deref.ts";
import { documented, scenarioFor, when } from "./preconditions.ts";
import type { Check, CheckInput, Finding } from "./types.ts";

export const deleteSemantics: Check = {
  id: "delete_semantics",
  run: when(scenarioFor("delete_semantics"), (input) => (input.step.expect === "success" ? success(input) : notFound(input))),
};

function success(input: CheckInput): Finding[] {
  const status = input.response.status;
  const successes = input.operation.op.responses.filter((r) => r.status >= 200 && r.status < 300);
  const expected = successes.map((r) => r.status).join(" or ");
  if (!successes.some((r) => r.status === status)) {
    return [{ expected, actual: `${status}`, message: `${input.step.label} of an existing fixture got ${status}, not the documented success` }];
  }
  const doc = documented(input)!;
  if (!doc.contentType) {
    return input.response.text.length === 0 ? [] : [{ expected: `${status} with an empty body`, actual: `${status} with a body`, message: "the documented success has an empty body" }];
  }
  const validate = input.operation.validators.get(status);
  if (!input.json.ok || (validate && !validate(input.json.value))) {
    return [{ expected: `${status} with a body valid against its schema`, actual: input.json.ok ? "a body that breaks the schema" : "a body that is not JSON", message: "the success body is not the documented one" }];
  }
  return echoedIds(input);
}

/** Where the success body carries an id field named like a path parameter, it names the deleted id. */
function echoedIds(input: CheckInput): Finding[] {
  const body = input.json.ok ? input.json.value : undefined;
  const findings: Finding[] = [];
  for (const [name, value] of Object.entries(input.pathParams)) {
    const echoed = getPointer(body, `/${name}`);
    if (echoed !== undefined && echoed !== value) {
      findings.push({ expected: `${name} = ${value}`, actual: `${name} = ${JSON.stringify(echoed)}`, message: `the success body names another ${name} than the one deleted`, basis: "assumed" });
    }
  }
  return findings;
}

function notFound(input: CheckInput): Finding[] {
  const { status: want, code } = input.operation.profile.notFound;
  const status = input.response.status;
  const expected = code ? `${want} with ${code.pointer} = ${code.value}` : `${want}`;
  const what = input.step.useFixture ? "deleting an already deleted fixture" : "deleting an id that never existed";
  if (status !== want) return [{ expected, actual: `${status}`, message: `${what} got ${status}, not the documented not-found answer` }];
  if (!code) return [];
  const actual = input.json.ok ? getPointer(input.json.value, code.pointer) : undefined;
  if (actual === code.value) return [];
  return [{ expected, actual: `${status} with ${code.pointer} = ${JSON.stringify(actual)}`, message: `${what} got ${status} without the documented not-found code` }];
}
