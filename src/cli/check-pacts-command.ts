/**
 * `payconform check-pacts [FILE ...]`: cross-checks pact files (default: every pact in
 * contracts/) against the providers' specs. Returns 0 when clean, 1 on any finding.
 */
import { UsageError } from "../errors.ts";
import { print } from "../output.ts";
import { checkPacts, formatPactFinding } from "../pacts/check/index.ts";

export async function checkPactsCommand(argv: string[]): Promise<number> {
  const flag = argv.find((arg) => arg.startsWith("-"));
  if (flag !== undefined) throw new UsageError(`check-pacts takes pact files only, got "${flag}"`);
  const findings = checkPacts(argv);
  for (const finding of findings) print(`${formatPactFinding(finding)}\n`);
  const interactions = new Set(findings.map((f) => `${f.file}#${f.interaction}`)).size;
  print(findings.length === 0 ? "check-pacts: every interaction conforms to its provider's spec\n" : `check-pacts: ${findings.length} finding(s) in ${interactions} interaction(s)\n`);
  return findings.length > 0 ? 1 : 0;
}
