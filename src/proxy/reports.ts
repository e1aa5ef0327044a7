/**
 * The proxy's reports: the same junit.xml, conformance.json, report.html and summary.md as `run`
 * (src/reporters/), fed
 * the same events, one provider-start when the proxy listens, every exchange's results as they
 * come, and run-end (or run-aborted, for a tool error) when it stops. The report folder is made
 * and probed before the proxy listens, as `run` does before its first request.
 */
import { redactUrl } from "../http/redact.ts";
import { htmlReporter } from "../reporters/html.ts";
import { jsonReporter } from "../reporters/json.ts";
import { junitReporter } from "../reporters/junit.ts";
import { markdownReporter } from "../reporters/markdown.ts";
import { summarize, type Reporter, type Result, type RunEvent, type Summary } from "../runner/events.ts";
import { TOOL_NAME, VERSION } from "../version.ts";

export interface ProxyReports {
  start(provider: string, target: string, strict: boolean): void;
  add(results: readonly Result[]): void;
  /** Writes both reports; `error` marks a proxy that stopped on a tool error. */
  finish(error?: string): Promise<Summary>;
}

export function openReports(reportDir: string): ProxyReports {
  const reporters = [jsonReporter(reportDir), junitReporter(reportDir), htmlReporter(reportDir), markdownReporter(reportDir)];
  const emit = (event: RunEvent): void => reporters.forEach((r) => r.handle(event));
  const all: Result[] = [];
  let provider: string | undefined;
  return {
    start(name, target, strict) {
      provider = name;
      emit({ type: "run-start", at: Date.now(), tool: TOOL_NAME, version: VERSION, providers: [name], seed: 0, strict, target: redactUrl(target) });
      emit({ type: "provider-start", at: Date.now(), provider: name, target: redactUrl(target), embedded: false, scenarios: 0 });
    },
    add(results) {
      for (const result of results) {
        all.push(result);
        emit({ type: "result", result });
      }
    },
    async finish(error) {
      const summary = summarize(all);
      if (provider !== undefined) emit({ type: "provider-end", at: Date.now(), provider });
      emit(error === undefined ? { type: "run-end", at: Date.now(), summary } : { type: "run-aborted", at: Date.now(), message: error });
      await Promise.all(reporters.map((r) => r.finish()));
      return summary;
    },
  };
}
