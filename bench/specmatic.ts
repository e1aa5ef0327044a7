/**
 * Specmatic's contract test against a target: `java -jar specmatic.jar test --testBaseURL URL`
 * (the jar itself: the npm wrapper exits 0 even when tests fail), from a scratch folder whose
 * specmatic.yaml names the spec and switches resiliency tests on, so Specmatic also sends the
 * negative requests it can generate. Real credentials go in environment variables named after
 * the security schemes, as Specmatic reads them.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SandboxHandle } from "../src/sandboxes/types.ts";
import type { PeerRun } from "./dredd.ts";
import { effectiveSpecFile, schemeEnv } from "./peer-inputs.ts";
import { plain, run } from "./spawn.ts";

export async function runSpecmatic(jar: string, handle: SandboxHandle, dir: string, timeoutMs: number): Promise<PeerRun> {
  mkdirSync(dir, { recursive: true });
  const config = ["version: 2", "contracts:", "  - provides:", `      - ${effectiveSpecFile(handle.provider)}`, "test:", "  resiliencyTests:", "    enable: all", ""];
  writeFileSync(join(dir, "specmatic.yaml"), config.join("\n"));
  const result = await run("java", ["-jar", jar, "test", "--testBaseURL", handle.baseUrl], { cwd: dir, timeoutMs, env: { ...process.env, ...schemeEnv(handle) } });
  const out = plain(result.stdout + result.stderr);
  const summary = /Tests run: (\d+), Successes: (\d+), Failures: (\d+), WIP: (\d+), Errors: (\d+)/.exec(out);
  return {
    wallMs: result.ms,
    exitCode: result.code,
    timedOut: result.timedOut,
    passed: summary ? Number(summary[2]) : 0,
    failed: summary ? Number(summary[3]) : 0,
    errored: summary ? Number(summary[5]) : 0,
    failures: specmaticFailures(out),
    tail: out.split("\n").slice(-6).join("\n"),
  };
}

/** Under "Unsuccessful Scenarios:": each quoted scenario, and the first line that says what was expected. */
function specmaticFailures(out: string): Record<string, string> {
  const failures: Record<string, string> = {};
  const at = out.indexOf("Unsuccessful Scenarios:");
  if (at === -1) return failures;
  let current: string | undefined;
  for (const raw of out.slice(at).split("\n")) {
    const line = raw.trim();
    const scenario = /^"(.+) FAILED"$/.exec(line);
    if (scenario) {
      current = scenario[1].replace(/^[+-]ve\s+/, "");
      failures[current] = "";
      continue;
    }
    if (current && failures[current] === "" && /expected|Expected|mismatch|not match|missing|Key named/.test(line) && !line.startsWith("Documentation")) failures[current] = line;
    if (line.startsWith("Tests run:")) break;
  }
  return failures;
}
