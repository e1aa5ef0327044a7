/**
 * `spec update PROVIDER FILE`: takes a newly published upstream document through the whole
 * chore and reports its impact. In order:
 *   1. validate the new document (bad input: UsageError, nothing touched);
 *   2. record the state before: effective spec, overlay outcomes, pact findings, conformance;
 *   3. replace upstream.yaml byte for byte (and upstream.sha256), re-apply the overlay;
 *   4. regenerate generated/<provider>/, 5. type-check it with the consumer Pact test;
 *   6. re-run check-pacts, 7. re-run conformance against the reference sandbox;
 *   8. write spec-impact.md and spec-impact.json.
 * The working tree is left changed for review; nothing is committed.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "yaml";
import { SpecError } from "../../errors.ts";
import { forgetLoadedSpecs, readDocument } from "../../spec/load.ts";
import { shaLine, sha256Of, SHA_FILE } from "../../spec/lint/overlaid-document.ts";
import { applyOverlay, parseOverlay, OVERLAY_FILE, UPSTREAM_FILE } from "../../spec/overlay.ts";
import { overlayIssues } from "../effective.ts";
import { diffSpecs } from "../diff/index.ts";
import { compareConformance, conformanceRun } from "./conformance.ts";
import { compareSnapshots, regenerate, snapshot, typecheck } from "./generated.ts";
import { problemsOf, type SpecImpact } from "./impact.ts";
import type { SpecUpdateOptions } from "./options.ts";
import { comparePactFindings, pactFindings, providerPactFiles } from "./pacts.ts";
import { readNewDocument } from "./validate.ts";

/** A line of progress for the person running the update. */
export type Progress = (line: string) => void;

export async function specUpdate(options: SpecUpdateOptions, progress: Progress = () => {}): Promise<SpecImpact> {
  const { provider, root } = options;
  const dir = join(root, "specs", provider);
  const overlayFile = join(dir, OVERLAY_FILE);
  const upstreamFile = join(dir, UPSTREAM_FILE);
  const rel = (file: string) => relative(root, file).split("\\").join("/");

  // 1. The new document.
  const incoming = readNewDocument(options.file, relative(process.cwd(), options.file) || options.file);
  const overlay = parseOverlay(parse(readFileSync(overlayFile, "utf8")), rel(overlayFile));

  // 2. The state before.
  progress("recording the state before: effective spec, pacts, conformance");
  const oldBytes = readFileSync(upstreamFile);
  const oldUpstream = readDocument(upstreamFile);
  const oldApplied = applyOverlay(oldUpstream, overlay);
  const pactFiles = providerPactFiles(root, provider);
  const pactsBefore = pactFindings(pactFiles);
  const conformanceBefore = await conformanceRun(provider, options.seed);
  const generatedBefore = snapshot(root, join("generated", provider));

  // 3. Replace upstream verbatim and re-apply the overlay.
  progress(`replacing ${rel(upstreamFile)} and re-applying ${rel(overlayFile)}`);
  writeFileSync(upstreamFile, incoming.bytes);
  writeFileSync(join(dir, SHA_FILE), shaLine(incoming.bytes, UPSTREAM_FILE));
  forgetLoadedSpecs();
  const newApplied = applyOverlay(incoming.document, overlay);
  const issues = overlayIssues(oldApplied.outcomes, newApplied.outcomes);
  const diff = diffSpecs(oldApplied.document, newApplied.document);
  const effectiveOk = !newApplied.outcomes.some((o) => o.conflict);

  // 4-5. Regenerate and type-check.
  progress(`regenerating generated/${provider}/`);
  const generatedStep = effectiveOk ? await regenerate(root, provider, options.stepTimeoutMs) : { ok: false, summary: "not regenerated: the overlay does not apply", details: [] };
  const files = compareSnapshots(generatedBefore, snapshot(root, join("generated", provider)));
  progress("type-checking the generated clients and the consumer Pact test");
  const typecheckStep = generatedStep.ok ? await typecheck(root, provider, options.stepTimeoutMs) : { ok: false, summary: "not type-checked: generation failed", details: [] };

  // 6. Pacts against the new spec.
  progress("re-running check-pacts");
  let pactsAfter = pactsBefore;
  let pactError: string | undefined;
  try {
    pactsAfter = pactFindings(pactFiles);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    pactError = error.message;
  }

  // 7. Conformance against the reference sandbox.
  progress("re-running conformance against the reference sandbox");
  const conformanceAfter = await conformanceRun(provider, options.seed);

  const partial = {
    provider,
    source: relative(process.cwd(), options.file) || options.file,
    upstream: { file: rel(upstreamFile), sha256Before: sha256Of(oldBytes), sha256After: sha256Of(incoming.bytes) },
    diff,
    overlay: { file: rel(overlayFile), actions: overlay.actions.length, issues },
    generated: { step: generatedStep, files },
    typecheck: typecheckStep,
    pacts: { ...comparePactFindings(root, pactFiles, pactsBefore, pactsAfter), ...(pactError ? { error: pactError } : {}) },
    conformance: compareConformance(conformanceBefore, conformanceAfter),
  };
  const problems = problemsOf(partial);
  return { ...partial, problems, exitCode: problems.length > 0 ? 1 : 0 };
}
