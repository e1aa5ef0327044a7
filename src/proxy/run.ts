/**
 * `payconform proxy`: stands between an integrator's client and a provider's target, forwards
 * every exchange unchanged, and judges each one as it passes: the client's request against the
 * document (request-checks.ts) and the target's answer with the checks `run` uses, given the case
 * the exchange is (classify.ts). Everything refusable is refused before it listens: the target
 * URL, a production host, the credentials, the report folder, the record file. It runs until
 * `options.signal` fires (SIGINT, SIGTERM), then stops listening, lets the exchanges in flight
 * finish, and writes the reports and the recorded pact.
 */
import { join } from "node:path";
import type { OperationContext } from "../checks/types.ts";
import { mask, protectSecrets, stderr, stdout, type OutputStream } from "../output.ts";
import { PROFILES } from "../profiles/index.ts";
import type { Result, Summary } from "../runner/events.ts";
import { credentialsFromEnv } from "../runner/credentials.ts";
import { operationContext } from "../runner/run.ts";
import { assertTargetAllowed, parseUrlOption } from "../runner/safety.ts";
import { exchangeLine, listeningLine, summaryLines } from "./console-line.ts";
import type { Forwarded } from "./exchange.ts";
import { judge, type JudgeContext, type Judged } from "./judge.ts";
import type { ProxyOptions } from "./options.ts";
import { createRecorder } from "./record.ts";
import { openReports } from "./reports.ts";
import { startProxyServer } from "./server.ts";

export interface ProxyHooks {
  /** Called once the proxy listens, with its URL (http://127.0.0.1:PORT). */
  onListening?(url: string): void;
  /** Called with every judged exchange, after its console line. */
  onExchange?(judged: Judged): void;
  /** Exchange lines and the summary. Default: standard output, through src/output.ts. */
  out?: OutputStream;
  /** The listening line. Default: standard error, through src/output.ts. */
  err?: OutputStream;
}

export interface ProxyOutcome {
  summary: Summary;
  /** Exchanges forwarded, and how many of them were not judged (another path, a client gone). */
  exchanges: number;
  unchecked: number;
  /** Files written: the two reports and the recorded pact. */
  written: string[];
}

export async function runProxy(options: ProxyOptions, hooks: ProxyHooks = {}): Promise<ProxyOutcome> {
  const url = parseUrlOption(options.target, "--target");
  assertTargetAllowed(url, options.allowProduction);
  const operation: OperationContext = operationContext(options.provider);
  const configured = credentialsFromEnv(PROFILES[options.provider], options.env);
  // Every credential the proxy sees stays masked until its reports and pact are written, then is
  // given back (a proxy started again in the same process masks only what it sees).
  const releases = [protectSecrets(Object.values(configured))];
  const seen = new Set<string>();
  const protect = (values: readonly string[]): void => {
    // Only new values: the masking engine recompiles its patterns for every new list.
    const fresh = values.filter((v) => !seen.has(v));
    if (fresh.length === 0) return;
    for (const v of fresh) seen.add(v);
    releases.push(protectSecrets(fresh));
  };
  try {
    return await serveAndReport(options, hooks, { operation, configured, target: url.href.replace(/\/+$/, ""), strict: options.strict, protect, deleted: new Map() }, url);
  } catch (error) {
    if (error instanceof Error) error.message = mask(error.message);
    throw error;
  } finally {
    for (const release of releases) release();
  }
}

async function serveAndReport(options: ProxyOptions, hooks: ProxyHooks, ctx: JudgeContext, url: URL): Promise<ProxyOutcome> {
  const out = hooks.out ?? stdout;
  const err = hooks.err ?? stderr;
  const { operation, target } = ctx;
  const reports = openReports(options.reportDir);
  const recorder = options.record === undefined ? undefined : createRecorder(options.record, operation.op, operation.profile);

  let exchanges = 0;
  let unchecked = 0;
  const lines = lineBuffer(out);
  const onExchange = (forwarded: Forwarded): void => {
    const judged = judgeSafely(ctx, ++exchanges, forwarded);
    if (judged.unchecked !== undefined) unchecked++;
    reports.add(judged.results);
    recorder?.add(judged);
    lines.add(exchangeLine(judged, out));
    hooks.onExchange?.(judged);
  };

  reports.start(options.provider, target, options.strict);
  let server;
  try {
    server = await startProxyServer({ port: options.port, target: url, timeoutMs: options.timeoutMs, maxBodyBytes: options.maxBodyBytes, caCert: options.caCert }, onExchange);
  } catch (error) {
    await reports.finish((error as Error).message);
    throw error;
  }
  err.write(listeningLine(server.url, options.provider, target, options.record));
  hooks.onListening?.(server.url);
  await untilAborted(options.signal);
  await server.close();
  lines.flush();

  const written = ["conformance.json", "junit.xml", "report.html", "summary.md"].map((name) => join(options.reportDir, name));
  let recordError: unknown;
  try {
    recorder?.write();
    if (recorder) written.push(`${options.record} (${recorder.size} interaction${recorder.size === 1 ? "" : "s"})`);
  } catch (error) {
    recordError = error;
  }
  // The reports are written even when the pact could not be; they then say why.
  const summary = await reports.finish(recordError === undefined ? undefined : (recordError as Error).message);
  if (recordError !== undefined) throw recordError;
  summaryLines(summary, exchanges, unchecked, written, out);
  return { summary, exchanges, unchecked, written };
}

/**
 * A fault of payconform's own while judging one exchange (never expected) is that exchange's
 * errored result, not the end of the proxy: the client already has its answer.
 */
function judgeSafely(ctx: JudgeContext, n: number, forwarded: Forwarded): Judged {
  try {
    return judge(ctx, n, forwarded);
  } catch (error) {
    const { op } = ctx.operation;
    const result: Result = {
      provider: op.provider,
      operationId: op.operationId,
      check: "status_code_conformance",
      case: `#${n} ${forwarded.request.method} ${forwarded.request.path}`,
      outcome: "errored",
      message: `payconform could not judge this exchange: ${(error as Error).message.split("\n")[0]}`,
      basis: "documented",
      party: "target",
    };
    return { n, forwarded, results: [result] };
  }
}

/**
 * Exchange lines are written in batches: every LINE_FLUSH_MS, or at once when a batch grows past
 * LINE_FLUSH_BYTES. Under load that is one write (and one pass of the masking) for many exchanges
 * instead of one each, which keeps the proxy's own work off the exchanges it forwards; a person
 * watching sees no delay. The order is the order the exchanges ended.
 */
const LINE_FLUSH_MS = 50;
const LINE_FLUSH_BYTES = 64 * 1024;

function lineBuffer(out: OutputStream): { add(line: string): void; flush(): void } {
  let pending = "";
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (pending === "") return;
    const text = pending;
    pending = "";
    out.write(text);
  };
  return {
    add(line) {
      pending += line;
      if (pending.length >= LINE_FLUSH_BYTES) flush();
      else timer ??= setTimeout(flush, LINE_FLUSH_MS);
    },
    flush,
  };
}

function untilAborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!signal) return;
    if (signal.aborted) return resolve();
    signal.addEventListener("abort", () => resolve(), { once: true });
  });
}
