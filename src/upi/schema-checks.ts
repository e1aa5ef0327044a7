/** request_schema and response_schema: each payload against its JSON Schema in specs/juspay-upi/. */
import type { ValidateFunction } from "ajv";
import { ajvFindings } from "./ajv-findings.ts";
import type { PayloadCheckId, PayloadFinding, PayloadInput, PayloadTarget } from "./model.ts";
import { upiValidators } from "./schemas.ts";

/** The request payload conforms to request.schema.json. */
export function requestSchema(input: PayloadInput): PayloadFinding[] {
  return schemaFindings("request_schema", "request", upiValidators().request, input.request);
}

/** The response payload conforms to response.schema.json. */
export function responseSchema(input: PayloadInput): PayloadFinding[] {
  return schemaFindings("response_schema", "response", upiValidators().response, input.response);
}

function schemaFindings(check: PayloadCheckId, target: PayloadTarget, validate: ValidateFunction, payload: unknown): PayloadFinding[] {
  return validate(payload) ? [] : ajvFindings(check, target, validate.errors, validate.schema as Record<string, unknown>);
}
