/**
 * What each peer is given for a target, derived from payconform's own spec reading and profiles
 * so every tool gets the same credentials: Dredd's headers, Specmatic's environment variables
 * (one per security scheme, by scheme name), and spec copies where a peer needs one adjusted.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { plan } from "../src/cases/model.ts";
import { PROJECT_ROOT, specFile, type HttpProvider } from "../src/providers.ts";
import { buildRequest } from "../src/runner/build-request.ts";
import { loadSpec, readDocument } from "../src/spec/load.ts";
import type { OperationSpec } from "../src/spec/model.ts";
import type { ProviderProfile } from "../src/profiles/profile.ts";
import type { SandboxHandle } from "../src/sandboxes/types.ts";
import { PROFILES } from "../src/profiles/index.ts";

/** The provider's delete operation and profile (no validators compiled). */
function operationOf(provider: HttpProvider): { op: OperationSpec; profile: ProviderProfile } {
  const profile = PROFILES[provider];
  const op = loadSpec(provider).operations.find((o) => o.operationId === profile.operationId);
  if (!op) throw new Error(`${provider}: no operation ${profile.operationId} in its spec`);
  return { op, profile };
}

/** The credential and required headers of a valid request, as "name: value" lines. */
export function validHeaders(handle: SandboxHandle): string[] {
  const { op, profile } = operationOf(handle.provider);
  const request = buildRequest({ op, profile, baseUrl: handle.baseUrl, credentials: handle.credentials, wrongCredentials: {} }, plan(), {});
  return Object.entries(request.headers)
    .filter(([name]) => name !== "accept")
    .map(([name, value]) => `${name}: ${value}`);
}

/** Specmatic reads a real credential from an environment variable named after the security scheme. */
export function schemeEnv(handle: SandboxHandle): Record<string, string> {
  const { op, profile } = operationOf(handle.provider);
  const env: Record<string, string> = {};
  for (const scheme of op.security) {
    const source = profile.credentials[scheme.name];
    if (source && source.kind !== "basic") env[scheme.name] = handle.credentials[source.env] ?? "";
  }
  return env;
}

/**
 * A file holding the provider's effective spec, for peers that read a file: the hand-written
 * openapi.yaml as is, or upstream.yaml with its overlay applied, written to .tmp/bench-specs/.
 */
export function effectiveSpecFile(provider: HttpProvider): string {
  const file = specFile(provider);
  if (file.endsWith("openapi.yaml")) return file;
  const dir = join(PROJECT_ROOT, ".tmp", "bench-specs");
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `${provider}.yaml`);
  writeFileSync(out, stringify(readDocument(file)));
  return out;
}

export interface SpecCopy {
  file: string;
  /** What was changed from specs/, one line each; empty when the copy is verbatim. */
  adjustments: string[];
}

/**
 * The provider's spec for Dredd: Dredd needs an `example` on every path parameter, so a path
 * parameter that has its example only under `schema.example` gets it copied up.
 */
export function dreddSpec(provider: HttpProvider, dir: string): SpecCopy {
  const doc = readDocument(specFile(provider));
  const adjustments: string[] = [];
  const params: Array<[string, Record<string, unknown>]> = [];
  const components = (doc.components as Record<string, unknown> | undefined)?.parameters as Record<string, Record<string, unknown>> | undefined;
  for (const [name, p] of Object.entries(components ?? {})) params.push([`components.parameters.${name}`, p]);
  for (const [path, item] of Object.entries((doc.paths as Record<string, Record<string, unknown>>) ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      const list = (op as { parameters?: Array<Record<string, unknown>> } | undefined)?.parameters;
      if (Array.isArray(list)) list.forEach((p, i) => params.push([`${method} ${path} parameters[${i}]`, p]));
    }
  }
  for (const [where, p] of params) {
    const example = (p.schema as Record<string, unknown> | undefined)?.example;
    if (p.in === "path" && p.example === undefined && example !== undefined) {
      p.example = example;
      adjustments.push(`${where} (${String(p.name)}): example ${JSON.stringify(example)} copied up from its schema`);
    }
  }
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${provider}-dredd.yaml`);
  writeFileSync(file, stringify(doc));
  return { file, adjustments };
}

/** The value Dredd sends for each path parameter: the parameter's example. */
export function pathExamples(provider: HttpProvider): Record<string, string> {
  const { op } = operationOf(provider);
  const out: Record<string, string> = {};
  for (const p of op.parameters) {
    const example = p.example ?? (p.schema as { example?: unknown }).example;
    if (p.in === "path" && typeof example === "string") out[p.name] = example;
  }
  return out;
}

/** Creates the resource Dredd's example request deletes, through the sandbox's provider-state endpoint. */
export async function seedExample(handle: SandboxHandle): Promise<Record<string, string>> {
  const params = pathExamples(handle.provider);
  const response = await fetch(handle.stateUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ state: PROFILES[handle.provider].fixtureState, params, action: "setup" }),
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) throw new Error(`seeding ${JSON.stringify(params)} failed: ${response.status} ${await response.text()}`);
  return params;
}
