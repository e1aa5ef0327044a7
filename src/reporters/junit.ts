/**
 * junit.xml: one testsuite per provider, one testcase per result (`check: case`). Failed results
 * are <failure>, errored <error>, skipped <skipped/>; warnings pass with a <system-out> note.
 * A run stopped by a tool error or an interrupt adds a "payconform" suite whose one testcase is
 * that <error>, so CI never reads a stopped run as green. Text from a target is escaped, and
 * characters XML cannot hold are replaced, so the file always parses.
 */
import type { Reporter, Result, RunEvent } from "../runner/events.ts";
import { prepareReportDir, writeReport } from "./report-file.ts";

export function junitReporter(reportDir: string): Reporter {
  prepareReportDir(reportDir);
  const results: Result[] = [];
  let aborted: string | undefined;
  return {
    handle: (event: RunEvent) => {
      if (event.type === "result") results.push(event.result);
      if (event.type === "run-aborted") aborted = event.message;
    },
    finish: async () => {
      writeReport(reportDir, "junit.xml", renderJunit(results, aborted));
    },
  };
}

export function renderJunit(results: readonly Result[], aborted?: string): string {
  const providers = [...new Set(results.map((r) => r.provider))];
  const count = (rs: readonly Result[], outcome: Result["outcome"]): number => rs.filter((r) => r.outcome === outcome).length;
  const suites = providers.map((provider) => {
    const rs = results.filter((r) => r.provider === provider);
    const cases = rs.map(renderCase).join("\n");
    return `  <testsuite name="${esc(provider)}" tests="${rs.length}" failures="${count(rs, "failed")}" errors="${count(rs, "errored")}" skipped="${count(rs, "skipped")}">\n${cases}\n  </testsuite>`;
  });
  if (aborted !== undefined) {
    suites.push(`  <testsuite name="payconform" tests="1" failures="0" errors="1" skipped="0">\n    <testcase classname="payconform" name="run">\n      <error message="${esc(aborted)}">${esc(aborted)}</error>\n    </testcase>\n  </testsuite>`);
  }
  const extra = aborted === undefined ? 0 : 1;
  const head = `<testsuites name="payconform" tests="${results.length + extra}" failures="${count(results, "failed")}" errors="${count(results, "errored") + extra}" skipped="${count(results, "skipped")}">`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}\n${suites.join("\n")}\n</testsuites>\n`;
}

function renderCase(r: Result): string {
  const open = `    <testcase classname="${esc(`${r.provider}.${r.operationId}`)}" name="${esc(`${r.check}: ${r.case}`)}"`;
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
  return text
    .replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
