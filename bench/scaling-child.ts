/**
 * Child entry of the scaling step (scaling.ts): K provider runs in this one process, the four
 * providers in turn, each against its own embedded sandbox, with the reporters `payconform run`
 * uses (console on stdout; junit.xml, conformance.json, report.html, summary.md written), all in
 * one `run` as `payconform run --provider a,b,...` would make them. scaling.ts bundles it as
 * the CLI is bundled and runs the bundle, as bin/payconform.mjs runs dist/. Arguments: K, the file for the figures (JSON), the report
 * folder. Writes { K, ms, peakMiB, results }: ms from the run's start to its reports written;
 * peakMiB the process's peak resident set.
 */
import { writeFileSync } from "node:fs";
import { HTTP_PROVIDERS } from "../src/providers.ts";
import { consoleReporter } from "../src/reporters/console.ts";
import { htmlReporter } from "../src/reporters/html.ts";
import { jsonReporter } from "../src/reporters/json.ts";
import { junitReporter } from "../src/reporters/junit.ts";
import { markdownReporter } from "../src/reporters/markdown.ts";
import { resolveRunOptions } from "../src/runner/options.ts";
import { run } from "../src/runner/run.ts";

const [kText = "1", out = "", reportDir = ""] = process.argv.slice(2);
const k = Number(kText);
if (!Number.isInteger(k) || k < 1 || k > 1024 || !out || !reportDir) throw new Error("usage: scaling-child.ts K OUT_FILE REPORT_DIR");
const providers = Array.from({ length: k }, (_v, i) => HTTP_PROVIDERS[i % HTTP_PROVIDERS.length]);
const options = { ...resolveRunOptions({ reportDir }), providers };
const began = performance.now();
const summary = await run(options, [consoleReporter(), junitReporter(reportDir), jsonReporter(reportDir), htmlReporter(reportDir), markdownReporter(reportDir)]);
const ms = performance.now() - began;
const results = summary.passed + summary.failed + summary.errored + summary.skipped + summary.warnings;
writeFileSync(out, JSON.stringify({ K: k, ms, peakMiB: process.resourceUsage().maxRSS / 1024, results }));
