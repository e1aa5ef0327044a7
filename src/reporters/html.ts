/**
 * report.html: one self-contained page (no network fetch of any kind; a Content-Security-Policy
 * forbids them) for a person to read: the run's metadata and totals, the provider × check matrix
 * with the count of each outcome per cell, and every result with filters by provider, check and
 * outcome. Each finding shows its message, expected, actual, basis, the request sent and the curl
 * line that reproduces it. Values are kept whole and HTML-escaped; the filters are a few lines of
 * inline script, and without script every result is shown.
 */
import { CHECK_IDS } from "../checks/ids.ts";
import type { Outcome, Result, RunEvent, Summary } from "../runner/events.ts";
import { collector, type RunMetadata } from "./collect.ts";
import { matrixOf, verdict } from "./matrix.ts";
import { prepareReportDir, writeReport, type FileReporter } from "./report-file.ts";

export function htmlReporter(reportDir: string): FileReporter {
  const file = prepareReportDir(reportDir, "report.html");
  const { run, handle } = collector();
  const reporter: FileReporter = {
    file,
    written: false,
    handle: (event: RunEvent) => handle(event),
    finish: async () => {
      writeReport(reportDir, "report.html", htmlParts({ results: run.results, summary: run.summary(), metadata: run.metadata(), error: run.error }));
      reporter.written = true;
    },
  };
  return reporter;
}

export interface HtmlReport {
  results: readonly Result[];
  summary: Summary;
  metadata?: RunMetadata;
  error?: string;
}

const OUTCOMES: Array<[Outcome, keyof Summary]> = [
  ["failed", "failed"],
  ["errored", "errored"],
  ["warning", "warnings"],
  ["skipped", "skipped"],
  ["passed", "passed"],
];
const ORDER: Record<Outcome, number> = { failed: 0, errored: 1, warning: 2, skipped: 3, passed: 4 };

