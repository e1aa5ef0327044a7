/** The registry of payload checks, in run order, each wrapped in its precondition. */
import { deletedAccountNotListed, lastAccountKept } from "./account-checks.ts";
import { echoesAction, echoesRequestId } from "./echo-checks.ts";
import type { RegisteredCheck } from "./model.ts";
import { given, whenStatus } from "./preconditions.ts";
import { requestSchema, responseSchema } from "./schema-checks.ts";
import { failureHasError, successHasNoError } from "./status-checks.ts";
import { udfParametersJson } from "./udf-checks.ts";
import { uniqueMemberNames } from "./unique-name-checks.ts";

export const PAYLOAD_CHECKS: readonly RegisteredCheck[] = [
  { id: "request_schema", run: given(["request"], requestSchema) },
  { id: "response_schema", run: given(["response"], responseSchema) },
  { id: "unique_member_names", run: uniqueMemberNames },
  { id: "udf_parameters_json", run: given(["request"], udfParametersJson) },
  { id: "echoes_request_id", run: given(["request", "response"], echoesRequestId) },
  { id: "echoes_action", run: given(["request", "response"], echoesAction) },
  { id: "deleted_account_not_listed", run: whenStatus("SUCCESS", given(["request", "response"], deletedAccountNotListed)) },
  { id: "last_account_kept", run: whenStatus("SUCCESS", lastAccountKept) },
  { id: "failure_has_error", run: whenStatus("FAILURE", failureHasError) },
  { id: "success_has_no_error", run: whenStatus("SUCCESS", successHasNoError) },
];
