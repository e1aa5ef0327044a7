/**
 * What the file reporters gather from a run's events: the results in order, why the run stopped
 * (if it did), each provider's start and end, and the run's metadata (tool, version, seed,
 * providers, redacted target, start and end times).
 */
import { summarize, type Result, type RunEvent, type RunStart, type Summary } from "../runner/events.ts";

export interface RunMetadata {
  tool: string;
  version: string;
  seed: number;
  strict: boolean;
  providers: string[];
  /** "embedded sandbox", or the target URL with credentials and query values masked. */
  target: string;
  stateUrl?: string;
  /** ISO 8601, UTC. */
  startedAt: string;
  finishedAt: string;
  durationMs: number;
}

export interface CollectedRun {
  results: Result[];
  /** The one-line reason a tool error or an interrupt stopped the run; undefined when it completed. */
  error?: string;
  /** Start and end of each provider's part, epoch milliseconds, in run order. */
  providers: Map<string, { start: number; end?: number }>;
  /** The run's metadata; undefined only when no run-start was seen. */
  metadata(): RunMetadata | undefined;
  summary(): Summary;
}

export interface Collector {
  handle(event: RunEvent): void;
  run: CollectedRun;
}

export function collector(): Collector {
  const results: Result[] = [];
  const providers = new Map<string, { start: number; end?: number }>();
  let start: RunStart | undefined;
  let end: number | undefined;
  let error: string | undefined;
  const run: CollectedRun = {
    results,
    providers,
    get error() {
      return error;
    },
    metadata: () => {
      if (!start) return undefined;
      const finished = end ?? Date.now();
      const { tool, version, seed, strict, providers: names, target, stateUrl } = start;
      return {
        tool,
        version,
        seed,
        strict,
        providers: names,
        target,
        ...(stateUrl === undefined ? {} : { stateUrl }),
        startedAt: new Date(start.at).toISOString(),
        finishedAt: new Date(finished).toISOString(),
        durationMs: finished - start.at,
      };
    },
    summary: () => summarize(results),
  };
  return {
    run,
    handle: (event) => {
      if (event.type === "run-start") start = event;
      if (event.type === "result") results.push(event.result);
      if (event.type === "provider-start") providers.set(event.provider, { start: event.at });
      if (event.type === "provider-end") providers.set(event.provider, { start: providers.get(event.provider)?.start ?? event.at, end: event.at });
      if (event.type === "run-end") end = event.at;
      if (event.type === "run-aborted") [end, error] = [event.at, event.message];
    },
  };
}
