/**
 * Error codes are contract even where a provider gives them only in examples (Cashfree's
 * `code`/`type`, Yuno's named examples): a consumer branches on them, and error_code_conformance
 * checks them. For every error status both versions document, the codes each version gives (the
 * same reading as error_code_conformance) are compared: a code removed is breaking, a code added
 * is not.
 */
import { documentedCodes } from "../../checks/error-code-conformance.ts";
import type { JsonSchema, ResponseSpec } from "../../spec/model.ts";
import type { SpecChange } from "./model.ts";
import { operations, pointerOf, type Obj } from "./walk.ts";

export function errorCodeChanges(before: Obj, after: Obj, codePointers: readonly string[]): SpecChange[] {
  const changes: SpecChange[] = [];
  const old = new Map(operations(before).map((o) => [o.name, o]));
  for (const op of operations(after)) {
    const was = old.get(op.name);
    if (!was) continue;
    for (const [status, response] of Object.entries(op.responses)) {
      if (!/^[45]\d\d$/.test(status) || !(status in was.responses)) continue;
      for (const codePointer of codePointers) {
        const then = documentedCodes(responseView(was.responses[status]), codePointer);
        const now = documentedCodes(responseView(response), codePointer);
        const pointer = pointerOf([...op.path, "responses", status]);
        for (const code of then.filter((c) => !now.includes(c))) {
          changes.push({ class: "breaking", kind: "error-code-removed", operation: op.name, pointer, before: code, message: `${status}: error ${codePointer.slice(1)} "${code}" is no longer documented` });
        }
        for (const code of now.filter((c) => !then.includes(c))) {
          changes.push({ class: "non-breaking", kind: "error-code-added", operation: op.name, pointer, after: code, message: `${status}: error ${codePointer.slice(1)} "${code}" is newly documented` });
        }
      }
    }
  }
  return changes;
}

/** The parts of a response `documentedCodes` reads: its examples and its schema. */
function responseView(response: unknown): ResponseSpec {
  const media = Object.values(asObj(asObj(response).content))[0];
  const m = asObj(media);
  const examples: unknown[] = [];
  if ("example" in m) examples.push(m.example);
  for (const ex of Object.values(asObj(m.examples))) if (asObj(ex) && "value" in asObj(ex)) examples.push(asObj(ex).value);
  return { status: 0, description: "", examples, schema: asObj(m.schema) as JsonSchema, statusBasis: "documented", bodyBasis: "documented", contentTypeBasis: "documented", pointer: "" };
}

function asObj(value: unknown): Obj {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Obj) : {};
}
