/** request_schema and response_schema: each payload against its JSON Schema in specs/juspay-upi/. */
import { ajvFindings } from "./ajv-findings.ts";
import type { PayloadFinding, PayloadInput } from "./model.ts";
import { upiValidators } from "./schemas.ts";

/** The request payload conforms to request.schema.json. */
export function requestSchema(input: PayloadInput): PayloadFinding[] {
  const validate = upiValidators().request;
  return validate(input.request) ? [] : ajvFindings("request_schema", "request", validate.errors);
}

/** The response payload conforms to response.schema.json. */
export function responseSchema(input: PayloadInput): PayloadFinding[] {
  const validate = upiValidators().response;
  return validate(input.response) ? [] : ajvFindings("response_schema", "response", validate.errors);
}
