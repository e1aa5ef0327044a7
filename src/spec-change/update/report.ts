/** Writes reports/spec-impact.json (the SpecImpact object) and reports/spec-impact.md (for review). */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../../errors.ts";
import type { SpecImpact } from "./impact.ts";

export function writeImpactReports(dir: string, impact: SpecImpact): { json: string; markdown: string } {
  const json = join(dir, "spec-impact.json");
  const markdown = join(dir, "spec-impact.md");
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(json, `${JSON.stringify(impact, null, 2)}\n`);
    writeFileSync(markdown, renderImpact(impact));
  } catch (error) {
    throw new UsageError(`cannot write the impact report to ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  return { json, markdown };
}

export function renderImpact(impact: SpecImpact): string {
  const out: string[] = [];
  const cell = (text: unknown) => String(text ?? "").replace(/\|/g, "\\|").replace(/\s+/g, " ");
  out.push(`# Spec impact: ${impact.provider}`, "");
  out.push(`New upstream document: \`${impact.source}\` → \`${impact.upstream.file}\` (sha256 ${impact.upstream.sha256Before.slice(0, 12)}… → ${impact.upstream.sha256After.slice(0, 12)}…).`, "");
  out.push(impact.exitCode === 0 ? "**Verdict: holds.** Nothing breaking, and everything below still holds." : "**Verdict: needs review.**", "");
  for (const p of impact.problems) out.push(`- ${p}`);
  if (impact.problems.length > 0) out.push("");

  const { counts } = impact.diff;
  out.push("## Classified diff", "", `${counts.breaking} breaking, ${counts["non-breaking"]} non-breaking, ${counts.annotation} annotation only.`, "");
  if (impact.diff.changes.length > 0) {
    out.push("| class | kind | operation | change |", "|---|---|---|---|");
    for (const c of impact.diff.changes) out.push(`| ${c.class} | ${c.kind} | ${cell(c.operation)} | ${cell(c.message)} |`);
    out.push("");
  }

  out.push("## Overlay actions that no longer apply", "", `\`${impact.overlay.file}\`: ${impact.overlay.actions} action(s).`, "");
  if (impact.overlay.issues.length === 0) out.push("Every action still applies as before.", "");
  else {
    out.push("| action | name | target | problem |", "|---|---|---|---|");
    for (const i of impact.overlay.issues) out.push(`| ${i.action} | ${cell(i.name)} | \`${cell(i.target)}\` | ${cell(i.detail)} |`);
    out.push("");
  }

  out.push("## Generated files", "", impact.generated.step.summary + ".", "");
  if (impact.generated.files.length === 0) out.push("No generated file changed.", "");
  else out.push(...impact.generated.files.map((f) => `- \`${f.path}\` (${f.state})`), "");
  for (const d of impact.generated.step.details) out.push(`    ${d}`);
  out.push("## Type check", "", impact.typecheck.summary + ".", "");
  for (const d of impact.typecheck.details) out.push(`- \`${d}\``);
  if (impact.typecheck.details.length > 0) out.push("");

  out.push("## Pacts", "", `Checked: ${impact.pacts.files.map((f) => `\`${f}\``).join(", ") || "none"}.`, "");
  if (impact.pacts.error) out.push(`check-pacts could not run: ${impact.pacts.error}`, "");
  if (impact.pacts.broken.length === 0) out.push("Every interaction still holds.", "");
  else {
    out.push("| pact | interaction | check | where | finding |", "|---|---|---|---|---|");
    for (const b of impact.pacts.broken) out.push(`| \`${cell(b.file)}\` | ${cell(b.interaction)} | ${b.check} | \`${cell(b.path)}\` | ${cell(b.message)} |`);
    out.push("");
  }

  const conf = impact.conformance;
  out.push("## Conformance against the reference sandbox", "");
  out.push(`Before: ${conf.before.total} results, ${conf.before.failed} failed or errored${conf.before.error ? ` (stopped: ${conf.before.error})` : ""}. After: ${conf.after.total} results, ${conf.after.failed} failed or errored${conf.after.error ? ` (stopped: ${conf.after.error})` : ""}.`, "");
  if (conf.sandboxMismatches.length > 0) {
    out.push("The reference sandbox was not changed. These cases fail against it under the new spec: each names a behaviour of the sandbox (or a fact of payconform's provider profile) that needs a human:", "");
    for (const m of conf.sandboxMismatches) out.push(`- \`${m.check}\` ${cell(m.case)}: ${cell(m.message)}`);
    out.push("");
  }
  if (conf.changed.length === 0) out.push("No conformance case changed.", "");
  else {
    out.push("Cases that changed:", "", "| check | case | before | after |", "|---|---|---|---|");
    for (const c of conf.changed) out.push(`| ${c.check} | ${cell(c.case)} | ${c.before ?? "(new case)"} | ${c.after ?? "(case gone)"} |`);
    out.push("");
  }
  out.push("Nothing was committed: review the working tree (`git status`, `git diff`).", "");
  return out.join("\n");
}
