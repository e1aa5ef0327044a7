/**
 * Turns a step's plan into the HTTP request to send: the spec's path template filled and
 * percent-encoded, credentials placed as each security scheme says, required headers filled as
 * the profile says, and the documented body. What does not depend on the plan (the path
 * template's pieces, the credential headers, the valid body) is worked out once per context.
 */
import { randomUUID } from "node:crypto";
import { credentialState, DEFAULT_CREDENTIAL, NEAR_MISSES, OTHER_PASSWORD, spellUuid, TOKEN_AS_PASSWORD_USER, type CredentialState, type RequestPlan } from "../cases/model.ts";
import { encodeBody } from "../cases/body.ts";
import { percentEncodedFirst } from "../cases/values.ts";
import type { HttpRequest } from "../http/types.ts";
import type { ProviderProfile } from "../profiles/profile.ts";
import type { Credentials } from "../sandboxes/types.ts";
import type { OperationSpec, SecuritySchemeSpec } from "../spec/model.ts";
import { nearMissCredentials } from "./credentials.ts";
import { nearMissSegment } from "../cases/id-near-miss.ts";

/** Read once, on the first request built with it: treat a context as immutable. */
export interface RequestContext {
  op: OperationSpec;
  profile: ProviderProfile;
  baseUrl: string;
  credentials: Credentials;
  wrongCredentials: Credentials;
}

/** The plan-independent parts of every request of one context. */
interface Prepared {
  /** The base URL without trailing slashes. */
  base: string;
  /** The path template: literal text, and path parameter names in between. */
  path: Array<{ text: string } | { param: string }>;
  /**
   * Each security scheme's headers for every way of sending its credential in a header, its query
   * parameter for `in-query`, and its bare value (a Basic user, a token, a key) for `as-basic`.
   */
  auth: Array<{ scheme: string; headers: Record<HeaderState, Record<string, string>>; query: Record<string, string>; value: string; bodyNames: string[] }>;
  /** Required header parameters: a fixed value, or the value of a path parameter. */
  headers: Array<{ name: string; value?: string; pathParam?: string }>;
  /** The documented body and its media type, when the operation has one. */
  body?: { contentType: string; valid: string; example: unknown };
}

/** The credential states whose headers are worked out once; the others are put together per request. */
type HeaderState = Exclude<CredentialState, "missing" | "in-query" | "in-body" | "in-json-body" | "in-form-body" | "repeated" | "repeated-valid-first" | "as-basic">;

const preparedByContext = new WeakMap<RequestContext, Prepared>();

