/**
 * `npm run contracts` runs the consumer tests (test/pact/consumer/) into a fresh folder and
 * replaces the pact files of contracts/ with what they wrote. `npm run contracts:check` (--check)
 * does the same run and compares instead: it names every stale pact file and exits 1, so a
 * contract that no longer matches its consumer test fails `npm test` like stale generated code.
 * Exit 2 when the consumer tests themselves fail.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { CONTRACTS_DIR } from "../src/pacts/names.ts";
import { PROJECT_ROOT } from "../src/providers.ts";
import { comparePacts, readPacts, type PactTree } from "./contracts-compare.ts";

const CONSUMER_TESTS = "test/pact/consumer";

/** Runs the consumer tests with their pact output in `dir`; the tests' output when they fail. */
function runConsumerTests(dir: string): string | undefined {
  const vitest = join(PROJECT_ROOT, "node_modules", "vitest", "vitest.mjs");
  const result = spawnSync(process.execPath, [vitest, "run", CONSUMER_TESTS], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PAYCONFORM_PACT_DIR: dir, PACT_DO_NOT_TRACK: "true" },
    encoding: "utf8",
  });
  return result.status === 0 ? undefined : `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}`;
}

function write(want: PactTree): void {
  for (const file of readPacts(CONTRACTS_DIR).keys()) if (!want.has(file)) unlinkSync(join(CONTRACTS_DIR, file));
  for (const [file, text] of want) writeFileSync(join(CONTRACTS_DIR, file), text);
}

function main(check: boolean): number {
  const out = mkdtempSync(join(tmpdir(), "payconform-contracts-"));
  const label = relative(process.cwd(), CONTRACTS_DIR) || ".";
  try {
    const failure = runConsumerTests(out);
    if (failure !== undefined) {
      console.error(failure);
      console.error(`contracts: the consumer tests in ${CONSUMER_TESTS} failed; no pact files compared or written`);
      return 2;
    }
    const want = readPacts(out);
    if (!check) {
      write(want);
      console.log(`contracts: wrote ${want.size} pact files to ${label}/`);
      return 0;
    }
    const stale = comparePacts(want, readPacts(CONTRACTS_DIR));
    if (stale.length === 0) {
      console.log(`contracts:check: ${label}/ is in sync with the consumer tests (${want.size} pact files)`);
      return 0;
    }
    for (const s of stale) console.log(`stale (${s.state}): ${label}/${s.file}`);
    console.log(`contracts:check: ${stale.length} stale pact file(s); run \`npm run contracts\` and commit the result`);
    return 1;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

process.exitCode = main(process.argv.slice(2).includes("--check"));
