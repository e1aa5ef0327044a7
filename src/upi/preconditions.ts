/**
 * Preconditions as wrappers: a check states what it needs by how it is registered, and never
 * tests for it inside. A wrapped check whose precondition fails returns no findings.
 */
import { at } from "./json-value.ts";
import type { PayloadCheck, PayloadInput } from "./model.ts";

export function when(precondition: (input: PayloadInput) => boolean, check: PayloadCheck): PayloadCheck {
  return (input) => (precondition(input) ? check(input) : []);
}

/** Runs the check only when every named payload was given. */
export function given(sides: ReadonlyArray<"request" | "response">, check: PayloadCheck): PayloadCheck {
  return when((input) => sides.every((side) => input[side] !== undefined), check);
}

/** Runs the check only when a response was given and its payload.status is `status`. */
export function whenStatus(status: "SUCCESS" | "FAILURE", check: PayloadCheck): PayloadCheck {
  return when((input) => at(input.response, "payload", "status") === status, check);
}