/** `headerParams`: the path parameter values headers filled from a path parameter take (default: the path's). */
export function buildRequest(ctx: RequestContext, plan: RequestPlan, pathParams: Record<string, string>, headerParams: Record<string, string> = pathParams): HttpRequest {
  const prepared = preparedFor(ctx);
  let path = "";
  for (const [index, piece] of prepared.path.entries()) {
    if ("text" in piece) path += respelled(piece.text, index, prepared.path.length, plan.literalSpelling);
    else path += plan.rawPathParams?.[piece.param] ?? segmentFor(plan, piece.param, pathParams[piece.param] ?? "");
  }
  if (plan.pathSuffix) path += plan.pathSuffix;
  const headers: Record<string, string> = { accept: "application/json" };
  let queryParams = plan.query;
  const repeated: Array<[string, string]> = [];
  const asBasic: string[] = [];
  const inBody: string[] = [];
  const inJson: Record<string, string> = {};
  for (const scheme of prepared.auth) {
    const state = credentialState(plan.auth, scheme.scheme);
    if (state === "in-query") queryParams = { ...queryParams, ...scheme.query };
    else if (state === "in-body") inBody.push(new URLSearchParams({ access_token: scheme.value }).toString());
    else if (state === "as-basic") asBasic.push(scheme.value);
    else if (state === "in-json-body") for (const name of scheme.bodyNames) inJson[name] = scheme.value;
    else if (state === "in-form-body") inBody.push(new URLSearchParams(scheme.bodyNames.map((name): [string, string] => [name, scheme.value])).toString());
    else if (state === "repeated" || state === "repeated-valid-first") {
      const [first, then] = state === "repeated" ? [scheme.headers.wrong, scheme.headers.valid] : [scheme.headers.valid, scheme.headers.wrong];
      Object.assign(headers, first);
      repeated.push(...Object.entries(then));
    } else if (state !== "missing") Object.assign(headers, scheme.headers[state]);
  }
  // A single key as a Basic user with an empty password; more than one as `key1:key2`.
  if (asBasic.length > 0) headers.authorization = `Basic ${Buffer.from(asBasic.length === 1 ? `${asBasic[0]}:` : asBasic.join(":")).toString("base64")}`;
  const pairs = [...Object.entries(queryParams), ...(plan.extraQuery ?? [])];
  let query = pairs.length > 0 ? new URLSearchParams(pairs).toString() : "";
  for (const raw of plan.rawInQuery ?? []) query = query.split(encodeURIComponent(raw)).join(raw);
  const url = `${versionRespelled(baseFor(prepared.base, plan), path, plan.versionSpelling)}${query ? `?${query}` : ""}`;

  for (const header of prepared.headers) {
    const value = header.pathParam !== undefined ? headerParams[header.pathParam] : header.value;
    if (value !== undefined) headers[header.name] = value;
  }

  let body: string | undefined;
  if (prepared.body) {
    body = plan.body === null ? undefined : plan.body ?? prepared.body.valid;
    if (body !== undefined) headers["content-type"] = prepared.body.contentType;
  }
  if (plan.rawBody) [body, headers["content-type"]] = [plan.rawBody.text, plan.rawBody.contentType];
  if (Object.keys(inJson).length > 0) {
    const fields = prepared.body?.example && typeof prepared.body.example === "object" ? (prepared.body.example as Record<string, unknown>) : {};
    [body, headers["content-type"]] = [JSON.stringify({ ...fields, ...inJson }), "application/json"];
  }
  if (inBody.length > 0) {
    body = [body, ...inBody].filter(Boolean).join("&");
    headers["content-type"] ??= "application/x-www-form-urlencoded";
  }
  if (plan.expectContinue) {
    headers.expect = "100-continue";
    if (body === undefined) [body, headers["content-type"]] = ["{}", "application/json"];
  }
  if (plan.idempotencyKey) headers["idempotency-key"] = headers["x-idempotency-key"] = typeof plan.idempotencyKey === "string" ? `${IDEMPOTENCY_KEY}-${plan.idempotencyKey}` : IDEMPOTENCY_KEY;
  Object.assign(headers, plan.headers);
  for (const [name, suffix] of Object.entries(plan.headerSuffixes ?? {})) if (headers[name] !== undefined) headers[name] += suffix;
  for (const [name, spelling] of Object.entries(plan.headerSpellings ?? {})) if (headers[name] !== undefined) headers[name] = spellUuid(headers[name], spelling);
  if (plan.omittedHeadersInBody && body !== undefined && headers["content-type"] === "application/x-www-form-urlencoded") {
    const fields = plan.omitHeaders.filter((name) => headers[name] !== undefined).map((name) => `${encodeURIComponent(name)}=${encodeURIComponent(headers[name])}`);
    body = [body, ...fields].filter(Boolean).join("&");
  }
  for (const [name, alias] of Object.entries(plan.omittedHeadersAs ?? {})) if (headers[name] !== undefined) headers[alias] = headers[name];
  // Under the header's field names (fieldNamesOf: `x-account-code`, `x_account_code`, `account_code`, `accountCode`).
  const inQuery = plan.omittedHeadersInQuery ? plan.omitHeaders.filter((name) => headers[name] !== undefined).flatMap((name) => fieldNamesOf(name).map((alias): [string, string] => [alias, headers[name]])) : [];
  const inCookie = plan.omittedHeadersInCookie ? plan.omitHeaders.filter((name) => headers[name] !== undefined).map((name) => `${name}=${headers[name]}`) : [];
  for (const name of plan.omitHeaders) delete headers[name];
  if (inCookie.length > 0) headers.cookie = [headers.cookie, ...inCookie].filter(Boolean).join("; ");
  for (const [name, value] of Object.entries(plan.headerRepeats ?? {})) if (headers[name] !== undefined) repeated.push([name, value]);
  for (const [name, value] of Object.entries(plan.headerRepeatsFirst ?? {})) {
    if (headers[name] === undefined) continue;
    repeated.push([name, headers[name]]);
    headers[name] = value;
  }
  const repeatedHeaders = repeated.filter(([name]) => headers[name] !== undefined);
  let sentTo = inQuery.length > 0 ? `${url}${url.includes("?") ? "&" : "?"}${new URLSearchParams(inQuery).toString()}` : url;
  if (plan.rewriteHeaders) {
    const target = new URL(url);
    headers["x-original-url"] = headers["x-rewrite-url"] = `${target.pathname}${target.search}`;
    sentTo = `${target.origin}/`;
  }
  return { method: plan.method ?? ctx.op.method, url: sentTo, headers, ...(repeatedHeaders.length > 0 ? { repeatedHeaders } : {}), ...(plan.titleCaseHeaders ? { titleCaseNames: true } : {}), ...(plan.absoluteForm ? { absoluteForm: true } : {}), ...(plan.http10 ? { http10: true } : {}), ...(plan.detour ? { pathAsIs: true } : {}), ...(plan.chunkedBody ? { chunked: true } : {}), ...(plan.lowerCaseMethod ? { methodSpelling: (plan.method ?? ctx.op.method).toLowerCase() } : {}), body };
}

