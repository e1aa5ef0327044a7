/**
 * The reporters `payconform run` uses, fed by a bench loop: the console reporter (its output
 * masked as src/output.ts masks it, then dropped), junit.xml, conformance.json, report.html and
 * summary.md (rendered, masked and written into a scratch folder). A loop opens one sink per
 * measured round, hands it every result as it comes, and closes it inside the timed window, so
 * the loop pays for its reports as a run does. Closing does what `payconform run` does at the end
 * of a provider's part (src/runner/run.ts): the results are masked (src/runner/mask-results.ts)
 * and handed to the reporters, the provider's credentials released, and the reports written.
 */
import { filterFor, protectSecrets } from "../src/output.ts";
import { consoleReporter } from "../src/reporters/console.ts";
import { htmlReporter } from "../src/reporters/html.ts";
import { jsonReporter } from "../src/reporters/json.ts";
import { junitReporter } from "../src/reporters/junit.ts";
import { markdownReporter } from "../src/reporters/markdown.ts";
import { summarize, type Reporter, type Result, type RunEvent } from "../src/runner/events.ts";
import { maskResults } from "../src/runner/mask-results.ts";
import { TOOL_NAME, VERSION } from "../src/version.ts";

export interface ReportSink {
  add(results: readonly Result[]): void;
  /** Ends the run: the reporters render and write. Returns the characters the console would have printed. */
  close(): Promise<number>;
}

/** A stream that masks what it is given, like a non-terminal stdout, and keeps only the length. */
function droppedStream(): { write(chunk: string): void; isTTY: boolean; printed: number } {
  const stream = { isTTY: false, printed: 0, write: (chunk: string) => void (stream.printed += filterFor(stream, chunk).length) };
  return stream;
}

export function openReportSink(provider: string, reportDir: string, secrets: readonly string[], seed: number): ReportSink {
  const release = protectSecrets(secrets);
  const out = droppedStream();
  const reporters: Reporter[] = [consoleReporter({ out, progress: droppedStream() }), junitReporter(reportDir), jsonReporter(reportDir), htmlReporter(reportDir), markdownReporter(reportDir)];
  const all: Result[] = [];
  const emit = (event: RunEvent): void => reporters.forEach((r) => r.handle(event));
  emit({ type: "run-start", at: Date.now(), tool: TOOL_NAME, version: VERSION, providers: [provider], seed, strict: false, target: "embedded sandbox" });
  emit({ type: "provider-start", at: Date.now(), provider, target: "embedded sandbox", embedded: true, scenarios: 0 });
  return {
    add(results) {
      all.push(...results);
    },
    async close() {
      try {
        for (const result of maskResults(all)) emit({ type: "result", result });
        emit({ type: "provider-end", at: Date.now(), provider });
        release();
        emit({ type: "run-end", at: Date.now(), summary: summarize(all) });
        await Promise.all(reporters.map((r) => r.finish()));
        return out.printed;
      } finally {
        release();
      }
    },
  };
}
