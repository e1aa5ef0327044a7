/**
 * `payconform spec diff OLD NEW [--provider P] [--json]`: classifies every change between two
 * versions of an effective spec for a consumer: breaking, non-breaking or annotation only. With
 * --provider, OLD and NEW are upstream documents and P's overlay is applied to both. Returns 0
 * when nothing is breaking, 1 otherwise.
 */
import { parseArgs } from "node:util";
import { UsageError } from "../errors.ts";
import { effectiveOf, providerOverlay, unappliedActions } from "../spec-change/effective.ts";
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
  const unapplied = unappliedActions(after.outcomes).map((o) => ({ action: o.index, name: o.name, target: o.target }));
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ...diff, ...(overlay ? { unappliedOverlayActions: unapplied } : {}) }, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatDiffTable(diff)}\n`);
    for (const u of unapplied) process.stdout.write(`overlay action ${u.action} "${u.name}" no longer applies: ${u.target} selects nothing in ${positionals[1]}\n`);
    process.stdout.write(`${diffSummaryLine(diff)}\n`);
  }
  return diff.breaking ? 1 : 0;
}