/** A version segment of a path (`/v0/`). */
export const VERSION_SEGMENT = /\/v(\d+)\//;

/** The names a field carrying a header's value goes by in a body or a query: as it is, underscored, and without `x-` underscored and camel-cased (`x-client-id`, `x_client_id`, `client_id`, `clientId`). */
function fieldNamesOf(header: string): string[] {
  const bare = header.replace(/^x-/, "");
  return [...new Set([header, header.replace(/-/g, "_"), bare.replace(/-/g, "_"), bare.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())])];
}

/**
 * The base and the operation's path joined, the first version segment of the whole (`/v0`) left
 * out, zero-padded, one down or with `/internal` before it; `added` puts `/v1` before the
 * operation's path, and `internal` puts `/internal` there where the whole has no version.
 */
function versionRespelled(base: string, opPath: string, spelling: RequestPlan["versionSpelling"]): string {
  const url = `${base}${opPath}`;
  if (!spelling) return url;
  if (spelling === "added") return `${base}/v1${opPath}`;
  const origin = new URL(url).origin;
  if (spelling === "internal" && !/\/v\d+(?=\/|$)/.test(url.slice(origin.length))) return `${base}/internal${opPath}`;
  const path = url.slice(origin.length).replace(/\/v(\d+)(?=\/|$)/, (_, n: string) => (spelling === "none" ? "" : spelling === "padded" ? `/v0${n}` : spelling === "internal" ? `/internal/v${n}` : `/v${Math.max(0, Number(n) - 1)}`));
  return `${origin}${path}`;
}

/** The idempotency key this process sends (RequestPlan.idempotencyKey): new in every process, so no earlier run's answer is keyed on it. */
const IDEMPOTENCY_KEY = `payconform-${randomUUID()}`;

/** The target's base URL as the plan spells it: without its base path, the base path's first letter in the other case, or with a detour (see RequestPlan.detour). */
function baseFor(base: string, plan: RequestPlan): string {
  const origin = new URL(base).origin;
  if (plan.basePathDropped) return origin;
  const basePath = base.slice(origin.length);
  if (plan.basePathOtherCase) return `${origin}${basePath.replace(/(?<=^\/)[A-Za-z]/, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()))}`;
  if (plan.detour === "root") return `${origin}/health/..${basePath}`;
  if (plan.detour === "base") return `${base}/public/..`;
  if (plan.basePathTwice) return `${base}${basePath}`;
  return base;
}

