/**
 * deleted_account_not_listed: a SUCCESS lists the "remaining vpa accounts", so none of them is
 * the account the request deleted. last_account_kept: the page says the call "should not be
 * called on a primary account / last account", so a SUCCESS whose list of remaining accounts is
 * empty deleted the last one (assumed: the list is complete; a warning). A response account is identified by account.referenceId,
 * assumed to be the id request payload.accountReferenceId names (the page links them only by
 * name, and the samples' values have the same shape); the finding is therefore a warning.
 */
import { at, show } from "./json-value.ts";
import type { PayloadFinding, PayloadInput } from "./model.ts";

/** Registered for a SUCCESS with both payloads given. */
export function deletedAccountNotListed(input: PayloadInput): PayloadFinding[] {
  const deleted = at(input.request, "payload", "accountReferenceId");
  const listed = at(input.response, "payload", "vpaAccounts");
  if (typeof deleted !== "string" || !Array.isArray(listed)) return [];
  return listed.flatMap((entry, i): PayloadFinding[] =>
    at(entry, "account", "referenceId") === deleted
      ? [
          {
            check: "deleted_account_not_listed",
            target: "pair",
            pointer: `/payload/vpaAccounts/${i}/account/referenceId`,
            message: `the request deleted account ${show(deleted)}, but this SUCCESS still lists it among the remaining vpaAccounts (matched on account.referenceId, assumed to be the id accountReferenceId names)`,
            severity: "warning",
          },
        ]
      : [],
  );
}

/** Registered for a SUCCESS. */
export function lastAccountKept(input: PayloadInput): PayloadFinding[] {
  const listed = at(input.response, "payload", "vpaAccounts");
  if (!Array.isArray(listed) || listed.length > 0) return [];
  return [
    {
      check: "last_account_kept",
      target: "response",
      pointer: "/payload/vpaAccounts",
      message: "this SUCCESS lists no remaining vpaAccounts, so the customer's last account was deleted, which the page says the call must not be made on (assumed: the list is complete)",
      severity: "warning",
    },
  ];
}
