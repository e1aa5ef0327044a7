/**
 * udf_parameters_json: request payload.udfParameters, documented as "Stringified json for udf
 * parameters", is JSON text (documented: an error otherwise, "" included: the page's way to send
 * nothing is to leave an Optional field out, and its sample writes an empty JSON value as "{}").
 * That the JSON is an object is assumed (parameters are named), so anything else is a warning.
 */
import { at, isObject, jsonType, show } from "./json-value.ts";
import type { PayloadFinding, PayloadInput, Severity } from "./model.ts";

const POINTER = "/payload/udfParameters";

/** A udfParameters that is not a string is request_schema's finding, not this one's. */
export function udfParametersJson(input: PayloadInput): PayloadFinding[] {
  const udf = at(input.request, "payload", "udfParameters");
  if (typeof udf !== "string") return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(udf);
  } catch {
    const hint = udf.trim() === "" ? ': send "{}" or leave udfParameters out' : "";
    return [finding("error", `is ${show(udf)}, which is not JSON text; it is documented as stringified JSON${hint}`)];
  }
  if (isObject(parsed)) return [];
  return [finding("warning", `is JSON text of type ${jsonType(parsed)}, not an object of named udf parameters (assumed)`)];
}

function finding(severity: Severity, message: string): PayloadFinding {
  return { check: "udf_parameters_json", target: "request", pointer: POINTER, message, severity };
}