/**
 * A literal piece of the path template (piece `index` of `count`) as the plan spells it: the first
 * piece's first letter after a slash percent-encoded (`/%63ustomers/`) or in the other case
 * (`/Customers/`), its first slash doubled (`//customers/`), or the slash ending the piece before
 * the last parameter as `%2F`.
 */
function respelled(text: string, index: number, count: number, spelling: RequestPlan["literalSpelling"]): string {
  if (!spelling) return text;
  // The pieces alternate text, parameter, ..., text: the one before the last parameter is count - 3.
  if (spelling === "encoded-slash") return index === count - 3 ? text.replace(/\/$/, "%2F") : text;
  // The segment before the last parameter in the other number (`customer` ⇄ `customers`): an alias route kept beside the documented one.
  if (spelling === "plural-toggled") return index === count - 3 ? text.replace(/([^/]+)\/$/, (_, word: string) => `${word.endsWith("s") ? word.slice(0, -1) : `${word}s`}/`) : text;
  if (index !== 0) return text;
  if (spelling === "doubled-slash") return text.replace(/^\//, "//");
  if (spelling === "path-parameter") return text.replace(/^(\/[^/]+)/, "$1;x");
  if (spelling === "next-version") return text.replace(VERSION_SEGMENT, (_, n: string) => `/v${Number(n) + 1}/`);
  return text.replace(/(?<=\/)[A-Za-z]/, (c) => (spelling === "percent-encoded" ? `%${c.charCodeAt(0).toString(16).toUpperCase()}` : c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()));
}

/** The path segment of a parameter's value, or of the near miss of it the plan asks for. */
function segmentFor(plan: RequestPlan, param: string, value: string): string {
  const kind = plan.nearMissIds?.[param];
  if (kind) return nearMissSegment(value, kind);
  const segment = encodeURIComponent(value);
  return plan.encodedIds?.includes(param) ? percentEncodedFirst(segment) : segment;
}

function preparedFor(ctx: RequestContext): Prepared {
  const hit = preparedByContext.get(ctx);
  if (hit) return hit;
  const { op, profile } = ctx;
  const path: Prepared["path"] = [];
  let last = 0;
  for (const match of op.path.matchAll(/\{([^}]+)\}/g)) {
    path.push({ text: op.path.slice(last, match.index) }, { param: match[1] });
    last = match.index + match[0].length;
  }
  path.push({ text: op.path.slice(last) });
  const headers: Prepared["headers"] = [];
  for (const param of op.parameters) {
    if (param.in !== "header" || !param.required) continue;
    const source = profile.headerValues[param.name];
    const name = param.name.toLowerCase();
    if (source?.kind === "pathParam") headers.push({ name, pathParam: source.name });
    else headers.push({ name, value: source?.kind === "env" ? ctx.credentials[source.env] : typeof param.example === "string" ? param.example : undefined });
  }
  const example = op.requestBody?.example;
  const prepared: Prepared = {
    base: ctx.baseUrl.replace(/\/+$/, ""),
    path,
    auth: op.security.map((scheme) => ({
      scheme: scheme.name,
      headers: {
        valid: authHeader(scheme, profile, ctx.credentials),
        wrong: authHeader(scheme, profile, ctx.wrongCredentials),
        "other-scheme": authHeader(scheme, profile, ctx.credentials, true),
        "no-scheme": withoutSchemeWord(authHeader(scheme, profile, ctx.credentials)),
        "scheme-lower-case": schemeWordRespelled(authHeader(scheme, profile, ctx.credentials), (word) => `${word.toLowerCase()} `),
        "scheme-spaced": schemeWordRespelled(authHeader(scheme, profile, ctx.credentials), (word) => `${word}  `),
        "scheme-glued": schemeWordGlued(authHeader(scheme, profile, ctx.credentials)),
        default: authHeader(scheme, profile, allAs(ctx.credentials, DEFAULT_CREDENTIAL)),
        undefined: authHeader(scheme, profile, allAs(ctx.credentials, "undefined")),
        null: authHeader(scheme, profile, allAs(ctx.credentials, "null")),
        "prototype-key": authHeader(scheme, profile, allAs(ctx.credentials, "constructor")),
        "prototype-pair": authHeader(scheme, profile, prototypePair(op, profile, ctx.credentials)),
        "other-carrier": otherCarriers(scheme, op, profile, ctx.credentials),
        ...Object.fromEntries(Object.entries(BASIC_SPELLINGS).map(([state, spell]) => [state, basicSpelled(scheme, profile, ctx.credentials, spell)])),
        listed: listedHeader(scheme, profile, ctx),
        "token-scheme": bearerRespelled(scheme, profile, ctx.credentials, (token) => `Token ${token}`),
        "basic-user": bearerRespelled(scheme, profile, ctx.credentials, (token) => `Basic ${Buffer.from(`${token}:`).toString("base64")}`),
        "basic-password": bearerRespelled(scheme, profile, ctx.credentials, (token) => `Basic ${Buffer.from(`${TOKEN_AS_PASSWORD_USER}:${token}`).toString("base64")}`),
        "joined-first": joinedFirst(scheme, op, profile, ctx.credentials),
        swapped: authHeader(scheme, profile, swappedCredentials(op, profile, ctx.credentials)),
        regrouped: authHeader(scheme, profile, regroupedCredentials(op, profile, ctx.credentials)),
        "high-bit-user": highBitUser(scheme, profile, ctx.credentials),
        "basic-case-swapped": basicCaseSwapped(scheme, profile, ctx.credentials),
        "basic-unencoded": basicUnencoded(scheme, profile, ctx.credentials),
        underscored: underscored(scheme, profile, ctx.credentials),
        ...Object.fromEntries(NEAR_MISSES.map((kind) => [kind, authHeader(scheme, profile, nearMissCredentials(ctx.credentials, kind))])),
      } as Record<HeaderState, Record<string, string>>,
      query: queryCredential(scheme, profile, ctx.credentials),
      value: bareValue(profile.credentials[scheme.name], ctx.credentials),
      bodyNames: bodyNamesOf(scheme),
    })),
    headers,
    body: op.requestBody && {
      contentType: op.requestBody.contentType,
      valid: example && typeof example === "object" ? encodeBody(op.requestBody.contentType, example as Record<string, unknown>) : "",
      example,
    },
  };
  preparedByContext.set(ctx, prepared);
  return prepared;
}

