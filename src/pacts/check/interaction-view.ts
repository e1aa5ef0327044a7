/**
 * Reads the raw interactions of a pact file into HttpInteractions. Headers become lists by
 * lower-case name (V4 keeps lists, V2/V3 comma-joined strings), a V2 query string becomes a map.
 * Interactions that are not HTTP (V4 messages) are left out here.
 */
import { acceptedStatuses } from "../status-matcher.ts";
import { readBody } from "./body-view.ts";
import type { HttpInteraction } from "./model.ts";

type Obj = Record<string, unknown>;

export function isHttpInteraction(raw: unknown): boolean {
  if (!isObj(raw)) return false;
  if (typeof raw.type === "string") return raw.type === "Synchronous/HTTP";
  return isObj(raw.request) && isObj(raw.response) && !Array.isArray(raw.response);
}

export function readHttpInteraction(raw: Obj, index: number): HttpInteraction {
  const base = `$.interactions[${index}]`;
  const request = isObj(raw.request) ? raw.request : {};
  const response = isObj(raw.response) ? raw.response : {};
  const headers = readHeaders(request.headers);
  const responseHeaders = readHeaders(response.headers);
  return {
    index,
    description: typeof raw.description === "string" ? raw.description : "",
    base,
    method: String(request.method ?? "").toUpperCase(),
    path: String(request.path ?? ""),
    pathRegex: pathRegex(request.matchingRules),
    query: readQuery(request.query),
    headers,
    body: readBody(request.body, headers, `${base}.request.body`),
    response: {
      status: Number(response.status),
      accepted: acceptedStatuses(response),
      headers: responseHeaders,
      body: readBody(response.body, responseHeaders, `${base}.response.body`),
    },
  };
}

function readHeaders(raw: unknown): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  if (!isObj(raw)) return headers;
  for (const [name, value] of Object.entries(raw)) {
    const values = Array.isArray(value) ? value.map(String) : String(value).split(/,\s*/);
    headers[name.toLowerCase()] = [...(headers[name.toLowerCase()] ?? []), ...values];
  }
  return headers;
}

function readQuery(raw: unknown): Record<string, string[]> {
  if (typeof raw === "string") {
    const query: Record<string, string[]> = {};
    for (const [name, value] of new URLSearchParams(raw)) query[name] = [...(query[name] ?? []), value];
    return query;
  }
  if (!isObj(raw)) return {};
  return Object.fromEntries(Object.entries(raw).map(([name, value]) => [name, Array.isArray(value) ? value.map(String) : [String(value)]]));
}

/** The regex of a V3/V4 path matching rule (`matchingRules.path`), or of a V2 `$.path` rule. */
function pathRegex(rules: unknown): string | undefined {
  if (!isObj(rules)) return undefined;
  const rule = isObj(rules.path) ? rules.path : isObj(rules["$.path"]) ? rules["$.path"] : undefined;
  if (!rule) return undefined;
  const matchers = Array.isArray(rule.matchers) ? rule.matchers : [rule];
  const regex = matchers.find((m): m is Obj => isObj(m) && m.match === "regex" && typeof m.regex === "string");
  return regex?.regex as string | undefined;
}

function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
