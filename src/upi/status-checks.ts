/** Response checks tying payload.status to the top-level error fields. */
import { at, show } from "./json-value.ts";
import type { PayloadFinding, PayloadInput } from "./model.ts";

/** A FAILURE carries `error: true` and a non-empty errorCode. Registered under whenStatus("FAILURE"). */
export function failureHasError(input: PayloadInput): PayloadFinding[] {
  const findings: PayloadFinding[] = [];
  const error = at(input.response, "error");
  const errorCode = at(input.response, "errorCode");
  if (error !== true) {
    findings.push(failure("/error", `payload.status is "FAILURE" but error is ${show(error)}, must be true`));
  }
  if (typeof errorCode !== "string" || errorCode.trim() === "") {
    findings.push(failure("/errorCode", `payload.status is "FAILURE" but errorCode is ${show(errorCode)}, must name the error`));
  }
  return findings;
}

function failure(pointer: string, message: string): PayloadFinding {
  return { check: "failure_has_error", target: "response", pointer, message, severity: "error" };
}

/**
 * A SUCCESS does not claim `error: true` (a contradiction: error). A non-empty errorCode next to
 * SUCCESS is suspicious but not contradictory (warning). Registered under whenStatus("SUCCESS").
 */
export function successHasNoError(input: PayloadInput): PayloadFinding[] {
  const findings: PayloadFinding[] = [];
  const errorCode = at(input.response, "errorCode");
  if (at(input.response, "error") === true) {
    findings.push({
      check: "success_has_no_error",
      target: "response",
      pointer: "/error",
      message: `payload.status is "SUCCESS" but error is true`,
      severity: "error",
    });
  }
  if (typeof errorCode === "string" && errorCode.trim() !== "") {
    findings.push({
      check: "success_has_no_error",
      target: "response",
      pointer: "/errorCode",
      message: `payload.status is "SUCCESS" but errorCode is ${show(errorCode)}`,
      severity: "warning",
    });
  }
  return findings;
}