/** The credentials with every value replaced by `value`. */
function allAs(creds: Credentials, value: string): Credentials {
  return Object.fromEntries(Object.keys(creds).map((name) => [name, value]));
}

/** The first API key `__proto__`, every other credential `[object Object]`: `keys[first] == second` in a plain object holds. */
function prototypePair(op: OperationSpec, profile: ProviderProfile, creds: Credentials): Credentials {
  const first = op.security.map((scheme) => profile.credentials[scheme.name]).find((source) => source?.kind === "apiKey");
  return Object.fromEntries(Object.keys(creds).map((name) => [name, first?.kind === "apiKey" && name === first.env ? "__proto__" : "[object Object]"]));
}

/** The credentials with each API-key header scheme's value moved to the next such scheme (the last one's to the first). */
function swappedCredentials(op: OperationSpec, profile: ProviderProfile, creds: Credentials): Credentials {
  const envs = op.security.map((scheme) => profile.credentials[scheme.name]).flatMap((source) => (source?.kind === "apiKey" ? [source.env] : []));
  const swapped = { ...creds };
  envs.forEach((env, i) => (swapped[env] = creds[envs[(i + 1) % envs.length]] ?? ""));
  return swapped;
}

/** How many characters `regrouped` moves from each API key onto the one before it. */
const REGROUPED_CHARS = 4;

