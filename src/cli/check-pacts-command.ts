/**
 * `payconform check-pacts [FILE ...]`: cross-checks pact files (default: every pact in
 * contracts/) against the providers' specs. Returns 0 when clean, 1 on any finding.
 */
import type { Command } from "commander";
import { print } from "../output.ts";
import { checkPacts, formatPactFinding } from "../pacts/check/index.ts";
import type { Invocation } from "./command.ts";

export function configure(command: Command): void {
  command.argument("[file...]", "pact files to check (default: every pact in contracts/)");
}

export async function action({ args: files }: Invocation): Promise<number> {
  const findings = checkPacts(files);
  for (const finding of findings) print(`${formatPactFinding(finding)}\n`);
  const interactions = new Set(findings.map((f) => `${f.file}#${f.interaction}`)).size;
  print(findings.length === 0 ? "check-pacts: every interaction conforms to its provider's spec\n" : `check-pacts: ${findings.length} finding(s) in ${interactions} interaction(s)\n`);
  return findings.length > 0 ? 1 : 0;
}
