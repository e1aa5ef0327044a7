/**
 * `npm run bench:proxy`: only the proxy part of `npm run bench` (bench/proxy.ts), with the
 * peers installed the same way. It replaces `proxy` in bench/results.json and the proxy section
 * of bench/results.md, and keeps every other figure of the last full run as it is; README.md's
 * figures block is written again from the new results.json (its proxy paragraph changes).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BENCH_CONFIG, REPO_DIR } from "./config.ts";
import { ensurePeers, peerPaths } from "./peers-install.ts";
import { measureProxies } from "./proxy.ts";
import { proxyMarkdown, withProxySection } from "./proxy-report.ts";
import { updateReadme } from "./readme.ts";
import type { BenchResults } from "./results.ts";
import { killAll } from "./spawn.ts";

const dir = new URL(".", import.meta.url).pathname;

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), "payconform-bench-proxy-"));
  try {
    await ensurePeers(300_000);
    process.stderr.write("bench: payconform proxy and Prism's proxy\n");
    const proxy = await measureProxies(BENCH_CONFIG, peerPaths().prism, scratch);
    const results = JSON.parse(readFileSync(join(dir, "results.json"), "utf8")) as BenchResults;
    writeFileSync(join(dir, "results.json"), `${JSON.stringify({ ...results, proxy }, (_k, v: unknown) => (typeof v === "number" && !Number.isInteger(v) ? Number(v.toFixed(3)) : v), 2)}\n`);
    writeFileSync(join(dir, "results.md"), withProxySection(readFileSync(join(dir, "results.md"), "utf8"), proxyMarkdown(proxy)));
    // A results.json from before the paired method has no figures for the README block: leave README.md as it is then.
    if ("coldStart" in results) updateReadme(join(REPO_DIR, "README.md"), { ...results, proxy });
    process.stderr.write(`bench: proxy.overheadVsDirect ${proxy.overheadVsDirect.toFixed(2)} (target ${proxy.target.overheadVsDirect}), proxy.vsPrism ${proxy.vsPrism.toFixed(2)}, added ${proxy.addedMs.toFixed(3)} ms per exchange; wrote bench/results.json, bench/results.md and README.md's figures\n`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    killAll();
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    killAll();
    process.kill(process.pid, signal);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
