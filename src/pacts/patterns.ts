/**
 * The documented rules that pact matchers carry, as regular expressions (ECMAScript source, the
 * semantics Ajv gives a `pattern`): the path of an operation with each parameter's pattern in
 * place, and the shape of each credential header. Consumer tests wrap them in Pact regex
 * matchers; the values themselves stay plain data.
 */
import { PROFILES } from "../profiles/index.ts";
import type { HttpProvider } from "../providers.ts";
import type { OperationSpec, ParameterSpec } from "../spec/model.ts";
import { deleteOperation } from "./credential-headers.ts";

/** Anything that fits one path segment, for parameters with no documented pattern. */
const ANY_SEGMENT = "[^/]+";

/** `^/api/v0/customer/KC[A-Z0-9]{14}$` for EnKash: the path template with each parameter's pattern. */
export function pathPattern(op: OperationSpec): string {
  const parts = op.path.split(/(\{[^}]+\})/).map((part) => {
    const name = /^\{([^}]+)\}$/.exec(part)?.[1];
    if (name === undefined) return escapeRegex(part);
    const param = op.parameters.find((p) => p.in === "path" && p.name === name);
    const segment = segmentPattern(param);
    return segment.includes("|") ? `(?:${segment})` : segment;
  });
  return `^${parts.join("")}$`;
}

/** A parameter's pattern without its anchors; a pattern that is not anchored at both ends may sit anywhere in the segment. */
function segmentPattern(param: ParameterSpec | undefined): string {
  const pattern = typeof param?.schema.pattern === "string" ? param.schema.pattern : undefined;
  if (pattern === undefined) return ANY_SEGMENT;
  if (pattern.startsWith("^") && pattern.endsWith("$") && !pattern.endsWith("\\$")) return pattern.slice(1, -1);
  return `[^/]*(?:${pattern})[^/]*`;
}

const UUID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

/** Header name (lower-case) → the regex every value of that credential header must match. */
export function credentialHeaderPatterns(provider: HttpProvider): Record<string, string> {
  const profile = PROFILES[provider];
  const op = deleteOperation(provider);
  const patterns: Record<string, string> = {};
  for (const scheme of op.security) {
    const source = profile.credentials[scheme.name];
    if (source?.kind === "basic") patterns.authorization = "^Basic [A-Za-z0-9+/]+={0,2}$";
    else if (source?.kind === "bearer") patterns.authorization = "^Bearer \\S+$";
    else if (source?.kind === "apiKey" && scheme.headerName) patterns[scheme.headerName.toLowerCase()] = "^\\S+$";
  }
  for (const [name, source] of Object.entries(profile.headerValues)) {
    if (source.kind !== "env") continue;
    const param = op.parameters.find((p) => p.in === "header" && p.name.toLowerCase() === name.toLowerCase());
    patterns[name.toLowerCase()] = param?.schema.format === "uuid" ? UUID : "^\\S+$";
  }
  return patterns;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
