/**
 * summary.md: the run in a few lines of GitHub-flavoured Markdown, short enough for
 * $GITHUB_STEP_SUMMARY or a pull-request comment: a headline, the totals, the provider × check
 * matrix, and the first MAX_FINDINGS findings with their values shortened (the other reports
 * keep everything whole and name every finding).
 */
import { shorten } from "../output.ts";
import type { Result, RunEvent, Summary } from "../runner/events.ts";
import { collector, type RunMetadata } from "./collect.ts";
import { matrixOf, verdict, type Verdict } from "./matrix.ts";
import { prepareReportDir, writeReport, type FileReporter } from "./report-file.ts";

/** Findings listed at most; the rest are counted. */
export const MAX_FINDINGS = 20;
/** Longest a value in the list of findings gets. */
const VALUE_LIMIT = 160;

export function markdownReporter(reportDir: string): FileReporter {
  const file = prepareReportDir(reportDir, "summary.md");
  const { run, handle } = collector();
  const reporter: FileReporter = {
    file,
    written: false,
    handle: (event: RunEvent) => handle(event),
    finish: async () => {
      writeReport(reportDir, "summary.md", renderMarkdown({ results: run.results, summary: run.summary(), metadata: run.metadata(), error: run.error }));
      reporter.written = true;
    },
  };
  return reporter;
}

export interface MarkdownSummary {
  results: readonly Result[];
  summary: Summary;
  metadata?: RunMetadata;
  error?: string;
}

const MARK: Record<Verdict, string> = { FAILED: "❌", warn: "⚠️", passed: "✅", "passed*": "✅\\*", skipped: "⏭️", "-": "–" };

export function renderMarkdown({ results, summary, metadata, error }: MarkdownSummary): string {
  const bad = summary.failed + summary.errored;
  const headline = error !== undefined ? "stopped" : bad > 0 ? `${bad} failed or errored` : summary.warnings > 0 ? "conforms, with warnings" : "conforms";
  const lines = [`## payconform: ${headline}`, ""];
  if (metadata) {
    lines.push(
      `${text(`${metadata.tool} ${metadata.version}`)} · target ${text(metadata.target)} · seed ${metadata.seed}${metadata.strict ? " · --strict" : ""} · ${text(metadata.startedAt)} · ${(metadata.durationMs / 1000).toFixed(1)} s`,
      "",
    );
  }
  if (error !== undefined) lines.push(`> The run stopped: ${text(error)}. The results are those of the scenarios that completed.`, "");
  lines.push(`**${summary.passed}** passed · **${summary.failed}** failed · **${summary.errored}** errored · **${summary.skipped}** skipped · **${summary.warnings}** warnings`, "");
  const matrix = matrixOf(results);
  if (matrix.providers.length > 0) {
    lines.push(`| check | ${matrix.providers.map(text).join(" | ")} |`, `|---|${matrix.providers.map(() => ":-:").join("|")}|`);
    for (const check of matrix.checks) {
      const cells = matrix.providers.map((p) => {
        const counts = matrix.counts(p, check);
        const v = verdict(counts);
        const bad = counts.failed + counts.errored;
        return v === "FAILED" ? `${MARK[v]} ${bad}` : v === "warn" ? `${MARK[v]} ${counts.warnings}` : MARK[v];
      });
      lines.push(`| \`${check}\` | ${cells.join(" | ")} |`);
    }
    lines.push("", "❌ failed or errored, ⚠️ warned (count of results) · ✅ passed (\\* some cases skipped) · ⏭️ skipped · – not applicable", "");
  }
  const findings = results.filter((r) => r.outcome === "failed" || r.outcome === "errored" || r.outcome === "warning");
  if (findings.length > 0) {
    lines.push(`### Findings${findings.length > MAX_FINDINGS ? ` (first ${MAX_FINDINGS} of ${findings.length})` : ""}`, "");
    for (const r of findings.slice(0, MAX_FINDINGS)) {
      const values = [r.expected === undefined ? "" : ` expected ${text(shorten(r.expected, VALUE_LIMIT))};`, r.actual === undefined ? "" : ` actual ${text(shorten(r.actual, VALUE_LIMIT))}`].join("");
      lines.push(`- ${r.outcome === "warning" ? "⚠️" : "❌"} **${text(r.provider)}** \`${r.check}\` ${text(shorten(r.case, VALUE_LIMIT))}: ${text(shorten(r.message, VALUE_LIMIT))}.${values}`);
    }
    lines.push("");
  }
  lines.push("Every result, with the curl line that reproduces it: `report.html` and `conformance.json` beside this file.", "");
  return lines.join("\n");
}

/** Text for a Markdown line: no line breaks, and nothing GitHub would read as markup, a table cell border or HTML. */
function text(value: string): string {
  return value.replace(/\s+/g, " ").replace(/[\\`*_{}[\]()<>#+!|~&]/g, (c) => `\\${c}`);
}
