/**
 * `npm run selftest`: runs the suite against every reference sandbox (must be clean) and every
 * faulty adapter of the catalogue (each must be caught by its declared check), prints the table,
 * and writes reports/selftest.json. Each run's own report goes to a temporary folder.
 * Exit codes: 0 every sandbox clean and every adapter caught, 1 otherwise, 2 the self-test could not run.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderSelftest, runSelftest, selftestJson } from "../src/catalogue/selftest.ts";
import { PROJECT_ROOT } from "../src/providers.ts";

async function main(): Promise<number> {
  const runsDir = mkdtempSync(join(tmpdir(), "payconform-selftest-"));
  const started = Date.now();
  const result = await runSelftest({ concurrency: 4, reportDir: runsDir });
  process.stdout.write(renderSelftest(result));
  const reportDir = join(PROJECT_ROOT, "reports");
  mkdirSync(reportDir, { recursive: true });
  const file = join(reportDir, "selftest.json");
  writeFileSync(file, `${JSON.stringify(selftestJson(result), null, 2)}\n`);
  process.stdout.write(`\nwrote ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s; reports of each run in ${runsDir}\n`);
  return result.ok ? 0 : 1;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error("selftest:", error);
  process.exitCode = 2;
}
