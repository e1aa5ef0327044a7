/**
 * Effective specs for comparing versions: a document as `readDocument` gives it, or a provider's
 * upstream document with the provider's own overlay applied (the overlay stays where it is).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { SpecError, UsageError } from "../errors.ts";
import { HTTP_PROVIDERS, SPECS_DIR, isHttpProvider, type HttpProvider } from "../providers.ts";
import { readDocument } from "../spec/load.ts";
import { applyOverlay, parseOverlay, OVERLAY_FILE, type ActionOutcome, type OverlayDocument } from "../spec/overlay.ts";
import type { OverlayActionIssue } from "./update/impact.ts";

type Obj = Record<string, unknown>;

export interface Effective {
  document: Obj;
  /** With a provider overlay: what became of each action. */
  outcomes: ActionOutcome[];
}

/** The providers whose spec folder keeps an upstream document and an overlay. */
export function overlaidProviders(specsDir = SPECS_DIR): HttpProvider[] {
  return HTTP_PROVIDERS.filter((p) => existsSync(join(specsDir, p, OVERLAY_FILE)));
}

export function providerOverlay(provider: string, specsDir = SPECS_DIR): OverlayDocument {
  const overlaid = overlaidProviders(specsDir);
  if (!isHttpProvider(provider)) throw new UsageError(`unknown provider "${provider}" (expected one of ${HTTP_PROVIDERS.join(", ")})`);
  if (!overlaid.includes(provider)) throw new UsageError(`${provider} has no upstream document and overlay (providers with one: ${overlaid.join(", ")})`);
  const file = join(specsDir, provider, OVERLAY_FILE);
  return parseOverlay(parse(readFileSync(file, "utf8")), file);
}

/** `file` (an upstream document) with `overlay` applied; with no overlay, the document itself. */
export function effectiveOf(file: string, overlay?: OverlayDocument): Effective {
  const document = readDocument(file);
  if (!overlay) return { document, outcomes: [] };
  const applied = applyOverlay(document, overlay);
  const conflict = applied.outcomes.find((o) => o.conflict);
  if (conflict) throw new SpecError(`overlay action ${conflict.index} (${conflict.name}) does not fit ${file}: ${conflict.conflict}`);
  return applied;
}

/** Actions that no longer apply, conflict, or newly override a value upstream now documents. */
export function overlayIssues(before: readonly ActionOutcome[], after: readonly ActionOutcome[]): OverlayActionIssue[] {
  const issues: OverlayActionIssue[] = [];
  for (const o of after) {
    const base = { action: o.index, name: o.name, target: o.target };
    if (o.matched.length === 0) issues.push({ ...base, problem: "no-match", detail: "its target selects nothing in the new upstream document: the annotation needs a human" });
    if (o.conflict) issues.push({ ...base, problem: "conflict", detail: o.conflict });
    const old = new Set((before[o.index]?.overrides ?? []).map((v) => v.pointer));
    for (const v of o.overrides.filter((v) => !old.has(v.pointer))) {
      issues.push({ ...base, problem: "overrides", detail: `now overrides upstream's own ${v.pointer} (${JSON.stringify(v.was)} upstream, ${JSON.stringify(v.now)} from the overlay): check whether the addition still stands` });
    }
  }
  return issues;
}
