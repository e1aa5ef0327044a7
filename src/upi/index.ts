/** Public API of the Juspay UPI upiDeleteAccount payload validator. */
export { PAYLOAD_CHECKS } from "./checks.ts";
export { formatFinding, formatFindings, summarizeFindings } from "./format.ts";
export {
  PAYLOAD_CHECK_IDS,
  type PayloadCheck,
  type PayloadCheckId,
  type PayloadFinding,
  type PayloadInput,
  type PayloadTarget,
  type RegisteredCheck,
  type Severity,
} from "./model.ts";
export { readPayloadFile } from "./read-payload.ts";
export { upiValidators } from "./schemas.ts";
export { hasErrors, validatePayloads } from "./validate.ts";
