/** Public API of payconform's Pact support: names, placeholders, verification and the pact/spec cross-check. */
export { CONTRACTS_DIR, UPI_PROVIDER, consumerName, pactFileName } from "./names.ts";
export { PLACEHOLDER_CREDENTIALS, WRONG_CREDENTIALS } from "./placeholders.ts";
export { credentialHeaders, deleteOperation } from "./credential-headers.ts";
export { credentialHeaderPatterns, pathPattern } from "./patterns.ts";
export { fixtureState, notFoundState } from "./states.ts";
export { authRejectionStatuses, documentedStatuses, rejectionStatuses } from "./rejection.ts";
export { acceptedStatuses } from "./status-matcher.ts";
export { listPactFiles, readPactFile, type PactFile } from "./pact-files.ts";
export { DEFAULT_VERIFY_OPTIONS, resolveVerifyOptions, type VerifyPactsOptions } from "./verify-options.ts";
export { verifyPacts } from "./verify.ts";
export type { ProviderVerification, VerifyTarget } from "./verify-provider.ts";
export type { InteractionOutcome } from "./verifier-result.ts";
