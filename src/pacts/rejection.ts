/**
 * What the contracts accept as a rejection, by the rule `run` applies to a deliberately invalid
 * request (src/checks/rejection.ts): any 4xx the spec documents for the operation, except the
 * documented not-found answer where its status alone marks it (a 404; Yuno's not-found is a 400
 * told apart by its code, so 400 stays). Consumer tests put these statuses in a Pact V4 status
 * matcher; `verify-pacts` reads that matcher back (status-matcher.ts).
 */
import { PROFILES } from "../profiles/index.ts";
import type { HttpProvider } from "../providers.ts";
import { deleteOperation } from "./credential-headers.ts";

/** Every status the spec documents for the provider's delete operation. */
export function documentedStatuses(provider: HttpProvider): number[] {
  return deleteOperation(provider).responses.map((r) => r.status);
}

/** The documented 4xx statuses `run` accepts for a deliberately invalid request. */
export function rejectionStatuses(provider: HttpProvider): number[] {
  const notFound = PROFILES[provider].notFound;
  return documentedStatuses(provider).filter((s) => s >= 400 && s < 500 && !(s === notFound.status && notFound.code === undefined));
}

/** The statuses accepted for missing or wrong credentials: 401 where the spec documents it, else any rejection. */
export function authRejectionStatuses(provider: HttpProvider): number[] {
  return documentedStatuses(provider).includes(401) ? [401] : rejectionStatuses(provider);
}
