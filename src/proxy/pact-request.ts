/**
 * The request half of a recorded Pact V4 interaction. Credentials become the contracts'
 * placeholders (src/pacts/placeholders.ts): the configured one the `pact-example-…` value that
 * `verify-pacts` swaps for the real one, any other the `pact-wrong-…` value it sends as it is.
 * An account header (Yuno's x-account-code) becomes the placeholder account, a well-formed code
 * of another account, or `not-a-uuid`, as it was sent. Ids stay behind a regex matcher built from
 * the spec's path template and patterns (src/pacts/patterns.ts), credential headers behind the
 * regex of their documented shape. Only what the document describes is recorded: the path and
 * query, the documented headers, the credentials, and the body with its media type.
 */
import { credentialHeaders } from "../pacts/credential-headers.ts";
import { credentialHeaderPatterns, pathPattern } from "../pacts/patterns.ts";
import { PLACEHOLDER_CREDENTIALS, WRONG_CREDENTIALS } from "../pacts/placeholders.ts";
import type { ProviderProfile } from "../profiles/profile.ts";
import type { OperationSpec } from "../spec/model.ts";
import type { SentCredentials } from "./credentials.ts";
import type { Judged } from "./judge.ts";

/** A well-formed account code (a UUID) that is not the placeholder account: "another account" in a recording. */
const FOREIGN_ACCOUNT_CODE = "00000000-0000-4000-8000-000000000001";
/** An account code that breaks the documented UUID format, as the committed contracts send it. */
const MALFORMED_ACCOUNT_CODE = "not-a-uuid";

type Obj = Record<string, unknown>;

/** Pact's matcher list for one place. */
export function rules(...matchers: Obj[]): Obj {
  return { combine: "AND", matchers };
}

export function pactRequest(op: OperationSpec, profile: ProviderProfile, judged: Judged): Obj {
  const { request } = judged.forwarded;
  const view = judged.view!;
  const headers: Record<string, string[]> = {};
  const headerRules: Obj = {};
  const patterns = credentialHeaderPatterns(op.provider);
  for (const [name, value] of Object.entries(recordedCredentials(op, profile, judged))) {
    headers[name] = [value];
    const pattern = patterns[name];
    if (pattern && new RegExp(pattern, "u").test(value)) headerRules[name] = rules({ match: "regex", regex: pattern });
  }
  for (const p of op.parameters) {
    const name = p.name.toLowerCase();
    if (p.in === "header" && headers[name] === undefined && view.headers[name] !== undefined) headers[name] = [view.headers[name]];
  }
  const out: Obj = { method: request.method.toUpperCase(), path: request.path.split("?")[0] };
  if (Object.keys(view.query).length > 0) out.query = view.query;
  if (view.body && request.body !== undefined) {
    const contentType = request.headers["content-type"] ?? "application/octet-stream";
    headers["Content-Type"] = [contentType];
    const json = view.body.mediaType === "application/json" || view.body.mediaType?.endsWith("+json");
    out.body = { content: json && typeof view.body.value !== "string" ? view.body.value : request.body, contentType, encoded: false };
  }
  out.headers = headers;
  const matchingRules: Obj = {};
  if (Object.keys(headerRules).length > 0) matchingRules.header = headerRules;
  const path = pathPattern(op);
  const pathBroken = (judged.clientFindings?.get("path_parameter_pattern") ?? []).length > 0;
  if (!pathBroken && new RegExp(path, "u").test(out.path as string)) matchingRules.path = rules({ match: "regex", regex: path });
  if (Object.keys(matchingRules).length > 0) out.matchingRules = matchingRules;
  return out;
}

/** Every credential header the request carried, by lower-case name, with its placeholder. */
function recordedCredentials(op: OperationSpec, profile: ProviderProfile, judged: Judged): Record<string, string> {
  const sent = judged.sent!;
  const view = judged.view!;
  const placeholders = credentialHeaders(op.provider, PLACEHOLDER_CREDENTIALS[op.provider]);
  const wrong = credentialHeaders(op.provider, WRONG_CREDENTIALS[op.provider]);
  const malformed = new Set((judged.clientFindings?.get("header_parameter_pattern") ?? []).map((f) => f.subject?.toLowerCase()));
  const out: Record<string, string> = {};
  for (const scheme of op.security) {
    const name = scheme.type === "apiKey" ? String(scheme.headerName).toLowerCase() : "authorization";
    const value = view.headers[name];
    if (value === undefined) continue;
    out[name] = value === "" ? "" : sent.schemes[scheme.name] === "valid" ? placeholders[name] : wrong[name];
  }
  for (const [header, source] of Object.entries(profile.headerValues)) {
    const name = header.toLowerCase();
    if (source.kind !== "env" || view.headers[name] === undefined) continue;
    out[name] = accountValue(sent, name, malformed.has(name), placeholders[name]);
  }
  return out;
}

function accountValue(sent: SentCredentials, name: string, malformed: boolean, placeholder: string): string {
  if (sent.accounts[name] === "missing") return "";
  if (malformed) return MALFORMED_ACCOUNT_CODE;
  return sent.accounts[name] === "valid" ? placeholder : FOREIGN_ACCOUNT_CODE;
}