/**
 * The credentials with each API-key scheme's value given the next key's first characters, and each
 * later key without them: the joined text unchanged. Only the keys `creds` holds are regrouped (a
 * list without one, such as the keys no_secret_echo judges, gets no piece of a key it lacks).
 */
export function regroupedCredentials(op: OperationSpec, profile: ProviderProfile, creds: Credentials): Credentials {
  const envs = op.security.map((scheme) => profile.credentials[scheme.name]).flatMap((source) => (source?.kind === "apiKey" && creds[source.env] !== undefined ? [source.env] : []));
  const regrouped = { ...creds };
  envs.forEach((env, i) => {
    const own = i === 0 ? (creds[env] ?? "") : (creds[env] ?? "").slice(REGROUPED_CHARS);
    regrouped[env] = i < envs.length - 1 ? `${own}${(creds[envs[i + 1]] ?? "").slice(0, REGROUPED_CHARS)}` : own;
  });
  return regrouped;
}

/** A credential header with a wrong value and then the valid one, as a list (`wrong, valid`; `Bearer wrong, Bearer valid` for Authorization). */
function listedHeader(scheme: SecuritySchemeSpec, profile: ProviderProfile, ctx: RequestContext): Record<string, string> {
  const [wrong, valid] = [authHeader(scheme, profile, ctx.wrongCredentials), authHeader(scheme, profile, ctx.credentials)];
  return Object.fromEntries(Object.entries(valid).map(([name, value]) => [name, `${wrong[name] ?? ""}, ${value}`]));
}

/** A bearer scheme's valid token in the Authorization value `spell` makes; other schemes' valid headers. */
function bearerRespelled(scheme: SecuritySchemeSpec, profile: ProviderProfile, creds: Credentials, spell: (token: string) => string): Record<string, string> {
  const source = profile.credentials[scheme.name];
  return source?.kind === "bearer" ? { authorization: spell(creds[source.env] ?? "") } : authHeader(scheme, profile, creds);
}

/** The first API-key scheme's header holding every API key joined with `:`; the other API-key schemes' headers left out; other schemes' valid headers. */
function joinedFirst(scheme: SecuritySchemeSpec, op: OperationSpec, profile: ProviderProfile, creds: Credentials): Record<string, string> {
  const keys = op.security.filter((s) => s.type === "apiKey" && profile.credentials[s.name]?.kind === "apiKey");
  if (!keys.includes(scheme)) return authHeader(scheme, profile, creds);
  if (keys[0] !== scheme) return {};
  return { [String(scheme.headerName).toLowerCase()]: keys.map((s) => bareValue(profile.credentials[s.name], creds)).join(":") };
}

/** A scheme's credential value itself: the key, the token, or the Basic user. */
/** The names a body field carrying the scheme's credential goes by: its header's (fieldNamesOf); a token's `access_token` and `token`; a Basic user's `api_key`. */
function bodyNamesOf(scheme: SecuritySchemeSpec): string[] {
  if (scheme.type === "http") return scheme.scheme === "bearer" ? ["access_token", "token"] : ["api_key", "username"];
  return fieldNamesOf((scheme.headerName ?? scheme.name).toLowerCase());
}

function bareValue(source: ProviderProfile["credentials"][string] | undefined, creds: Credentials): string {
  if (!source) return "";
  return (source.kind === "basic" ? creds[source.usernameEnv] : creds[source.env]) ?? "";
}

/**
 * The valid credential in carriers the doc does not name, its own left out: an API key as
 * `Authorization: Bearer`, in `x-api-key` and as a cookie named as its header, an Authorization
 * credential in `Proxy-Authorization` and (its key or token) in `x-api-key`, a bearer token as
 * the cookie `access_token`; a carrier another of the operation's schemes documents is not used.
 */
