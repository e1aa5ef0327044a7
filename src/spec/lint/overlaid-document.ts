/**
 * Lints a provider folder that keeps the provider's published document verbatim
 * (`upstream.yaml`) and payconform's additions as an OpenAPI Overlay 1.0 document
 * (`overlay.yaml`, which `extends` the upstream file):
 * - upstream.yaml is linted as the OpenAPI document it is, and its bytes must match the SHA-256
 *   recorded in `upstream.sha256` (it is never edited by hand; `payconform spec update` replaces it);
 * - overlay.yaml must be an Overlay 1.0 document, every action must carry a description (its name)
 *   and select at least one node of the upstream document, and none may conflict with its target;
 * - the effective document (upstream + overlay) is linted too; what it breaks that upstream did
 *   not is a violation of overlay.yaml.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { SpecError } from "../../errors.ts";
import { applyOverlay, overlayProblems, type OverlayDocument } from "../overlay.ts";
import { parseYaml, readText } from "./input.ts";
import { isObj } from "./schema-walk.ts";
import type { Violation } from "./violation.ts";

export const SHA_FILE = "upstream.sha256";

/** How the OpenAPI checks are run on one document (the lint's own `lintDocument`). */
export type DocumentLinter = (file: string, doc: unknown) => Violation[];

export interface OverlaidLint {
  violations: Violation[];
  /** The OpenAPI documents checked: the upstream and the effective one. */
  documents: number;
}

export function lintOverlaid(root: string, dir: string, lintOpenApi: DocumentLinter): OverlaidLint {
  const overlayFile = posix.join(dir, "overlay.yaml");
  const parsed = parseYaml(overlayFile, readText(root, overlayFile, SpecError));
  if (!parsed.ok) return { violations: parsed.violations, documents: 0 };
  const problems = overlayProblems(parsed.value);
  if (problems.length > 0) return { violations: problems.map((p) => ({ file: overlayFile, ...p })), documents: 0 };
  const overlay = parsed.value as OverlayDocument;
  if (overlay.extends === undefined || overlay.extends.includes(":") || overlay.extends.includes("/")) {
    return { violations: [{ file: overlayFile, pointer: "/extends", message: "must name the upstream file beside the overlay (extends: upstream.yaml)" }], documents: 0 };
  }
  const upstreamFile = posix.join(dir, overlay.extends);
  const violations: Violation[] = [...checkSha(root, dir, overlay.extends)];
  const upstream = parseYaml(upstreamFile, readText(root, upstreamFile, SpecError));
  if (!upstream.ok) return { violations: [...violations, ...upstream.violations], documents: 1 };
  const upstreamViolations = lintOpenApi(upstreamFile, upstream.value);
  violations.push(...upstreamViolations);
  if (!isObj(upstream.value)) return { violations, documents: 1 };

  overlay.actions.forEach((action, i) => {
    if (typeof action.description !== "string" || action.description.trim() === "") {
      violations.push({ file: overlayFile, pointer: `/actions/${i}`, message: "an action needs a description: it is the action's name in reports" });
    }
  });
  let applied;
  try {
    applied = applyOverlay(upstream.value, overlay);
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    return { violations: [...violations, { file: overlayFile, pointer: "/actions", message: error.message }], documents: 1 };
  }
  for (const outcome of applied.outcomes) {
    const pointer = `/actions/${outcome.index}`;
    if (outcome.matched.length === 0) {
      violations.push({ file: overlayFile, pointer, message: `action "${outcome.name}": target ${outcome.target} selects nothing in ${upstreamFile}` });
    }
    if (outcome.conflict) violations.push({ file: overlayFile, pointer, message: `action "${outcome.name}": ${outcome.conflict}` });
  }
  const known = new Set(upstreamViolations.map((v) => `${v.pointer}\n${v.message}`));
  const effective = lintOpenApi(overlayFile, applied.document).filter((v) => !known.has(`${v.pointer}\n${v.message}`));
  violations.push(...effective.map((v) => ({ ...v, message: `in the effective document (${upstreamFile} + overlay): ${v.message}` })));
  return { violations, documents: 2 };
}

/** The SHA-256 of a file's bytes, as hex. */
export function sha256Of(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The `sha256sum` line recorded for an upstream file. */
export function shaLine(bytes: Buffer | string, name: string): string {
  return `${sha256Of(bytes)}  ${name}\n`;
}

function checkSha(root: string, dir: string, name: string): Violation[] {
  const shaFile = posix.join(dir, SHA_FILE);
  if (!existsSync(join(root, shaFile))) {
    return [{ file: shaFile, pointer: "", message: `missing: it records the SHA-256 of ${name} as the provider published it` }];
  }
  const upstreamPath = join(root, dir, name);
  if (!existsSync(upstreamPath)) return [];
  const recorded = readFileSync(join(root, shaFile), "utf8").trim().split(/\s+/)[0];
  const actual = sha256Of(readFileSync(upstreamPath));
  if (recorded === actual) return [];
  return [{
    file: posix.join(dir, name),
    pointer: "",
    message: `its bytes (sha256 ${actual.slice(0, 12)}…) are not the published ones recorded in ${SHA_FILE} (${recorded.slice(0, 12)}…): keep upstream verbatim, put changes in overlay.yaml, take a new version with \`payconform spec update\``,
  }];
}
