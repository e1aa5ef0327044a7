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
