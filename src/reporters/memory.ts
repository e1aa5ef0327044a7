/**
 * An in-memory reporter: keeps every result and the final summary for a caller in the same
 * process (the catalogue's self-test, tests). Writes nothing.
 */
import { summarize, type Reporter, type Result, type RunEvent, type Summary } from "../runner/events.ts";

export interface MemoryReporter extends Reporter {
  /** Every result, in the order the run emitted them. */
  readonly results: Result[];
  /** The run's summary, or one computed from the results when the run stopped early. */
  summary(): Summary;
}

export function memoryReporter(): MemoryReporter {
  const results: Result[] = [];
  let final: Summary | undefined;
  return {
    results,
    handle: (event: RunEvent) => {
      if (event.type === "result") results.push(event.result);
      if (event.type === "run-end") final = event.summary;
    },
    finish: async () => {},
    summary: () => final ?? summarize(results),
  };
}
