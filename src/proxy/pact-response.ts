/**
 * The response half of a recorded Pact V4 interaction: the status (behind a V4 status matcher
 * listing every status `run` accepts, where the case accepts any documented rejection, as the
 * committed contracts do: src/pacts/rejection.ts), the media type, and the body with matchers
 * that carry the documented rules. An error code or type (at the profile's error-code pointers)
 * is matched by a regex over the codes the document gives for the accepted statuses; any other
 * value pinned by the schema (an enum or const) by a regex over those values; everything else by
 * type, so a request id or a message that differs on replay still matches.
 */
import { documentedCodes } from "../checks/error-code-conformance.ts";
import type { HttpResponse } from "../http/types.ts";
import { authRejectionStatuses, documentedStatuses, rejectionStatuses } from "../pacts/rejection.ts";
import type { ProviderProfile } from "../profiles/profile.ts";
import { schemaForPointer } from "../spec/basis.ts";
import { responseFor, type OperationSpec } from "../spec/model.ts";
import type { Accepts } from "./classify.ts";
import { rules } from "./pact-request.ts";

type Obj = Record<string, unknown>;

export function pactResponse(op: OperationSpec, profile: ProviderProfile, response: HttpResponse, accepts: Accepts): Obj {
  const statuses = acceptedStatuses(op, accepts, response.status);
  const out: Obj = { status: response.status };
  const contentType = response.headers["content-type"];
  if (contentType !== undefined) out.headers = { "Content-Type": [contentType] };
  const matchingRules: Obj = {};
  if (response.text !== "") {
    const value = parsedJson(response);
    out.body = { content: value ?? response.text, contentType: contentType ?? "text/plain", encoded: false };
    if (value !== undefined) {
      const body: Obj = {};
      leafRules({ op, profile, statuses, accepts }, value, "$", "", body);
      if (Object.keys(body).length > 0) matchingRules.body = body;
    }
  }
  if (statuses.length > 1) matchingRules.status = { $: rules({ match: "statusCode", status: statuses }) };
  if (Object.keys(matchingRules).length > 0) out.matchingRules = matchingRules;
  return out;
}

/** The statuses the recorded interaction accepts: those `run` accepts for the case, when the status seen is one of them. */
function acceptedStatuses(op: OperationSpec, accepts: Accepts, status: number): number[] {
  const provider = op.provider;
  const clientErrors = documentedStatuses(provider).filter((s) => s >= 400 && s < 500);
  const listed = accepts === "rejection" ? rejectionStatuses(provider) : accepts === "auth-rejection" ? authRejectionStatuses(provider) : accepts === "refusal" ? clientErrors : [status];
  return listed.includes(status) ? listed : [status];
}

function parsedJson(response: HttpResponse): unknown {
  if (!/json/i.test(response.mediaType ?? "")) return undefined;
  try {
    return JSON.parse(response.text);
  } catch {
    return undefined;
  }
}

interface BodyContext {
  op: OperationSpec;
  profile: ProviderProfile;
  statuses: readonly number[];
  accepts: Accepts;
}

/** A matcher for every leaf of `value` (an array as a whole), keyed by Pact JSON path; `pointer` is the JSON pointer of `value`. */
function leafRules(ctx: BodyContext, value: unknown, path: string, pointer: string, out: Obj): void {
  if (Array.isArray(value)) {
    if (value.length > 0) out[path] = rules({ match: "type", min: 1 });
    return;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) leafRules(ctx, child, childPath(path, key), `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, out);
    return;
  }
  if (value === null) return;
  if (typeof value === "string") {
    const pinned = pinnedValues(ctx, pointer, value);
    out[path] = pinned.includes(value) ? rules({ match: "regex", regex: oneOf(pinned, value) }) : rules({ match: "type" });
    return;
  }
  out[path] = rules({ match: typeof value === "number" ? (Number.isInteger(value) ? "integer" : "decimal") : "type" });
}

/**
 * The documented values at a pointer: the error codes there, or the schema's enum or const, over
 * every accepted status. An error code seen on an exchange of one exact status is pinned to
 * itself; where any rejection is accepted, the not-found code is left out, as in the contracts.
 */
function pinnedValues(ctx: BodyContext, pointer: string, seen: string): string[] {
  const { op, profile } = ctx;
  const values = new Set<string>();
  const code = profile.errorCodePointers.includes(pointer);
  const notFound = profile.notFound.code;
  for (const status of ctx.statuses) {
    const doc = responseFor(op, status);
    if (!doc) continue;
    if (code) {
      for (const documented of documentedCodes(doc, pointer)) {
        if (ctx.accepts === "exact" && documented !== seen) continue;
        if ((ctx.accepts === "rejection" || ctx.accepts === "auth-rejection") && notFound?.pointer === pointer && notFound.value === documented) continue;
        values.add(documented);
      }
      continue;
    }
    const schema = schemaForPointer(doc.schema, pointer)?.schema;
    if (typeof schema?.const === "string") values.add(schema.const);
    if (Array.isArray(schema?.enum)) for (const v of schema.enum) if (typeof v === "string") values.add(v);
  }
  return [...values];
}

/** `^(A|B)$` with the value seen first, escaped. */
function oneOf(values: readonly string[], first: string): string {
  const ordered = [first, ...values.filter((v) => v !== first)].map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return ordered.length === 1 ? `^${ordered[0]}$` : `^(${ordered.join("|")})$`;
}

function childPath(path: string, key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${path}.${key}` : `${path}['${key.replace(/'/g, "\\'")}']`;
}
