import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/providers.ts";

// A fresh process per case: the young generation of the test worker has grown already.
const CHILD = `
import { getHeapSpaceStatistics } from "node:v8";
import { youngGenerationCap } from "./src/runner/young-generation.ts";
const youngSize = () => getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size;
const cap = youngGenerationCap(Number(process.argv[1]));
const kept = [];
for (let i = 0; i < 2_000_000; i++) {
  kept.push({ i, text: "result " + i });
  if (i % 5_000 === 0) cap.check();
}
const grown = youngSize();
cap.release();
console.log(JSON.stringify({ grown, kept: kept.length }));
`;

function youngAfterRetaining(capBytes: number): number {
  const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", CHILD, String(capBytes)], { cwd: PROJECT_ROOT, encoding: "utf8" });
  expect(child.status, child.stderr).toBe(0);
  return (JSON.parse(child.stdout) as { grown: number }).grown;
}

describe("the young generation's cap during a run", () => {
  it("stops the young generation's growth once it reaches the cap, where V8 alone grows it further", () => {
    const capped = youngAfterRetaining(4 * 1024 * 1024);
    const uncapped = youngAfterRetaining(Number.MAX_SAFE_INTEGER);
    expect(capped).toBeLessThanOrEqual(8 * 1024 * 1024);
    expect(uncapped).toBeGreaterThan(capped);
  });
});
