/** Every check payconform runs, by stable id. Reports and the matrix use these names. */
export const CHECK_IDS = [
  "status_code_conformance",
  "content_type_conformance",
  "response_schema_conformance",
  "error_code_conformance",
  "path_pattern_enforcement",
  "query_pattern_enforcement",
  "required_header_enforcement",
  "required_body_enforcement",
  "auth_enforcement",
  "ownership_enforcement",
  "exact_id_match",
  "positive_data_acceptance",
  "unsupported_method",
  "not_a_server_error",
  "delete_semantics",
  "no_secret_echo",
  "no_internal_leak",
] as const;

export type CheckId = (typeof CHECK_IDS)[number];

/**
 * Checks on a request an integrator's client sent through `payconform proxy`: findings about the
 * client, not the target. The ids are the ones `check-pacts` gives the same rules on a pact's requests.
 */
export const REQUEST_CHECK_IDS = ["operation_exists", "path_parameter_pattern", "query_parameter_pattern", "header_parameter_pattern", "request_body_schema", "credentials_present"] as const;

export type RequestCheckId = (typeof REQUEST_CHECK_IDS)[number];
