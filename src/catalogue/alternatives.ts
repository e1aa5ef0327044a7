/**
 * Targets that make another choice the documents allow: the reference sandbox with one such
 * difference. No check may fail or error on them, and only the checks each names may warn (a
 * 4xx the doc does not list, or a departure from a fact payconform assumed). They show that the
 * checks raise no false alarm where the documents leave room.
 */
import { ERROR_ANSWERS } from "./alternative-error-answers.ts";
import { EXAMPLES_AND_FIXTURE_SOURCES } from "./alternative-examples-and-fixture-sources.ts";
import { REQUEST_HANDLING } from "./alternative-request-handling.ts";
import { KEPT_AND_REDIRECTED } from "./alternative-kept-and-redirected.ts";
import { STATE_AND_LOAD } from "./alternative-state-and-load.ts";
import type { AllowedVariant } from "./types.ts";

export const ALTERNATIVES: readonly AllowedVariant[] = [...ERROR_ANSWERS, ...REQUEST_HANDLING, ...STATE_AND_LOAD, ...KEPT_AND_REDIRECTED, ...EXAMPLES_AND_FIXTURE_SOURCES];
