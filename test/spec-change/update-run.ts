/**
 * Runs `payconform spec update` on an evolved upstream document inside a throwaway copy of the
 * project, and reads back what it left: the impact report (JSON and Markdown) and the files.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import type { SpecImpact } from "../../src/spec-change/update/impact.ts";
import type { CliResult } from "../cli/spawn-cli.ts";
import { upstreamText, type Evolution } from "./evolutions.ts";
import { copyProject, type ProjectCopy } from "./project-copy.ts";

export interface UpdateRun {
  copy: ProjectCopy;
  result: CliResult;
  impact: SpecImpact;
  markdown: string;
  /** The bytes handed to `spec update`. */
  published: string;
  read(path: string): string;
}

/** Applies every evolution (all for one provider) to its current upstream document and runs the update. */
export async function runUpdate(...evolutions: Evolution[]): Promise<UpdateRun> {
  const provider = evolutions[0].provider;
  const doc = parse(upstreamText(provider));
  for (const e of evolutions) e.edit(doc);
  const published = stringify(doc, { lineWidth: 0 });
  const copy = copyProject();
  writeFileSync(join(copy.root, "published.yaml"), published);
  const result = await copy.cli(["spec", "update", provider, "published.yaml", "--report-dir", "impact"]);
  const read = (path: string) => readFileSync(join(copy.root, path), "utf8");
  let impact: SpecImpact;
  try {
    impact = JSON.parse(read("impact/spec-impact.json"));
  } catch {
    throw new Error(`spec update wrote no impact report (exit ${result.code}): ${result.stderr}${result.stdout}`);
  }
  return { copy, result, impact, markdown: read("impact/spec-impact.md"), published, read };
}

/** [class, kind] of every classified change. */
export const rows = (impact: SpecImpact) => impact.diff.changes.map((c) => [c.class, c.kind]);
