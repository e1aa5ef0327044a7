/**
 * `payconform spec diff OLD NEW [--provider P] [--json]`: classifies every change between two
 * versions of an effective spec for a consumer: breaking, non-breaking or annotation only. With
 * --provider, OLD and NEW are upstream documents and P's overlay is applied to both; the overlay
 * actions that no longer apply to NEW, or now override a value NEW documents, are listed. Returns 0
 * when nothing is breaking, 1 otherwise.
 */
import type { Command } from "commander";
import { print } from "../output.ts";
import { effectiveOf, overlayIssues, providerOverlay } from "../spec-change/effective.ts";
import { diffSummaryLine, formatDiffTable } from "../spec-change/diff/format.ts";
import { diffSpecs } from "../spec-change/diff/index.ts";
import { flag, option, type Invocation } from "./command.ts";

/** The command's options. */
interface SpecDiffOptions {
  /** Read OLD and NEW as this provider's upstream documents and apply its overlay to both. */
  provider?: string;
  json?: boolean;
}

export function configure(command: Command): void {
  command
    .argument("<old>", "the earlier version (YAML or JSON; an overlay file reads as its effective document)")
    .argument("<new>", "the later version")
    .addOption(option("--provider <name>", "read OLD and NEW as this provider's upstream documents (yuno, cashfree) and apply its overlay to both", "none: each file as it is"))
    .addOption(flag("--json", 'print {"changes", "counts", "breaking"} as JSON instead of the table'));
}

export async function action({ options, args }: Invocation): Promise<number> {
  const { provider, json } = options as SpecDiffOptions;
  const overlay = provider === undefined ? undefined : providerOverlay(provider);
  const [before, after] = args.map((file) => effectiveOf(file, overlay));
  const diff = diffSpecs(before.document, after.document);
  const issues = overlayIssues(before.outcomes, after.outcomes);
  if (json) {
    print(`${JSON.stringify({ ...diff, ...(overlay ? { overlayIssues: issues } : {}) }, null, 2)}\n`);
  } else {
    print(`${formatDiffTable(diff)}\n`);
    for (const i of issues) print(`overlay action ${i.action} "${i.name}" (${i.target}): ${i.detail}\n`);
    print(`${diffSummaryLine(diff)}\n`);
  }
  return diff.breaking ? 1 : 0;
}
