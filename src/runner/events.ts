/**
 * What a run emits. Reporters consume these events; adding a report format touches one file.
 */
import type { CheckId, RequestCheckId } from "../checks/ids.ts";
import type { Basis } from "../spec/model.ts";

export type Outcome = "passed" | "failed" | "errored" | "skipped" | "warning";

/** Whose departure a result is about: the target's answer, or (from `payconform proxy`) the client's request. */
export type Party = "target" | "client";

export interface Result {
  provider: string;
  operationId: string;
  /** A check of the target's answers; from `payconform proxy` also a check of the client's requests. */
  check: CheckId | RequestCheckId;
  /** Set by `payconform proxy` on every result; `run` judges only the target, and leaves it out. */
  party?: Party;
  /** Scenario id and step label, e.g. "path customerId too-short: too-short". */
  case: string;
  outcome: Outcome;
  message: string;
  /** A curl command reproducing the request, credentials masked. Present unless the result passed. */
  curl?: string;
  expected?: string;
  actual?: string;
  basis: Basis;
  /** The method of the request the result judges; set by the runner whenever a request was sent. */
  method?: string;
  /** Its path and query as sent (percent-encoded), without the target's origin. */
  path?: string;
  /** Milliseconds from sending that request (the step's first, for a burst or a polled delete) to its last answer. */
  durationMs?: number;
}

export interface Summary {
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
  warnings: number;
}

/** What a run was asked to do, for the reports' metadata. Times are epoch milliseconds. */
export interface RunStart {
  type: "run-start";
  at: number;
  /** The tool and its version (package.json). */
  tool: string;
  version: string;
  providers: string[];
  seed: number;
  strict: boolean;
  /** "embedded sandbox", or the target URL with any credentials and query values replaced by ***. */
  target: string;
  /** The state URL, redacted the same way; absent when none was given. */
  stateUrl?: string;
}

export type RunEvent =
  | RunStart
  | { type: "provider-start"; at: number; provider: string; target: string; embedded: boolean; scenarios: number }
  | { type: "progress"; provider: string; done: number; total: number }
  | { type: "result"; result: Result }
  | { type: "provider-end"; at: number; provider: string }
  | { type: "run-end"; at: number; summary: Summary }
  /** A tool error stopped the run (exit code 2); reports still hold the results emitted so far. */
  | { type: "run-aborted"; at: number; message: string };

export interface Reporter {
  handle(event: RunEvent): void;
  /** Flush and write; called once, even when the run stopped early. */
  finish(): Promise<void>;
}

export function summarize(results: readonly Result[]): Summary {
  const summary: Summary = { passed: 0, failed: 0, errored: 0, skipped: 0, warnings: 0 };
  for (const r of results) {
    if (r.outcome === "warning") summary.warnings++;
    else summary[r.outcome]++;
  }
  return summary;
}
