/**
 * `payconform inventory`: what each spec documents, per provider: operations, documented
 * statuses, required headers, patterns, and the facts payconform assumed (x-payconform-assumed).
 */
import type { Command } from "commander";
import { print } from "../output.ts";
import { HTTP_PROVIDERS } from "../providers.ts";
import { readDocument } from "../spec/load.ts";
import { loadSpec } from "../spec/load.ts";

/** No arguments, no options. */
export function configure(_command: Command): void {}

export async function action(): Promise<number> {
  for (const provider of HTTP_PROVIDERS) print(`${renderInventory(provider)}\n`);
  return 0;
}

export function renderInventory(provider: (typeof HTTP_PROVIDERS)[number]): string {
  const spec = loadSpec(provider);
  const lines = [`${provider} (${spec.title}, OpenAPI ${spec.openapi})`];
  for (const s of spec.servers) lines.push(`  server ${s.environment}: ${s.url}${s.placeholder ? " (placeholder)" : ""}`);
  for (const op of spec.operations) {
    lines.push(`  ${op.operationId}: ${op.method} ${op.path}`);
    lines.push(`    statuses: ${op.responses.map((r) => `${r.status}${r.statusBasis === "assumed" ? " (assumed)" : ""}`).join(", ")}`);
    const headers = op.parameters.filter((p) => p.in === "header" && p.required).map((p) => p.name);
    const auth = op.security.map((s) => s.headerName ?? `Authorization: ${s.scheme}`);
    lines.push(`    required headers: ${[...auth, ...headers].join(", ") || "none"}`);
    for (const p of op.parameters.filter((p) => typeof p.schema.pattern === "string")) {
      lines.push(`    pattern ${p.in} ${p.name}: ${String(p.schema.pattern)}${p.assumed.pattern ? " (assumed)" : ""}`);
    }
  }
  for (const [pointer, text] of assumedFacts(readDocument(spec.file))) lines.push(`    assumed ${pointer}: ${text}`);
  return lines.join("\n");
}

/** Every x-payconform-assumed mark in a raw document, by JSON pointer. */
export function assumedFacts(node: unknown, pointer = "#"): Array<[string, string]> {
  if (node === null || typeof node !== "object") return [];
  const out: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(node)) {
    const here = `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    if (key === "x-payconform-assumed") {
      const text = typeof value === "string" ? value : Object.entries(value as object).map(([k, v]) => `${k}: ${String(v)}`).join("; ");
      out.push([pointer, text.replace(/\s+/g, " ").trim()]);
    } else out.push(...assumedFacts(value, here));
  }
  return out;
}
