/**
 * The proxy's reports: the same junit.xml and conformance.json as `run` (src/reporters/), fed
 * the same events, one provider-start when the proxy listens, every exchange's results as they
 * come, and run-end (or run-aborted, for a tool error) when it stops. The report folder is made
 * and probed before the proxy listens, as `run` does before its first request.
 */
import { jsonReporter } from "../reporters/json.ts";
import { junitReporter } from "../reporters/junit.ts";
import { summarize, type Reporter, type Result, type RunEvent, type Summary } from "../runner/events.ts";

export interface ProxyReports {
  start(provider: string, target: string): void;
  add(results: readonly Result[]): void;
  /** Writes both reports; `error` marks a proxy that stopped on a tool error. */
  finish(error?: string): Promise<Summary>;
}

export function openReports(reportDir: string, extra: readonly Reporter[] = []): ProxyReports {
  const reporters = [jsonReporter(reportDir), junitReporter(reportDir), ...extra];
  const emit = (event: RunEvent): void => reporters.forEach((r) => r.handle(event));
  const all: Result[] = [];
  let provider: string | undefined;
  return {
    start(name, target) {
      provider = name;
      emit({ type: "run-start", providers: [name], seed: 0 });
      emit({ type: "provider-start", provider: name, target, embedded: false, scenarios: 0 });
    },
    add(results) {
      for (const result of results) {
        all.push(result);
        emit({ type: "result", result });
      }
    },
    async finish(error) {
      const summary = summarize(all);
      if (provider !== undefined) emit({ type: "provider-end", provider });
      emit(error === undefined ? { type: "run-end", summary } : { type: "run-aborted", message: error });
      await Promise.all(reporters.map((r) => r.finish()));
      return summary;
    },
  };
}
