/**
 * A claimed host: the requests of an unknown id and of no credentials, sent with the headers a
 * reverse proxy sets to name the host a client asked for (X-Forwarded-Host, Forwarded: host=),
 * naming a host of payconform's. Whatever the target answers, no answer may be built on that host
 * (no_internal_leak, see checks/claimed-host.ts).
 */
import type { OperationSpec } from "../spec/model.ts";
import { plan, type Scenario } from "./model.ts";

/** The host the requests claim: a reserved name (RFC 6761 .invalid) that resolves nowhere. */
export const CLAIMED_HOST = "payconform-forwarded.invalid";

const CLAIMING = { "x-forwarded-host": CLAIMED_HOST, forwarded: `host=${CLAIMED_HOST};proto=https`, "x-forwarded-proto": "https" };

export function claimedHostScenarios(op: OperationSpec): Scenario[] {
  return [
    {
      id: "a forwarded host claimed",
      provider: op.provider,
      operationId: op.operationId,
      check: "no_internal_leak",
      basis: "documented",
      fixtures: 0,
      description: `an id that never existed, with and without credentials, the request claiming the host ${CLAIMED_HOST} in X-Forwarded-Host and Forwarded: no answer names it`,
      steps: [
        { label: "an id that never existed", plan: plan({ headers: CLAIMING }), expect: "not-found" },
        ...(op.security.length > 0 ? [{ label: "credentials missing", plan: plan({ auth: "missing", headers: CLAIMING }), expect: "rejected" as const }] : []),
      ],
    },
  ];
}
