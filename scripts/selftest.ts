/**
 * `npm run selftest [-- --adapter NAME ... --report-dir DIR]`: runs the suite against every
 * reference sandbox (must be clean), every faulty adapter of the catalogue (each must be caught by
 * its declared check) and every allowed variant (each must raise no false alarm), or only the
 * named adapters and variants, prints the table, and writes
 * DIR/selftest.json (DIR defaults to reports/). Each run's own conformance.json goes under
 * DIR/selftest-runs/, which is replaced on every self-test; nothing is left in the temp folder.
 * Exit codes: 0 every sandbox clean, every adapter caught and every variant quiet, 1 otherwise, 2 the self-test could not run.
 */
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ALTERNATIVES, CATALOGUE } from "../src/catalogue/index.ts";
import { renderSelftest, runSelftest, selftestJson } from "../src/catalogue/selftest.ts";
import { print, writeOutputFile } from "../src/output.ts";
import { PROJECT_ROOT } from "../src/providers.ts";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { adapter: { type: "string", multiple: true }, "report-dir": { type: "string" } } });
  const names = values.adapter;
  const unknown = names?.find((name) => ![...CATALOGUE, ...ALTERNATIVES].some((a) => a.name === name));
  if (unknown) fail(`no adapter or allowed variant named ${unknown} in the catalogue`);
  const adapters = names ? CATALOGUE.filter((a) => names.includes(a.name)) : CATALOGUE;
  const alternatives = names ? ALTERNATIVES.filter((a) => names.includes(a.name)) : ALTERNATIVES;
  const reportDir = values["report-dir"] ?? join(PROJECT_ROOT, "reports");
  const runsDir = join(reportDir, "selftest-runs");
  rmSync(runsDir, { recursive: true, force: true });
  mkdirSync(runsDir, { recursive: true });
  const started = Date.now();
  const result = await runSelftest({ concurrency: 4, reportDir: runsDir, adapters, alternatives });
  print(renderSelftest(result));
  const file = join(reportDir, "selftest.json");
  writeOutputFile(file, `${JSON.stringify(selftestJson(result), null, 2)}\n`);
  print(`\nwrote ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s; reports of each run in ${runsDir}\n`);
  return result.ok ? 0 : 1;
}

function fail(message: string): never {
  throw new Error(message);
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error("selftest:", error instanceof Error ? error.message : error);
  process.exitCode = 2;
}
