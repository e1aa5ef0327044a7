/**
 * `payconform spec diff OLD NEW [--provider P] [--json]`: classifies every change between two
 * versions of an effective spec for a consumer: breaking, non-breaking or annotation only. With
 * --provider, OLD and NEW are upstream documents and P's overlay is applied to both; the overlay
 * actions that no longer apply to NEW, or now override a value NEW documents, are listed. Returns 0
 * when nothing is breaking, 1 otherwise.
 */
import { parseArgs } from "node:util";
import { UsageError } from "../errors.ts";
import { effectiveOf, overlayIssues, providerOverlay } from "../spec-change/effective.ts";
import { diffSummaryLine, formatDiffTable } from "../spec-change/diff/format.ts";
import { diffSpecs } from "../spec-change/diff/index.ts";

const USAGE = "usage: payconform spec diff OLD NEW [--provider P] [--json]";

export async function specDiffCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { provider: { type: "string" }, json: { type: "boolean" } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split("\n")[0]} (${USAGE})`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 2) throw new UsageError(`spec diff takes two files, OLD and NEW, got ${positionals.length} (${USAGE})`);
  const overlay = values.provider === undefined ? undefined : providerOverlay(values.provider);
  const [before, after] = positionals.map((file) => effectiveOf(file, overlay));
  const diff = diffSpecs(before.document, after.document);
  const issues = overlayIssues(before.outcomes, after.outcomes);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ...diff, ...(overlay ? { overlayIssues: issues } : {}) }, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatDiffTable(diff)}\n`);
    for (const i of issues) process.stdout.write(`overlay action ${i.action} "${i.name}" (${i.target}): ${i.detail}\n`);
    process.stdout.write(`${diffSummaryLine(diff)}\n`);
  }
  return diff.breaking ? 1 : 0;
}
