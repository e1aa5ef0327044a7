/**
 * junit.xml: one testsuite per provider, one testcase per result (`check: case`). Failed results
 * are <failure>, errored <error>, skipped <skipped/>; warnings pass with a <system-out> note.
 * Every testcase has a `time` (its request's duration, seconds), every testsuite a `time` (the
 * provider's part of the run), a `timestamp` and <properties> with the run's metadata (the same
 * as conformance.json's); <testsuites> has the run's `time`. A run stopped by a tool error or an
 * interrupt adds a "payconform" suite whose one testcase is that <error>, so CI never reads a
 * stopped run as green. Text from a target is escaped, and characters XML cannot hold are
 * replaced, so the file always parses.
 */
import type { Result, RunEvent } from "../runner/events.ts";
import { collector, type CollectedRun, type RunMetadata } from "./collect.ts";
import { prepareReportDir, writeReport, type FileReporter } from "./report-file.ts";

export function junitReporter(reportDir: string): FileReporter {
  const file = prepareReportDir(reportDir, "junit.xml");
  const { run, handle } = collector();
  const reporter: FileReporter = {
    file,
    written: false,
    handle: (event: RunEvent) => handle(event),
    finish: async () => {
      writeReport(reportDir, "junit.xml", junitParts(run.results, run.error, timingOf(run)));
      reporter.written = true;
    },
  };
  return reporter;
}

/** What junit.xml says about time and the run, besides the results. */
export interface JunitTiming {
  metadata?: RunMetadata;
  /** Each provider's part: when it started (epoch ms) and how long it took (ms). */
  providers: Map<string, { start: number; durationMs: number }>;
}

function timingOf(run: CollectedRun): JunitTiming {
  const metadata = run.metadata();
  const end = metadata ? Date.parse(metadata.finishedAt) : Date.now();
  const providers = new Map([...run.providers].map(([name, { start, end: stop }]) => [name, { start, durationMs: (stop ?? end) - start }]));
  return { metadata, providers };
}

export function renderJunit(results: readonly Result[], aborted?: string, timing: JunitTiming = { providers: new Map() }): string {
  return [...junitParts(results, aborted, timing)].join("");
}

/** The file a testcase at a time: a long run's report is never one string. */
export function* junitParts(results: readonly Result[], aborted?: string, timing: JunitTiming = { providers: new Map() }): Generator<string> {
  const providers = [...new Set(results.map((r) => r.provider))];
  const count = (rs: readonly Result[], outcome: Result["outcome"]): number => rs.filter((r) => r.outcome === outcome).length;
  const properties = propertiesOf(timing.metadata);
  const extra = aborted === undefined ? 0 : 1;
  const total = timing.metadata ? ` time="${seconds(timing.metadata.durationMs)}"` : "";
  const head = `<testsuites name="payconform" tests="${results.length + extra}" failures="${count(results, "failed")}" errors="${count(results, "errored") + extra}" skipped="${count(results, "skipped")}"${total}>`;
  yield `<?xml version="1.0" encoding="UTF-8"?>\n${head}\n`;
  let first = true;
  for (const provider of providers) {
    const rs = results.filter((r) => r.provider === provider);
    const part = timing.providers.get(provider);
    const time = part ? ` time="${seconds(part.durationMs)}" timestamp="${timestamp(part.start)}"` : ` time="${seconds(rs.reduce((sum, r) => sum + (r.durationMs ?? 0), 0))}"`;
    yield `${first ? "" : "\n"}  <testsuite name="${esc(provider)}" tests="${rs.length}" failures="${count(rs, "failed")}" errors="${count(rs, "errored")}" skipped="${count(rs, "skipped")}"${time}>\n${properties}`;
    for (let i = 0; i < rs.length; i++) yield `${i === 0 ? "" : "\n"}${renderCase(rs[i])}`;
    yield "\n  </testsuite>";
    first = false;
  }
  if (aborted !== undefined) {
    yield `${first ? "" : "\n"}  <testsuite name="payconform" tests="1" failures="0" errors="1" skipped="0" time="0">\n${properties}    <testcase classname="payconform" name="run" time="0">\n      <error message="${esc(aborted)}">${esc(aborted)}</error>\n    </testcase>\n  </testsuite>`;
  }
  yield "\n</testsuites>\n";
}

/** The run's metadata as a <properties> block (empty when there is none). */
function propertiesOf(metadata: RunMetadata | undefined): string {
  if (!metadata) return "";
  const entries = Object.entries(metadata).map(([name, value]) => `      <property name="payconform.${esc(name)}" value="${esc(Array.isArray(value) ? value.join(",") : String(value))}"/>`);
  return `    <properties>\n${entries.join("\n")}\n    </properties>\n`;
}

/** Milliseconds as JUnit's seconds with three decimals. */
function seconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3);
}

/** JUnit's timestamp: ISO 8601 date and time without a zone (here UTC). */
function timestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19);
}

function renderCase(r: Result): string {
  const open = `    <testcase classname="${esc(`${r.provider}.${r.operationId}`)}" name="${esc(`${r.check}: ${r.case}`)}" time="${seconds(r.durationMs ?? 0)}"`;
  const detail = [r.message, r.expected !== undefined ? `expected: ${r.expected}` : "", r.actual !== undefined ? `actual: ${r.actual}` : "", r.curl ?? ""].filter(Boolean).join("\n");
  switch (r.outcome) {
    case "failed":
      return `${open}>\n      <failure message="${esc(r.message)}">${esc(detail)}</failure>\n    </testcase>`;
    case "errored":
      return `${open}>\n      <error message="${esc(r.message)}">${esc(detail)}</error>\n    </testcase>`;
    case "skipped":
      return `${open}>\n      <skipped message="${esc(r.message)}"/>\n    </testcase>`;
    case "warning":
      return `${open}>\n      <system-out>${esc(`warning: ${detail}`)}</system-out>\n    </testcase>`;
    default:
      return `${open}/>`;
  }
}

/**
 * Characters XML 1.0 cannot hold at all, even escaped: most C0 controls, U+FFFE, U+FFFF and
 * unpaired surrogates. A target's text can carry any of them; they are written as `\uXXXX`.
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function esc(text: string): string {
  // Most names and messages need nothing: one scan says so.
  if (!/[\u0000-\u001f&<>"\ud800-\udfff\ufffe\uffff]/.test(text)) return text;
  return text
    .replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