/** The page a result at a time: a long run's report is never one string. */
export function* htmlParts(report: HtmlReport): Generator<string> {
  const matrix = matrixOf(report.results);
  const results = report.results.map((r, i) => ({ r, i })).sort((a, b) => ORDER[a.r.outcome] - ORDER[b.r.outcome] || a.i - b.i);
  const checks = CHECK_IDS.filter((c) => report.results.some((r) => r.check === c));
  const options = (values: readonly string[]): string => values.map((v) => `<option value="${esc(v)}">${esc(v)}</option>`).join("");
  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>payconform report</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>payconform conformance report</h1>
${metadataLine(report.metadata)}
<p id="totals">${totals(report.summary)}</p>
${report.error === undefined ? "" : `<p class="stopped" id="error">The run stopped before the end: ${esc(report.error)}. The results below are those of the scenarios that completed.</p>`}
</header>
<form id="filters" aria-label="filters">
<label>Provider <select id="filter-provider"><option value="">all</option>${options(matrix.providers)}</select></label>
<label>Check <select id="filter-check"><option value="">all</option>${options(checks)}</select></label>
<label>Outcome <select id="filter-outcome"><option value="">all</option><option value="findings">findings (failed, errored, warning)</option>${options(OUTCOMES.map(([o]) => o))}</select></label>
<button type="reset" id="filter-reset">show all</button>
</form>
<section>
<h2>Provider × check</h2>
<table id="matrix">
<thead><tr><th scope="col">check</th>${matrix.providers.map((p) => `<th scope="col" data-provider="${esc(p)}">${esc(p)}</th>`).join("")}</tr></thead>
<tbody>
${matrix.checks
  .map((check) => {
    const cells = matrix.providers.map((provider) => {
      const counts = matrix.counts(provider, check);
      const data = OUTCOMES.map(([o, key]) => ` data-${o}="${counts[key]}"`).join("");
      const lines = OUTCOMES.filter(([, key]) => counts[key] > 0).map(([o, key]) => `<span class="o-${o}">${counts[key]} ${o}</span>`);
      const v = verdict(counts);
      return `<td data-provider="${esc(provider)}" data-check="${check}" data-verdict="${v}"${data} class="v-${v === "passed*" ? "passed" : v === "-" ? "none" : v.toLowerCase()}">${lines.join("<br>") || "–"}</td>`;
    });
    return `<tr data-check="${check}"><th scope="row">${check}</th>${cells.join("")}</tr>`;
  })
  .join("\n")}
</tbody>
</table>
</section>
<section>
<h2>Results</h2>
<p id="shown">${report.results.length} of ${report.results.length} results shown</p>
<ol id="results">
`;
  for (let i = 0; i < results.length; i++) yield `${i === 0 ? "" : "\n"}${renderResult(results[i].r)}`;
  yield `
</ol>
</section>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function metadataLine(m: RunMetadata | undefined): string {
  if (!m) return "";
  const parts = [
    `${esc(m.tool)} ${esc(m.version)}`,
    `target: <span id="target">${esc(m.target)}</span>`,
    ...(m.stateUrl === undefined ? [] : [`state URL: ${esc(m.stateUrl)}`]),
    `seed ${m.seed}`,
    ...(m.strict ? ["--strict"] : []),
    `started ${esc(m.startedAt)}`,
    `${(m.durationMs / 1000).toFixed(1)} s`,
  ];
  return `<p class="meta">${parts.join(" · ")}</p>`;
}

function totals(s: Summary): string {
  return OUTCOMES.map(([o, key]) => `<span class="o-${o}" data-total="${o}">${s[key]} ${key}</span>`).join(" · ");
}

function renderResult(r: Result): string {
  const fields: Array<[string, string | undefined]> = [
    ["expected", r.expected],
    ["actual", r.actual],
    ["basis", r.basis],
    ["request", r.method === undefined ? undefined : `${r.method} ${r.path ?? ""}`],
    ["duration", r.durationMs === undefined ? undefined : `${r.durationMs} ms`],
  ];
  const details = fields
    .filter((f): f is [string, string] => f[1] !== undefined)
    .map(([name, value]) => `<dt>${name}</dt><dd class="${name}">${esc(value)}</dd>`)
    .join("");
  const curl = r.curl ? `<pre class="curl">${esc(r.curl)}</pre>` : "";
  const body = `${r.message ? `<p class="message">${esc(r.message)}</p>` : ""}<dl>${details}</dl>${curl}`;
  const head = `<span class="badge o-${r.outcome}">${r.outcome}</span> <b>${esc(r.provider)}</b> <code>${esc(r.check)}</code> ${esc(r.case)}`;
  const finding = r.outcome !== "passed" && r.outcome !== "skipped";
  return `<li class="result" data-provider="${esc(r.provider)}" data-check="${esc(r.check)}" data-outcome="${r.outcome}"><details${finding ? " open" : ""}><summary>${head}</summary>${body}</details></li>`;
}

/** Text as HTML text or attribute value. */
function esc(text: string): string {
  if (!/[&<>"']/.test(text)) return text;
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:1.5rem;color:#1b1f24;background:#fff}
h1{font-size:1.4rem;margin:0 0 .3rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
.meta{color:#57606a;margin:.2rem 0}.stopped{background:#fff1e5;border-left:4px solid #bc4c00;padding:.4rem .6rem}
#filters{display:flex;gap:1rem;flex-wrap:wrap;align-items:center;position:sticky;top:0;background:#f6f8fa;padding:.5rem;border:1px solid #d0d7de;border-radius:6px}
table{border-collapse:collapse}th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f6f8fa}td{min-width:6rem;cursor:pointer}
.v-failed{background:#ffebe9}.v-warn{background:#fff8c5}.v-passed{background:#dafbe1}.v-skipped{background:#f6f8fa}.v-none{color:#8c959f;cursor:default}
.o-failed,.o-errored{color:#cf222e}.o-warning{color:#9a6700}.o-passed{color:#1a7f37}.o-skipped{color:#57606a}
.badge{font-weight:600;text-transform:uppercase;font-size:.75rem}
#results{list-style:none;padding:0}.result{border-bottom:1px solid #eaeef2;padding:.2rem 0}
summary{cursor:pointer}dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.3rem 0 .3rem 1.2rem}
dt{color:#57606a}dd{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
.message{margin:.3rem 0 0 1.2rem}pre.curl{margin:.3rem 0 .3rem 1.2rem;padding:.4rem;background:#f6f8fa;white-space:pre-wrap;overflow-wrap:anywhere}
`;

const SCRIPT = `
(() => {
  const pick = (id) => document.getElementById(id);
  const provider = pick("filter-provider"), check = pick("filter-check"), outcome = pick("filter-outcome");
  const results = [...document.querySelectorAll("#results > li")];
  const findings = new Set(["failed", "errored", "warning"]);
  function apply() {
    const p = provider.value, c = check.value, o = outcome.value;
    let shown = 0;
    for (const li of results) {
      const d = li.dataset;
      const ok = (!p || d.provider === p) && (!c || d.check === c) && (!o || (o === "findings" ? findings.has(d.outcome) : d.outcome === o));
      li.hidden = !ok;
      if (ok) shown++;
    }
    for (const el of document.querySelectorAll("#matrix [data-provider]")) el.hidden = Boolean(p) && el.dataset.provider !== p;
    for (const tr of document.querySelectorAll("#matrix tbody tr")) tr.hidden = Boolean(c) && tr.dataset.check !== c;
    pick("shown").textContent = shown + " of " + results.length + " results shown";
  }
  for (const select of [provider, check, outcome]) select.addEventListener("change", apply);
  pick("filters").addEventListener("reset", () => setTimeout(apply));
  for (const td of document.querySelectorAll("#matrix td[data-provider]")) {
    td.addEventListener("click", () => {
      if (td.dataset.verdict === "-") return;
      provider.value = td.dataset.provider;
      check.value = td.dataset.check;
      apply();
      pick("results").scrollIntoView();
    });
  }
})();
`;
