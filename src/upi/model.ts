/**
 * Data types of the upiDeleteAccount payload validator. A finding is a result ("the payload broke
 * the contract"), never an exception; tool failures are the error classes of src/errors.ts.
 */

/** Every payload check, by stable id, in the order they run. */
export const PAYLOAD_CHECK_IDS = [
  "request_schema",
  "response_schema",
  "unique_member_names",
  "udf_parameters_json",
  "echoes_request_id",
  "echoes_action",
  "deleted_account_not_listed",
  "last_account_kept",
  "failure_has_error",
  "success_has_no_error",
] as const;

export type PayloadCheckId = (typeof PAYLOAD_CHECK_IDS)[number];

/** Which payload a finding is about; "pair" means the response judged against its request. */
export type PayloadTarget = "request" | "response" | "pair";

export type Severity = "error" | "warning";

export interface PayloadFinding {
  /** Id of the check that produced the finding. */
  check: PayloadCheckId;
  target: PayloadTarget;
  /** JSON Pointer (RFC 6901) into the payload named by target ("" is the whole payload). */
  pointer: string;
  message: string;
  severity: Severity;
}

/** Parsed JSON payloads as captured from the app; a side left undefined was not given. */
export interface PayloadInput {
  request?: unknown;
  response?: unknown;
}

/** One check: reads the payloads, returns every violation it sees (none when they conform). */
export type PayloadCheck = (input: PayloadInput) => PayloadFinding[];

export interface RegisteredCheck {
  id: PayloadCheckId;
  run: PayloadCheck;
}