function otherCarriers(scheme: SecuritySchemeSpec, op: OperationSpec, profile: ProviderProfile, creds: Credentials): Record<string, string> {
  const source = profile.credentials[scheme.name];
  if (!source) return {};
  const documented = new Set(op.security.map((s) => (s.type === "apiKey" ? String(s.headerName).toLowerCase() : "authorization")));
  const value = bareValue(source, creds);
  const carriers: Record<string, string> = source.kind === "apiKey" ? { authorization: `Bearer ${value}` } : { "proxy-authorization": authHeader(scheme, profile, creds).authorization ?? "" };
  carriers["x-api-key"] = carriers["x-access-token"] = carriers["x-auth-token"] = value;
  // A gateway's copy of the field under an x- name: X-Authorization, x-<header> for a header without one.
  if (source.kind === "apiKey" && !String(scheme.headerName).toLowerCase().startsWith("x-")) carriers[`x-${String(scheme.headerName).toLowerCase()}`] = value;
  if (source.kind !== "apiKey") carriers["x-authorization"] = authHeader(scheme, profile, creds).authorization ?? "";
  // A framework that reads "the request's parameters" (PHP's $_REQUEST) finds a cookie of the name.
  if (source.kind !== "basic") carriers.cookie = `${source.kind === "apiKey" ? String(scheme.headerName) : "access_token"}=${value}`;
  return Object.fromEntries(Object.entries(carriers).filter(([name]) => !documented.has(name)));
}

/**
 * The Basic pair spelled another way than `user:password`: another password, the user padded with
 * spaces, the user alone without the colon, the user in the password's place, the user followed by
 * a NUL and more (which a comparison of C strings cuts off), the password the text undefined or null.
 */
const BASIC_SPELLINGS: Record<"other-password" | "padded" | "no-colon" | "user-as-password" | "second-colon" | "nul-in-user" | "undefined-password" | "null-password", (user: string, password: string) => string> = {
  "nul-in-user": (user, password) => `${user}\u0000x:${password}`,
  "undefined-password": (user) => `${user}:undefined`,
  "null-password": (user) => `${user}:null`,
  "other-password": (user) => `${user}:${OTHER_PASSWORD}`,
  padded: (user, password) => ` ${user} :${password}`,
  "no-colon": (user) => user,
  "user-as-password": (user) => `:${user}`,
  "second-colon": (user, password) => `${user}:${password}:x`,
};

/** A Basic scheme's valid user after "Basic " as it is, not base64-encoded; other schemes' valid headers. */
function basicUnencoded(scheme: SecuritySchemeSpec, profile: ProviderProfile, creds: Credentials): Record<string, string> {
  const source = profile.credentials[scheme.name];
  return source?.kind === "basic" ? { authorization: `Basic ${creds[source.usernameEnv] ?? ""}` } : authHeader(scheme, profile, creds);
}

/** An API key's valid value under its header's name with `_` for `-`; other schemes' valid headers. */
function underscored(scheme: SecuritySchemeSpec, profile: ProviderProfile, creds: Credentials): Record<string, string> {
  const source = profile.credentials[scheme.name];
  if (source?.kind !== "apiKey" || !scheme.headerName?.includes("-")) return authHeader(scheme, profile, creds);
  return { [scheme.headerName.toLowerCase().replace(/-/g, "_")]: creds[source.env] ?? "" };
}

/**
 * The Basic tokens of the `high-bit-user` and `basic-case-swapped` cases: the valid users in another
 * encoding, or their encoding in the other case (swapped back, the valid one), so secrets too.
 */
export function respelledBasicTokens(op: OperationSpec, profile: ProviderProfile, creds: Credentials): string[] {
  return op.security.flatMap((scheme) => (profile.credentials[scheme.name]?.kind === "basic" ? [highBitUser, basicCaseSwapped].map((spell) => String(spell(scheme, profile, creds).authorization).replace(/^Basic /, "")) : []));
}

/** A Basic scheme's valid token with every letter of its base64 text in the other case; other schemes' valid headers. */
function basicCaseSwapped(scheme: SecuritySchemeSpec, profile: ProviderProfile, creds: Credentials): Record<string, string> {
  const valid = authHeader(scheme, profile, creds);
  if (profile.credentials[scheme.name]?.kind !== "basic") return valid;
  const token = String(valid.authorization).replace(/^Basic /, "");
  return { authorization: `Basic ${Array.from(token, (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join("")}` };
}

