/**
 * A client's request read against the provider's operation: whether it is that operation (its
 * path template and method), its path parameter values, its query, and its body parsed by media
 * type. The path is relative to the proxy's root, which stands for the target's base URL.
 */
import { formFields } from "../pacts/check/body-view.ts";
import { matchTemplate } from "../pacts/check/route.ts";
import type { OperationSpec } from "../spec/model.ts";
import type { ClientRequest } from "./exchange.ts";

export type RouteKind =
  /** The documented operation: its path and method. */
  | "operation"
  /** The operation's path with a method the provider documents elsewhere (Juspay's GET): not judged here. */
  | "other-operation"
  /** The operation's path with a method the provider does not document there: the client's departure. */
  | "wrong-method"
  /** No documented path: another API of the provider, not judged. */
  | "unknown";

export interface RequestView {
  /** The method, upper-case. */
  method: string;
  route: RouteKind;
  /** Path parameter values, percent-decoded; a value that does not decode stays as sent. */
  pathParams: Record<string, string>;
  /** Path parameters whose value is not valid percent-encoding. */
  undecodable: string[];
  query: Record<string, string[]>;
  headers: Record<string, string>;
  /** The body parsed by its media type: form fields, JSON, or the text; undefined when there is none. */
  body?: { mediaType?: string; value: unknown };
}

export function readRequest(op: OperationSpec, request: ClientRequest): RequestView {
  const at = request.path.indexOf("?");
  const pathname = at === -1 ? request.path : request.path.slice(0, at);
  const params = matchTemplate(op.path, pathname);
  const method = request.method.toUpperCase();
  const route: RouteKind = !params ? "unknown" : method === op.method ? "operation" : method in op.otherMethods ? "other-operation" : "wrong-method";
  return {
    method,
    route,
    pathParams: params ?? {},
    undecodable: params ? undecodableParams(op.path, pathname) : [],
    query: queryOf(at === -1 ? "" : request.path.slice(at + 1)),
    headers: request.headers,
    body: bodyOf(request),
  };
}

function undecodableParams(template: string, pathname: string): string[] {
  const names = template.split("/");
  const segments = pathname.split("/");
  const bad: string[] = [];
  for (const [i, part] of names.entries()) {
    const name = /^\{([^}]+)\}$/.exec(part)?.[1];
    if (name === undefined) continue;
    try {
      decodeURIComponent(segments[i]);
    } catch {
      bad.push(name);
    }
  }
  return bad;
}

function queryOf(text: string): Record<string, string[]> {
  const query: Record<string, string[]> = {};
  for (const [name, value] of new URLSearchParams(text)) (query[name] ??= []).push(value);
  return query;
}

function bodyOf(request: ClientRequest): RequestView["body"] {
  if (request.body === undefined || request.body === "") return undefined;
  const mediaType = request.headers["content-type"]?.split(";")[0].trim().toLowerCase();
  if (mediaType === "application/x-www-form-urlencoded") return { mediaType, value: formFields(request.body) };
  if (mediaType === "application/json" || mediaType?.endsWith("+json")) {
    try {
      return { mediaType, value: JSON.parse(request.body) };
    } catch {
      return { mediaType, value: request.body };
    }
  }
  return { mediaType, value: request.body };
}
