/** Every check, registered by id, in the order reports list them. */
import { contentTypeConformance } from "./content-type-conformance.ts";
import { deleteSemantics } from "./delete-semantics.ts";
import { authEnforcement, pathPatternEnforcement, queryPatternEnforcement, requiredBodyEnforcement, requiredHeaderEnforcement } from "./enforcement.ts";
import { errorCodeConformance } from "./error-code-conformance.ts";
import { exactIdMatch } from "./exact-id-match.ts";
import { noInternalLeak } from "./no-internal-leak.ts";
import { noSecretEcho } from "./no-secret-echo.ts";
import { notAServerError } from "./not-a-server-error.ts";
import { ownershipEnforcement } from "./ownership-enforcement.ts";
import { positiveDataAcceptance } from "./positive-data-acceptance.ts";
import { unsupportedMethod } from "./unsupported-method.ts";
import { responseSchemaConformance } from "./response-schema-conformance.ts";
import { statusCodeConformance } from "./status-code-conformance.ts";
import type { Check } from "./types.ts";

export const CHECKS: readonly Check[] = [
  statusCodeConformance,
  contentTypeConformance,
  responseSchemaConformance,
  errorCodeConformance,
  pathPatternEnforcement,
  queryPatternEnforcement,
  requiredHeaderEnforcement,
  requiredBodyEnforcement,
  authEnforcement,
  ownershipEnforcement,
  exactIdMatch,
  positiveDataAcceptance,
  unsupportedMethod,
  notAServerError,
  deleteSemantics,
  noSecretEcho,
  noInternalLeak,
];
