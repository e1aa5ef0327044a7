/**
 * The HTTP interaction checks by id, each behind its precondition. Request-shape checks expect a
 * request the provider accepts as well formed: they are skipped for an interaction answered 400
 * or 422, the statuses for bad input, whose request may break the documented rules on purpose.
 * Credentials are required only of an interaction answered with success.
 */
import type { PactCheck, RegisteredPactCheck } from "./model.ts";
import {
  credentialsPresent,
  headerParameterPattern,
  pathMatcherWithinSpec,
  pathParameterPattern,
  queryParameterPattern,
  requestBodySchema,
} from "./request-checks.ts";
import { responseBodySchema, responseContentType, responseStatusDocumented } from "./response-checks.ts";

/** The statuses that answer a malformed request. */
const BAD_INPUT_STATUSES = new Set([400, 422]);

const unlessBadInput = (check: PactCheck): PactCheck => (ctx) => (BAD_INPUT_STATUSES.has(ctx.interaction.response.status) ? [] : check(ctx));

const onSuccess = (check: PactCheck): PactCheck => (ctx) => {
  const { status } = ctx.interaction.response;
  return status >= 200 && status < 300 ? check(ctx) : [];
};

export const HTTP_PACT_CHECKS: readonly RegisteredPactCheck[] = [
  { id: "path_parameter_pattern", run: unlessBadInput(pathParameterPattern) },
  { id: "path_matcher_within_spec", run: pathMatcherWithinSpec },
  { id: "query_parameter_pattern", run: unlessBadInput(queryParameterPattern) },
  { id: "header_parameter_pattern", run: unlessBadInput(headerParameterPattern) },
  { id: "credentials_present", run: onSuccess(credentialsPresent) },
  { id: "request_body_schema", run: unlessBadInput(requestBodySchema) },
  { id: "response_status_documented", run: responseStatusDocumented },
  { id: "response_content_type", run: responseContentType },
  { id: "response_body_schema", run: responseBodySchema },
];