/** A Basic scheme's valid user with bit 7 set on each of its bytes (what an ASCII decoder that masks the bit reads as the user); other schemes' valid headers. */
function highBitUser(scheme: SecuritySchemeSpec, profile: ProviderProfile, creds: Credentials): Record<string, string> {
  const source = profile.credentials[scheme.name];
  if (source?.kind !== "basic") return authHeader(scheme, profile, creds);
  const user = Buffer.from(creds[source.usernameEnv] ?? "", "utf8").map((byte) => byte | 0x80);
  return { authorization: `Basic ${Buffer.concat([user, Buffer.from(`:${source.password}`)]).toString("base64")}` };
}

/** A Basic scheme's valid user in the pair `spell` makes; other schemes' valid headers. */
function basicSpelled(scheme: SecuritySchemeSpec, profile: ProviderProfile, creds: Credentials, spell: (user: string, password: string) => string): Record<string, string> {
  const source = profile.credentials[scheme.name];
  if (source?.kind !== "basic") return authHeader(scheme, profile, creds);
  return { authorization: `Basic ${Buffer.from(spell(creds[source.usernameEnv] ?? "", source.password)).toString("base64")}` };
}

/** An Authorization header without its scheme word (`<token>` for `Bearer <token>`); other headers as they are. */
/** An Authorization header whose scheme word has an `x` glued to it in place of the space (`Basicx<token>`); other headers as they are. */
function schemeWordGlued(headers: Record<string, string>): Record<string, string> {
  const value = headers.authorization;
  return value === undefined ? headers : { ...headers, authorization: value.replace(/^(\S+) /, "$1x") };
}

/** The Authorization header with its scheme word and the space after it respelled; other headers as they are. */
function schemeWordRespelled(headers: Record<string, string>, spell: (word: string) => string): Record<string, string> {
  const value = headers.authorization;
  return value === undefined ? headers : { ...headers, authorization: value.replace(/^(\S+) /, (_, word: string) => spell(word)) };
}

function withoutSchemeWord(headers: Record<string, string>): Record<string, string> {
  const value = headers.authorization;
  return value === undefined ? headers : { ...headers, authorization: value.replace(/^\S+ /, "") };
}

/** The query parameter a scheme's credential goes in when it is sent in the query: the header's name, or access_token for a bearer token. */
function queryCredential(scheme: SecuritySchemeSpec, profile: ProviderProfile, creds: Credentials): Record<string, string> {
  const source = profile.credentials[scheme.name];
  if (source?.kind === "bearer") return { access_token: creds[source.env] ?? "", token: creds[source.env] ?? "" };
  // Under the header's name and the usual field names too (`client_id` for x-client-id: OAuth's, in a query).
  if (source?.kind === "apiKey" && scheme.headerName) return Object.fromEntries([scheme.headerName.toLowerCase(), ...bodyNamesOf(scheme)].map((name) => [name, creds[source.env] ?? ""]));
  return {};
}

/**
 * The headers a scheme puts a credential in. With `otherScheme`, an HTTP scheme's credential goes
 * under the other one: a bearer token as `Basic <token>`, a Basic user as `Bearer <user>`.
 */
function authHeader(scheme: SecuritySchemeSpec, profile: ProviderProfile, creds: Credentials, otherScheme = false): Record<string, string> {
  const source = profile.credentials[scheme.name];
  if (!source) return {};
  if (source.kind === "basic") {
    if (otherScheme) return { authorization: `Bearer ${creds[source.usernameEnv] ?? ""}` };
    const token = Buffer.from(`${creds[source.usernameEnv] ?? ""}:${source.password}`).toString("base64");
    return { authorization: `Basic ${token}` };
  }
  if (source.kind === "bearer") return { authorization: `${otherScheme ? "Basic" : "Bearer"} ${creds[source.env] ?? ""}` };
  return { [String(scheme.headerName).toLowerCase()]: creds[source.env] ?? "" };
}
