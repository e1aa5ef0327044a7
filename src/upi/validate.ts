/** validatePayloads: runs every registered check and collects every finding. */
import { UsageError } from "../errors.ts";
import { PAYLOAD_CHECKS } from "./checks.ts";
import type { PayloadFinding, PayloadInput, RegisteredCheck } from "./model.ts";

/**
 * Validates a captured upiDeleteAccount request, response, or both. Checks that need a payload
 * that was not given are skipped. Returns [] when everything conforms.
 */
export function validatePayloads(
  input: PayloadInput,
  checks: readonly RegisteredCheck[] = PAYLOAD_CHECKS,
): PayloadFinding[] {
  if (input.request === undefined && input.response === undefined) {
    throw new UsageError("nothing to validate: give a request payload, a response payload, or both");
  }
  return checks.flatMap((check) => check.run(input));
}

export function hasErrors(findings: readonly PayloadFinding[]): boolean {
  return findings.some((finding) => finding.severity === "error");
}
