/**
 * `npm test`'s test step: `vitest run`, quiet where it should be. What a passing test printed is
 * left out and a failing test's output is shown whole (`--silent=passed-only`); and when the
 * output is not a terminal (a pipe, a CI log) it is plain text, without the colour codes vitest
 * would otherwise write there (NO_COLOR, which the tests' own CLI children inherit too).
 * Arguments are passed on: `npm test` runs everything, `npx tsx scripts/vitest.ts test/cli` a part.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const vitest = fileURLToPath(new URL("../node_modules/vitest/vitest.mjs", import.meta.url));
const env = process.stdout.isTTY ? process.env : { ...process.env, NO_COLOR: "1" };
const result = spawnSync(process.execPath, [vitest, "run", "--silent=passed-only", ...process.argv.slice(2)], { stdio: "inherit", env });
process.exitCode = result.status ?? 1;
