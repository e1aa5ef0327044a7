/**
 * Matches a request's path segments against the operation's path template (OpenAPI 3.1 §4.8.8,
 * path templating). Segments arrive still percent-encoded: the raw path is split on "/" first,
 * then each template variable is decoded on its own, so an encoded "/" never moves a boundary.
 */
import type { OperationSpec } from "../spec/model.ts";

export type RouteMatch =
  | { kind: "match"; path: Record<string, string | undefined> }
  | { kind: "wrongMethod"; allow: string }
  | { kind: "noRoute" };

/** The names of the template's path variables, in template order. */
export function pathParamNames(op: OperationSpec): string[] {
  return templateSegments(op).flatMap((s) => (isVariable(s) ? [s.slice(1, -1)] : []));
}

export function route(op: OperationSpec, method: string, segments: string[]): RouteMatch {
  const template = templateSegments(op);
  if (segments.length !== template.length) return { kind: "noRoute" };
  const path: Record<string, string | undefined> = {};
  for (let i = 0; i < template.length; i++) {
    const t = template[i];
    const s = segments[i];
    if (isVariable(t)) {
      if (s === "") return { kind: "noRoute" };
      path[t.slice(1, -1)] = decodeSegment(s);
    } else if (decodeSegment(s) !== t) {
      return { kind: "noRoute" };
    }
  }
  if (method !== op.method) return { kind: "wrongMethod", allow: op.method };
  return { kind: "match", path };
}

/** Percent-decodes one segment; undefined for a malformed escape or a decoded "/". */
export function decodeSegment(segment: string): string | undefined {
  let value: string;
  try {
    value = decodeURIComponent(segment);
  } catch {
    return undefined;
  }
  return value.includes("/") ? undefined : value;
}

function templateSegments(op: OperationSpec): string[] {
  return op.path.split("/").slice(1);
}

function isVariable(segment: string): boolean {
  return segment.startsWith("{") && segment.endsWith("}");
}
