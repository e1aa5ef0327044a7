/**
 * The proxy in-process for tests: started in front of a target (a reference sandbox or a faulty
 * adapter) on 127.0.0.1, its console output collected rather than printed, every judged exchange
 * kept, and stopped the way SIGINT stops it (its abort signal), which writes its reports.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { OutputStream } from "../../src/output.ts";
import type { Judged } from "../../src/proxy/judge.ts";
import { resolveProxyOptions, type ProxyOptions } from "../../src/proxy/options.ts";
import { runProxy, type ProxyOutcome } from "../../src/proxy/run.ts";
import type { Result } from "../../src/runner/events.ts";
import type { SandboxHandle } from "../../src/sandboxes/types.ts";
import { tempDir, type ConformanceReport } from "../runner/harness.ts";

export interface RunningProxy {
  url: string;
  reportDir: string;
  judged: Judged[];
  /** Console output so far (exchange lines, then the summary). */
  output(): string;
  /** Stops as SIGINT does: reports (and the recorded pact) written. */
  stop(): Promise<ProxyOutcome>;
  /** conformance.json, once stopped. */
  report(): ConformanceReport;
}

export async function startProxy(target: SandboxHandle, extra: Partial<ProxyOptions> = {}): Promise<RunningProxy> {
  const reportDir = tempDir("payconform-proxy-");
  const abort = new AbortController();
  const judged: Judged[] = [];
  let text = "";
  const sink: OutputStream = { write: (chunk: string) => (text += chunk) };
  let listening: (url: string) => void = () => undefined;
  const url = new Promise<string>((resolve) => (listening = resolve));
  const options = resolveProxyOptions({ provider: target.provider, target: target.baseUrl, port: 0, reportDir, env: { ...target.credentials }, signal: abort.signal, ...extra });
  const done = runProxy(options, { onListening: listening, onExchange: (j) => judged.push(j), out: sink, err: sink });
  const started = await Promise.race([url, done.then(() => undefined)]);
  if (started === undefined) throw new Error("the proxy stopped before it listened");
  return {
    url: started,
    reportDir,
    judged,
    output: () => text,
    stop: () => {
      abort.abort();
      return done;
    },
    report: () => JSON.parse(readFileSync(join(reportDir, "conformance.json"), "utf8")) as ConformanceReport,
  };
}

/** Every result that is not a pass. */
export function findings(results: readonly Result[]): Result[] {
  return results.filter((r) => r.outcome !== "passed");
}

/** The judged exchange number `n` (from 1), once the proxy has judged it; bounded wait. */
export async function exchange(proxy: RunningProxy, n: number): Promise<Judged> {
  for (let i = 0; i < 200 && proxy.judged.length < n; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  const judged = proxy.judged[n - 1];
  if (!judged) throw new Error(`exchange ${n} was never judged`);
  return judged;
}
