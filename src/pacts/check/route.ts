/**
 * Finds the operation an interaction's method and path belong to, by the spec's path templates
 * (OpenAPI 3.1 §4.8.8). A pact path is relative to the provider's base URL; one that still
 * carries a server's base path (Yuno's /v1, Cashfree's /router) is matched without it too.
 * Path segments are split on "/" first and then percent-decoded, so an encoded "/" never moves a
 * boundary.
 */
import type { ApiSpec, OperationSpec } from "../../spec/model.ts";

export type Route =
  | { kind: "match"; op: OperationSpec; pathParams: Record<string, string> }
  | { kind: "wrongMethod"; documented: string[] }
  | { kind: "noRoute" };

export function routeInteraction(spec: ApiSpec, method: string, path: string): Route {
  const documented: string[] = [];
  for (const candidate of candidatePaths(spec, path)) {
    for (const op of spec.operations) {
      const pathParams = matchTemplate(op.path, candidate);
      if (!pathParams) continue;
      if (op.method === method) return { kind: "match", op, pathParams };
      documented.push(`${op.method} ${op.path}`);
    }
  }
  return documented.length > 0 ? { kind: "wrongMethod", documented } : { kind: "noRoute" };
}

/** The values of the template's variables in `path`, or undefined when the path does not fit. */
export function matchTemplate(template: string, path: string): Record<string, string> | undefined {
  const want = template.split("/");
  const have = path.split("?")[0].split("/");
  if (want.length !== have.length) return undefined;
  const values: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const variable = /^\{([^}]+)\}$/.exec(want[i])?.[1];
    if (variable !== undefined) {
      if (have[i] === "") return undefined;
      values[variable] = decode(have[i]);
    } else if (decode(have[i]) !== want[i]) {
      return undefined;
    }
  }
  return values;
}

function candidatePaths(spec: ApiSpec, path: string): string[] {
  const candidates = [path];
  for (const server of spec.servers) {
    let base: string;
    try {
      base = new URL(server.url).pathname.replace(/\/+$/, "");
    } catch {
      continue;
    }
    if (base !== "" && path.startsWith(`${base}/`)) candidates.push(path.slice(base.length));
  }
  return [...new Set(candidates)];
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
