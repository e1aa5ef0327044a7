/**
 * `checkPacts`: every interaction of the given pact files (default: every pact in contracts/)
 * against its provider's spec. Returns the findings; [] when the pacts conform.
 */
import { CONTRACTS_DIR } from "../names.ts";
import { listPactFiles, readPactFile } from "../pact-files.ts";
import { checkPact } from "./check-pact.ts";
import type { PactFinding } from "./model.ts";

export function checkPacts(files?: readonly string[]): PactFinding[] {
  const pacts = files && files.length > 0 ? files.map((file) => readPactFile(file)) : listPactFiles(CONTRACTS_DIR);
  return pacts.flatMap((pact) => checkPact(pact));
}

/** One line per finding: file, JSON path, check, interaction and message. */
export function formatPactFinding(finding: PactFinding, relativeTo = process.cwd()): string {
  const file = finding.file.startsWith(`${relativeTo}/`) ? finding.file.slice(relativeTo.length + 1) : finding.file;
  const interaction = finding.interaction === "" ? "" : ` "${finding.interaction}"`;
  return `${file} ${finding.path} [${finding.check}]${interaction}: ${finding.message}`;
}

export { checkPact } from "./check-pact.ts";
export { HTTP_PACT_CHECKS } from "./registry.ts";
export { PACT_CHECK_IDS, type PactCheckId, type PactFinding } from "./model.ts";
