/**
 * Cases derived from a spec. A scenario is a short sequence of requests (most have one step;
 * delete_semantics deletes a fixture and then deletes it again). Each scenario names the check
 * it exists for; the response-level checks run on every step as well.
 */
import { nearMissId } from "./id-near-miss.ts";
import { changedAt } from "./same-kind.ts";
import { percentEncodedFirst } from "./values.ts";
import type { CheckId } from "../checks/ids.ts";
import type { Basis } from "../spec/model.ts";
import type { HttpProvider } from "../providers.ts";

/**
 * How one credential is sent: the valid value, a well-formed value nobody issued, not at all, a
 * near miss of the valid value (present but empty, one character short, one character more,
 * letters in the other case) that only a loose comparison would accept, or the valid value under
 * another HTTP authentication scheme than the documented one (`Basic <token>` for a bearer token),
 * the valid value of another scheme (`swapped`: each API-key header holds the next one's value),
 * or the valid value in the query string instead of its header (`in-query`: a parameter named as
 * the header, `access_token` for a bearer token, as RFC 6750 §2.3 names it), or (`other-password`)
 * a Basic user with a password other than the documented one (Juspay's is the empty string), or
 * (`listed`) an API-key header holding a wrong value and the valid one as a comma-separated list,
 * which is what a server that joins a repeated header sees too (RFC 9110 §5.3), or the header
 * sent twice as two lines, a wrong value first and the valid one after it (`repeated`: a server
 * that takes the last line, or any that matches, lets it in) or the other way round
 * (`repeated-valid-first`: one that takes the first line does), or (`other-carrier`) the
 * documented carrier left out and the valid value in undocumented ones: an API key as
 * `Authorization: Bearer`, `x-api-key` and a cookie of its header's name, an Authorization
 * credential in `Proxy-Authorization` and `x-api-key`, a bearer token as the cookie `access_token`; or (`as-basic`) every API key left out of its header and sent together as
 * HTTP Basic (`key1:key2`), or (`user-as-password`) a Basic pair with the user in the password's
 * place (`:key`), which a server taking whichever half is not empty accepts, or (`padded`) a Basic user with a space before and after it inside
 * the encoded pair, which a server that trims the decoded user accepts, or (`no-colon`) a Basic
 * user encoded alone, without the `:` and password RFC 7617 requires, which a server that takes
 * the whole decoded text for the user accepts, or (`in-body`) a bearer token in a form body as
 * `access_token` (RFC 6750 §2.2, which rules that out for a method without body semantics), or
 * (`no-scheme`) an Authorization credential without its scheme word (`Authorization: <token>`),
 * which a server that strips "Bearer " or "Basic " when present, instead of requiring it, accepts,
 * or (`default`) DEFAULT_CREDENTIAL in its place, a value servers ship as a default, or
 * (`second-colon`) a Basic pair with `:x` after the password (`key::x` for Juspay's empty one), which
 * a server splitting the decoded pair on every `:` reads as the valid pair, or (`regrouped`) the
 * API keys' characters moved across the headers, their joined text unchanged, which a server
 * checking the keys joined accepts, or (`undefined`, `null`) the text `undefined` or `null` in its
 * place, what a server comparing with a key that is not configured (a rotated-out key slot read as
 * `String(undefined)`) accepts, or (`prototype-key`) every credential the text `constructor`, which
 * a lookup of issued keys in a plain JavaScript object finds (`keys["constructor"]`, truthy), or
 * (`prototype-pair`) the first API key `__proto__` and the others `[object Object]`, which a lookup
 * of a key's partner in such an object compared with `==` accepts, or (`token-scheme`) a bearer
 * token under the scheme word `Token` (Rails' and Django REST framework's), or (`basic-password`) a
 * bearer token as the password of a Basic pair with any user (`Basic base64(payconform:<token>)`, as
 * GitHub takes tokens), or (`joined-first`) every API key joined with `:` in the first API-key
 * header and the others left out (`x-client-id: <id>:<secret>`, a gateway's combined key).
 */
export type CredentialState = "valid" | "wrong" | "missing" | "other-scheme" | "swapped" | "in-query" | "other-password" | "listed" | "repeated" | "repeated-valid-first" | "other-carrier" | "as-basic" | "padded" | "no-colon" | "user-as-password" | "in-body" | "no-scheme" | "default" | "second-colon" | "nul-in-user" | "undefined-password" | "null-password" | "high-bit-user" | "basic-case-swapped" | "scheme-glued" | "basic-unencoded" | "underscored" | "regrouped" | "undefined" | "null" | "prototype-key" | "prototype-pair" | "scheme-lower-case" | "scheme-spaced" | "in-json-body" | "in-form-body" | "token-scheme" | "basic-password" | "basic-user" | "joined-first" | NearMiss;

/** A credential servers and sandboxes ship as a default (`x-client-id: test`); too common to be a secret, so not masked. */
export const DEFAULT_CREDENTIAL = "test";

/** The Basic user a bearer token is sent with as the password in the `basic-password` case. */
export const TOKEN_AS_PASSWORD_USER = "payconform";

/** The password a Basic user is sent with in the `other-password` case. */
export const OTHER_PASSWORD = "pc-not-the-password";

/**
 * `quoted`: the value in double quotes, which a server that unquotes it (as a quoted-string)
 * accepts; `inner-space`, `inner-latin1`: a space, or `é` (sent as the one Latin-1 byte 0xE9), put
 * in the middle of it, which a server that strips whitespace or bytes outside printable ASCII
 * before comparing accepts; `percent-encoded`: its first letter (a digit where it has none) percent-encoded
 * (`%73k_…`), which a server that percent-decodes header values before comparing accepts;
 * `trailing-word`: a space and `x` after it (`Bearer <token> x`), which a server that splits the
 * field on spaces and takes one word accepts; `last-changed`: its last letter or digit replaced by
 * another of the same kind, the value's form kept, which a server checking only the form accepts;
 * `base64-encoded`: the value base64-encoded, which a server that decodes what looks like base64
 * and compares again accepts; `inner-soft-hyphen`: a soft hyphen (U+00AD, the Latin-1 byte 0xAD)
 * in its middle, which a locale-aware comparison (ICU collation, localeCompare) ignores;
 * `other-environment`: its environment marker swapped (`test` for `live`, `sandbox` for
 * `production`, and back), or `live_` put before a value without one, which a server that keys its
 * credentials on the random tail alone accepts; `leading-cut`: without its first character, which a
 * server checking that the value ends the key (`endsWith`, a suffix match) accepts; `regex-dot`:
 * its last character replaced by `.`, which a server matching the key against the value as a
 * regular expression accepts; `sha256-hex`: its SHA-256 in hex, which a server that also takes the
 * stored digest of the key (pass-the-hash) accepts; `middle-changed`: its middle letter or digit
 * replaced by another of the same kind, its length, start and end kept, which a server comparing
 * only the length and the ends (a key hint) accepts; `padding-added`: `==` after it, base64 padding,
 * which a server that strips padding before comparing accepts; `parameter-added`: `;v=1` after it, which
 * a server that parses the field like Content-Type (the value before the first `;`) accepts;
 * `encoded-word`: the value as an RFC 2047 encoded-word (`=?utf-8?B?…?=`), which a server that
 * decodes MIME header words (HTTP does not, RFC 9110 §5.5) accepts; `separators-swapped`: every `_` as
 `-` and every `-` as `_` (a `-` put in its middle where it has neither), which a server that
 compares keys with their separators stripped accepts; `jwt-unsigned`: where the value is a JSON Web
 Token, the same claims under the header `{"alg":"none"}` and no signature (RFC 7519 §6), which a
 verifier that honours the token's own alg accepts, and otherwise the value followed by a `.`;
 `segment-added`: `.x` after it, another dot-separated segment, which a server that checks only the
 first three segments of a JWT, or the value up to a `.`, accepts; `trailing-nbsp`: a no-break
 space (U+00A0, the Latin-1 byte 0xA0) after it, which JavaScript's `trim()` strips and an ASCII
 trim keeps; `superscript`: its first 1, 2 or 3 as ¹, ² or ³ (its first a or o as ª or º, and
 without any its last character as ²; Latin-1 bytes), which a comparison after NFKC normalisation
 (SASLprep, stringprep) folds back.
 */
export const NEAR_MISSES = ["empty", "truncated", "extended", "case-swapped", "quoted", "inner-space", "inner-latin1", "percent-encoded", "trailing-word", "last-changed", "base64-encoded", "inner-soft-hyphen", "other-environment", "leading-cut", "regex-dot", "sha256-hex", "middle-changed", "padding-added", "parameter-added", "encoded-word", "separators-swapped", "jwt-unsigned", "segment-added", "trailing-nbsp", "superscript"] as const;
export type NearMiss = (typeof NEAR_MISSES)[number];

/**
 * The credentials of a request: one state for every security scheme, or a state per scheme name
 * (schemes not named are sent valid).
 */
export type AuthPlan = CredentialState | Readonly<Record<string, CredentialState>>;

/** How a step's request departs from a valid request. */
export interface RequestPlan {
  /** Path parameter values; parameters not named here (and not from a fixture) get a value that never existed. */
  pathParams: Record<string, string>;
  query: Record<string, string>;
  /** Query pairs sent after `query`, a name again included (a parameter sent twice). */
  extraQuery?: Array<[string, string]>;
  /** Header values that replace the valid ones. */
  headers: Record<string, string>;
  /** Headers left out of the request (lowercase names). */
  omitHeaders: string[];
  /** Those headers' values sent as form fields of the same names instead (a form body only). */
  /** Each header the plan omits sent instead under another name, by name (`x-account-code` as `x-account-id`), with the value it would have had. */
  omittedHeadersAs?: Record<string, string>;
  omittedHeadersInBody?: boolean;
  /** Those headers' values sent as query parameters of their names instead. */
  omittedHeadersInQuery?: boolean;
  /** A header sent on a second line after its valid one, with this value (lowercase names). */
  headerRepeats?: Record<string, string>;
  /** A header sent with this value on a line before its valid one (lowercase names): a server reading the last line takes the valid one. */
  headerRepeatsFirst?: Record<string, string>;
  /** Text appended to a header's valid value (lowercase names): a value that keeps the valid one as its prefix. */
  headerSuffixes?: Record<string, string>;
  /** A header's valid UUID value written another way that some parsers take (lowercase names). */
  headerSpellings?: Record<string, UuidSpelling>;
  /** Body override: a string replaces the valid body, null sends no body. */
  body?: string | null;
  auth: AuthPlan;
  /** Another HTTP method than the operation's (unsupported_method). Default: the operation's. */
  method?: string;
  /** Path parameters sent as a near miss of the fixture's value (exact_id_match), by parameter name. */
  nearMissIds?: Record<string, IdNearMiss>;
  /** Path parameter values put into the path as they are, already percent-encoded (malformed escapes). */
  rawPathParams?: Record<string, string>;
  /**
   * Path parameters sent with their first letter or digit percent-encoded (`%4B` for `K`): the
   * same id spelled another way (RFC 3986 §2.3).
   */
  encodedIds?: string[];
  /**
   * Send `Expect: 100-continue`, with a small JSON body where the operation documents none (a
   * client may not expect a continue without content, RFC 9110 §10.1.1): servers hand such a
   * request to another handler first, which may skip the checks the usual one makes.
   */
  expectContinue?: boolean;
  /**
   * Send the request to the target's root path, naming the operation's path (and query) in
   * `X-Original-URL` and `X-Rewrite-URL`, which IIS and Symfony-style rewrites route by while a
   * guard checks the request line.
   */
  rewriteHeaders?: boolean;
  /**
   * Sent as HTTP/1.0 (`DELETE /path HTTP/1.0`, its connection closed after the answer): servers
   * must still answer it (RFC 9112 §2.3), and a guard that waves HTTP/1.0 through as a load
   * balancer's health check lets anyone in.
   */
  http10?: boolean;
  /**
   * The method written in lower case on the request line (`delete`): methods are case-sensitive
   * (RFC 9110 §9.1), so this is another method, which a router that upper-cases it serves and a
   * guard matching the method as written misses.
   */
  lowerCaseMethod?: boolean;
  /**
   * A detour through a segment and `..` on the way to the path: `/health/../` before the whole path
   * (`root`), or `/public/../` after the base path (`base`), sent as is. The same resource once the
   * dot segments are removed (RFC 3986 §5.2.4), so a server that resolves them first serves it
   * behind its guard; a guard that matches the raw path against an allow-list (health checks,
   * public pages) and a router that resolves it let it past the guard.
   */
  detour?: "root" | "base";
  /**
   * The first version segment of the whole path (`/v0/` in EnKash's path, `/v1` in Yuno's base
   * path) written another way: left out (`/api/customer/…`), zero-padded (`/v00/`), or one down
   * (`/v0` for `/v1`): another version of the API beside the documented one, or a router reading the
   * version as a number, which a guard scoped to the documented spelling does not cover. `added`:
   * `/v1` put before the operation's path where the whole path has no version (`/router/v1/customer/…`,
   * an older versioned router still mounted); `internal`: `/internal` put before the version segment,
   * or before the operation's path (`/api/internal/v0/…`, an internal router on the same port).
   */
  versionSpelling?: "none" | "padded" | "down" | "added" | "internal";
  /** The documented server's base path twice (`/router/router/customer/…`): the service mounted under its own prefix, reached past the gateway's guard. */
  basePathTwice?: boolean;
  /** Those headers' values sent as cookies of their names instead (header-cases). */
  omittedHeadersInCookie?: boolean;
  /** The base path's first letter in the other case (`/Router/customer/…`): another path, which a case-insensitive router serves past a guard matching the base path as written. */
  basePathOtherCase?: boolean;
  /**
   * An idempotency key (`Idempotency-Key` and `X-Idempotency-Key`), the same for every step of a
   * process that asks for one and new in every process: a server that replays the answer it keyed
   * on it must not replay it for a request on another resource. A name gives a key of its own
   * (the process's key and the name), shared only by the steps that name it: a replay of the
   * delete's answer to a request without credentials, or for another account, is then seen.
   */
  idempotencyKey?: boolean | string;
  /** The request target in absolute form (`http://host/path`), which servers must accept (RFC 9112 §3.2.2) and a guard matching paths that start with `/` misses. */
  absoluteForm?: boolean;
  /** Every header field name title-cased on the wire (`X-Routing-Id`, `Authorization`): field names are case-insensitive (RFC 9110 §5.1). */
  titleCaseHeaders?: boolean;
  /** Send back, in a Cookie header, every cookie the target set earlier in the scenario. */
  replayCookies?: boolean;
  /** A body of the plan's own with its media type, in place of any documented one: a request the operation does not describe. */
  rawBody?: { contentType: string; text: string };
  /**
   * Send to the target's origin without its base path (`/customer/<id>` for `/router/customer/<id>`):
   * the service behind a gateway, reached on a route the gateway's guard does not cover.
   */
  basePathDropped?: boolean;
  /** Text put after the whole path, before any query: `/` for the path with a trailing slash, another path that a lax router maps to the same handler. */
  pathSuffix?: string;
  /**
   * The first letter of the path's first literal segment percent-encoded (`/%63ustomers/…`), the
   * same path once decoded (RFC 3986 §6.2.2.2), or in the other case (`/Customers/…`), another path
   * (paths compare case-sensitively) that a case-insensitive router serves: either way a guard
   * matching the raw path and a router matching another spelling disagree. `encoded-slash`: the
   * slash before the last path parameter percent-encoded (`/customer%2F<id>`), one segment and so
   * another path, which a router that decodes before it splits takes for the operation's.
   * `doubled-slash`: the path's first slash doubled (`//customers/…`), which a router that merges
   * slashes serves and a guard matching the path as written misses. `path-parameter`: `;x` after
   * the path's first segment (`/api;x/v0/…`), which a servlet-style router strips and a guard
   * matching the path's prefix as written misses. `next-version`: the path's version segment one
   * up (`/api/v1/…` for `/api/v0/…`), a sibling API version a guard scoped to the documented one
   * does not cover.
   */
  literalSpelling?: "percent-encoded" | "other-case" | "encoded-slash" | "doubled-slash" | "path-parameter" | "next-version" | "plural-toggled";
  /**
   * A JSON body holding fixture `n`'s ids, sent where the operation documents no body: a handler
   * that merges the body over the path parameters (mass assignment) deletes fixture `n` instead.
   */
  jsonBodyFrom?: number;
  /** The same as a form body (`customerId=…`): a form binder that merges fields over the path's variables deletes fixture `n`. */
  formBodyFrom?: number;
  /**
   * A body that is a whole HTTP/1.1 request deleting fixture `n`, with a Content-Length framing it:
   * a server that leaves a DELETE's body unread takes it for the next request on the connection
   * (request smuggling) and deletes fixture `n`.
   */
  requestBodyFrom?: number;
  /**
   * The fixture's path ids regrouped at a separator, their joined text unchanged
   * (src/runner/reshape-ids.ts): `into-parent` moves the resource id's first piece onto the
   * parent (`cst_a_bank` / `def` for `cst_a` / `bank_def`), `into-resource` the parent's last
   * piece onto the resource (`cst` / `a_bank_def`). A lookup keyed on the ids joined by that
   * separator finds the fixture.
   */
  regroup?: "into-parent" | "into-resource";
  /** Path parameters given the value of another path parameter of the fixture (an account id that is the customer's id), by name. */
  idFrom?: Record<string, string>;
  /** Path ids of fixture `n`'s shape that the target never issued (src/runner/fixture-shaped.ts), in place of made-up ones. */
  shapedLike?: number;
  /** The fixture's own values of the operation's query parameters, as its source named them (a state URL may); the step is skipped where it named none. */
  scopeQuery?: boolean;
  /** Text put after each of those values (scopeQuery): a value that keeps the fixture's own as its prefix. */
  scopeSuffix?: string;
  /**
   * Each of those values respelled (scopeQuery): its first letter percent-encoded (`encoded-first`:
   * the same value once decoded where `%` goes raw, rawInQuery; a value that only a second decoding
   * turns back into it otherwise), or as its fullwidth form (`fullwidth-first`, which NFKC folds back),
   * or in lower case (`lower-case`, which a case-insensitive check and collation take for it).
   */
  scopeSpelling?: "encoded-first" | "fullwidth-first" | "lower-case";
  /** The body sent with Transfer-Encoding: chunked, in two chunks, without Content-Length. */
  chunkedBody?: boolean;
  /** Characters left unencoded in the query string, as a query written by hand has them (RFC 3986 §3.4 allows `;` there). */
  rawInQuery?: string[];
}

/**
 * Other ways of writing a UUID that lenient parsers (Java's, .NET's, ajv-formats') take for it,
 * none of them 36 characters: without hyphens, in braces, with the `urn:uuid:` prefix.
 */
export const UUID_SPELLINGS = ["unhyphenated", "braced", "urn", "hyphens-moved", "percent-encoded", "nbsp-after", "parameter-added"] as const;
/**
 * A UUID spelled another way: one of UUID_SPELLINGS (also its first hex digit percent-encoded, 38
 * characters that a server decoding header values reads as it, and a no-break space after it, which
 * JavaScript's trim() strips), or its letters in upper case, the same UUID (RFC 9562 §4:
 * case-insensitive on input), or another UUID, its last digit changed, or its version digit and
 * variant changed (which a parser forcing version 4 and the RFC variant reads as the UUID), or its
 * first three groups in the other byte order (a GUID's layout), or with its first 1, 2, 3 or a as the
 * superscript (NFKC folds it back) or a soft hyphen in its middle (which locale-aware comparisons ignore).
 */
export type UuidSpelling = (typeof UUID_SPELLINGS)[number] | "upper-case" | "last-changed" | "version-changed" | "byte-swapped" | "superscript" | "soft-hyphen";

const SUPERSCRIPT: Readonly<Record<string, string>> = { "1": "\u00b9", "2": "\u00b2", "3": "\u00b3", a: "\u00aa", o: "\u00ba" };

/**
 * `value` with its first 1, 2, 3, a or o as the Latin-1 superscript NFKC folds back (¹ ² ³ ª º);
 * without one, its last character as ² (another value). One spelling for a credential's near miss
 * and an account code's, so the two are masked as one value.
 */
export function superscriptFirst(value: string): string {
  const at = value.search(/[123ao]/);
  return at < 0 ? `${value.slice(0, -1)}\u00b2` : `${value.slice(0, at)}${SUPERSCRIPT[value[at]]}${value.slice(at + 1)}`;
}

/** `uuid` written as `spelling`. */
export function spellUuid(uuid: string, spelling: UuidSpelling): string {
  if (spelling === "upper-case") return uuid.toUpperCase();
  if (spelling === "last-changed") return changedAt(uuid, uuid.length - 1);
  if (spelling === "percent-encoded") return percentEncodedFirst(uuid);
  if (spelling === "nbsp-after") return `${uuid}\u00a0`;
  if (spelling === "parameter-added") return `${uuid};v=1`;
  if (spelling === "byte-swapped") return nearMissId(uuid, "uuid-byte-swapped");
  // Its first 1, 2, 3 or a as the superscript (Latin-1 ¹²³ª, which NFKC folds back); a soft hyphen in its middle.
  if (spelling === "superscript") return superscriptFirst(uuid);
  if (spelling === "soft-hyphen") return nearMissId(uuid, "soft-hyphen");
  if (spelling === "version-changed") return `${uuid.slice(0, 14)}${uuid[14] === "1" ? "4" : "1"}${uuid.slice(15, 19)}${(Number.parseInt(uuid[19], 16) ^ 0x4).toString(16)}${uuid.slice(20)}`;
  if (spelling === "unhyphenated") return uuid.replace(/-/g, "");
  // 36 characters, the hyphens in other places (4-4-8-8-8): a check of the length and the hex digits alone takes it.
  if (spelling === "hyphens-moved") return uuid.replace(/-/g, "").replace(/^(.{4})(.{4})(.{8})(.{8})(.{8})$/, "$1-$2-$3-$4-$5");
  return spelling === "braced" ? `{${uuid}}` : `urn:uuid:${uuid}`;
}

/**
 * A near miss of an id: another id that a loose lookup would still match. `case-swapped`: its
 * letters in the other case; `double-encoded`: its first character percent-encoded inside the
 * value, so the path carries `%25XX` and only a second decoding gives the id back;
 * `trailing-space`: a space after it; `truncated`: without its last character (a prefix or LIKE
 * match); `fullwidth`: its first letter or digit as the fullwidth form that NFKC folds back;
 * `zero-width`: a zero-width space after it, which some normalisations strip;
 * `path-parameter`: `;x` after it in the path, unencoded, which servlet-style routers strip as a
 * path parameter; `like-percent`, `like-underscore`: its last character replaced by SQL LIKE's `%`
 * or `_` wildcard; `glob-star`: its last character replaced by `*`; `extra-segment`: `/x` after it
 * in the path, unencoded, another path that a route matched by prefix takes for the id's;
 * `dot-segment`: `x/../` before it inside the segment (`x%2F..%2F<id>`), which a router that
 * decodes `%2F` and then resolves dot segments takes for the id; `nul-suffix`: a NUL and `x` after
 * it (`%00x`), which C-string handling cuts off; `dot-extension`: `.json` after it, which
 * Spring-style suffix pattern matching strips as a format extension; `separator-swapped`: its
 * first `_` as `-` (or `-` as `_`, or a `-` put in), which a lookup treating separators alike
 * matches; `newline-suffix`: a line feed after it (`%0A`), which a pattern anchored with `$` in
 * Java or PCRE lets through and a trim then drops; `encoded-slash`, `encoded-query`,
 * `encoded-fragment`: `/x`, `?x` or `#x` after it, percent-encoded (`%2Fx`, `%3Fx`, `%23x`), which a
 * server that decodes the whole path before it splits off segments, query and fragment takes for
 * the id; `encoded-ampersand`: `&x=1` after it, percent-encoded (`%26x%3D1`), which a gateway that
 * puts the decoded id into the query of its call to the service behind it splits off as another
 * parameter; `json-escape`: its first letter or digit as a JSON `\u` escape (`\u0063ust_…`), which
 * a server that puts the id into a JSON string and parses it back reads as the id; `plus-for-space`: each space in it as a raw `+` (`+x` after it where it has none), which
 * in a path is a plus (RFC 3986), and only a server decoding the path as form data reads as a space;
 * `accented`: its first letter with an acute accent (`ú` for `u`), which an accent-insensitive
 * collation or a lookup that strips diacritics matches; `uuid-unhyphenated`, `uuid-braced`: a
 * UUID id without its hyphens or in braces, the spellings a UUID column's parser (Postgres, .NET)
 * also reads, which name another string than the id (another id's shape where the id is no UUID);
 * `leading-zero`: a 0 before its digits (`07000004` for `7000004`), which a lookup that reads a
 * digit-only id as a number matches; `regex-dot`: its last character replaced by `.`, which a
 * lookup that puts the id into a regular expression (a `$regex` query) matches; `sql-comment`:
 * `'--` after it, which closes the quoted id and comments out the rest of a query built by string
 * concatenation; `comma-suffix`, `comma-prefix`: `,x` after it or `x,` before it, raw, which a
 * handler that reads the segment as a list of ids matches; `byte-escaped`: its characters of
 * U+0080–U+00FF as single Latin-1 bytes (`%E9` for é), or, in an ASCII id, its first letter or digit
 * as an overlong UTF-8 form (`%C1%A1` for a), which a decoder falling back to Latin-1 or accepting
 * overlong forms reads as the id; `leading-cut`: without its first character, which a suffix match
 * (`LIKE '%' || ?`) finds; `trailing-dot`: a `.` after it, which Windows-style path normalisation
 * strips; `prefix-dropped`: without its prefix up to the first separator (`<hex>` for `cust_<hex>`),
 * which a lookup that adds a missing prefix finds; `astral-suffix`: a four-byte character after it
 * (😀), which a column that stores only three-byte UTF-8 (MySQL's utf8mb3) cuts off; `look-alike`:
 * its first 0, O, 1, I or L as the character a Crockford-style decoder reads alike (O for 0, 1 for
 * I or L), which a lookup that normalises look-alike characters matches; `percent-u`: its first
 * character as a raw `%uXXXX` escape, not percent-encoding at all, which an `unescape()` before the
 * decoding turns back into the id; `last-changed`: its last letter or digit replaced by another of
 * the same kind, the id's shape kept, which a store keyed on a lossy reading of the id (a number
 * past 2^53, a hash cut short) takes for the id; `html-entity`: its first letter or digit as an HTML
 * character reference (`&#99;ust_…`), which a sanitiser that decodes entities turns back into it;
 * `or-query`: `x OR <id>`, which a search engine's delete-by-query reads as "x or the id";
 * `homoglyph`: its first Latin letter that has a Cyrillic twin (а for a, с for c, …) as that twin,
 * which a lookup folding confusables (Unicode's skeleton) matches; `char-appended`: a `0` after it,
 * which a column shorter than the id can be (VARCHAR(32) truncating silently) cuts off;
 * `separator-appended`, `separator-doubled`: a `_` (or the id's own separator) after it, or its
 * first separator twice, which a slug-style lookup that trims and collapses separators matches;
 * `tail-case-swapped`: the letters after its prefix (up to its last separator, or its first two
 * characters) in the other case, the prefix kept, which a lookup folding the case of only the
 * random part (or a validator written `[A-z]` before a case-insensitive collation) matches;
 * `newline-prefix`: `x` and a line feed before it, which a pattern with the multiline flag (`^`
 * after any line break) finds the id in; `uuid-version-changed`: a UUID with its version digit
 * `1` and its variant digit moved to another variant (`8`→`c`), which a parser that forces a
 * version and variant (Python's `UUID(s, version=4)`) reads as the id; `uuid-urn`: the id as
 * `urn:uuid:<id>`, which a UUID parser taking the URN form, or a lookup stripping that prefix, reads as the id; `segment-before`:
 * `x/` before it in the path, unencoded, another path whose last segment is the id, which a router
 * matching a prefix and taking the last segment for the id reads as the id; `hash-collision`:
 * another id of its form with the same 31-based string hash (Java's `String.hashCode`: two
 * neighbouring characters moved by +1 and -31), which a store keyed on that hash takes for the id;
 * `kelvin-sign`: its first K as the Kelvin sign (U+212A; its first Å as the Ångström sign), which
 * NFC itself turns into the letter; `prefix-case-swapped`: its prefix (up to its first separator,
 * or its first two characters) in the other case, the rest kept, which a lookup matching the
 * prefix ignoring case finds; `backslash-dot-segment`: `x\..\` before it (`x%5C..%5C<id>`), which
 * a store resolving the id as a Windows path finds; `stream-suffix`: `::$DATA` after it, the name of
 * a file's data stream that NTFS strips; `soft-hyphen`: a soft hyphen (U+00AD) in its middle, which a
 * sanitiser for ids pasted from documents removes; `other-script-digit`: its first digit as the
 * Arabic-Indic digit of the same value (`١` for `1`), which a lookup folding Unicode digits to ASCII
 * (a collation, `\p{Nd}` then Number()) finds.
 */
export const ID_NEAR_MISSES = ["case-swapped", "double-encoded", "trailing-space", "truncated", "fullwidth", "zero-width", "path-parameter", "like-percent", "like-underscore", "glob-star", "extra-segment", "dot-segment", "nul-suffix", "dot-extension", "separator-swapped", "newline-suffix", "encoded-slash", "encoded-query", "encoded-fragment", "encoded-ampersand", "json-escape", "plus-for-space", "accented", "uuid-unhyphenated", "uuid-braced", "leading-zero", "regex-dot", "sql-comment", "comma-suffix", "comma-prefix", "byte-escaped", "leading-cut", "trailing-dot", "prefix-dropped", "astral-suffix", "look-alike", "percent-u", "last-changed", "html-entity", "or-query", "homoglyph", "char-appended", "separator-appended", "separator-doubled", "tail-case-swapped", "newline-prefix", "uuid-version-changed", "uuid-urn", "segment-before", "hash-collision", "kelvin-sign", "prefix-case-swapped", "backslash-dot-segment", "stream-suffix", "soft-hyphen", "other-script-digit"] as const;
/**
 * Near misses sent only for an id whose schema allows a UUID (its format, or no pattern or format
 * ruling one out; for an id that is no UUID, the byte-swapped one is another near miss): `uuid-byte-swapped`, its first three
 * groups in the other byte order (Microsoft's GUID layout, which a lookup trying both layouts
 * finds); `uuid-nil` and `uuid-max`, the nil and max UUIDs (RFC 9562 §5.9, §5.10), which code
 * reading "no id" or "all ids" into them takes for a wildcard (a delete of every customer).
 */
export const UUID_ID_NEAR_MISSES = ["uuid-byte-swapped", "uuid-nil", "uuid-max"] as const;
export type IdNearMiss = (typeof ID_NEAR_MISSES)[number] | (typeof UUID_ID_NEAR_MISSES)[number];

/**
 * What the documents say the step must get:
 * - `success`: the documented success (a delete of a fixture);
 * - `survives`: the documented success for a fixture that earlier requests must have left in
 *   place (a delete through its own scope, after a crossed one, say);
 * - `not-found`: the documented not-found answer;
 * - `rejected`: a documented 4xx, and not the not-found answer (a deliberately invalid request);
 * - `refused`: the documented not-found answer or another documented 4xx, never a success;
 * - `not-deleted`: a 4xx to a request the operation does not describe (another method, another
 *   path, an undocumented body), which must leave the fixture in place; for auth_enforcement a
 *   redirect to the clean path refuses it too;
 * - `one-success`: of a burst of identical deletes, exactly one gets the documented success;
 * - `carried`: anything but a server error; a request the doc does not describe, which the target
 *   may carry out or refuse, whose effect the later steps judge.
 */
export type Expectation = "success" | "survives" | "not-found" | "rejected" | "refused" | "not-deleted" | "one-success" | "carried";

/**
 * Where a step's path parameter values come from: fixture `n` for all of them, or a fixture
 * index per parameter name (a request that crosses two fixtures).
 */
export type FixtureUse = number | Readonly<Record<string, number>>;

export interface Step {
  label: string;
  plan: RequestPlan;
  /** Path parameter values from the scenario's fixtures; absent: never-existing values. */
  fixture?: FixtureUse;
  /**
   * Headers the profile fills from a path parameter (Juspay's x-routing-id from customer_id) take
   * this fixture's value instead of the path's: a scope crossed in the path but matched in the header.
   */
  headersFrom?: number;
  /**
   * Query parameters named like the path parameters, with this fixture's values, are added to the
   * request (whose path names other ids): a query parameter must not stand in for the path.
   */
  queryFrom?: number;
  /**
   * The query parameter `next` holds this fixture's path (`/customers/<id>`), the request's path
   * other ids: the id must come from the path, not from the last `/` of the whole request target.
   */
  pathInQueryFrom?: number;
  /**
   * Headers named after the path parameters (`X-Customer-Id`, `Customer-Id`) carry this fixture's
   * values, the path other ids: a header must not stand in for the path.
   */
  headerIdsFrom?: number;
  /** Form fields named as the path parameters carry this fixture's values after the documented form body, the path other ids. */
  formIdsFrom?: number;
  expect: Expectation;
  /** Copies of the request in flight at once (a race). Default: 1. */
  burst?: number;
  /** In the burst, every other copy names the ids with a letter percent-encoded (the same ids, RFC 3986 §2.3): a lock keyed on the raw path lets both spellings through. */
  burstRespelled?: boolean;
  /** The same request for fixture `n` sent at the same moment (two deletes of different fixtures at once); each answer judged as the step says. */
  alongside?: number;
  /**
   * Only if step `n` was carried out (got the documented success) does this step expect what it
   * says; where step `n` was refused, the fixture must have survived it (the documented success).
   */
  ifCarried?: number;
  /**
   * This step and step `unknown` send the same request for ids that never existed, one before and
   * one after step `fixture` sent it for the fixture: the fixture's answer must match theirs, what
   * differs between the two aside (a request id; a timestamp, which cannot differ between them if
   * it agrees around the fixture's). An answer that depends on whether the fixture exists is an
   * existence oracle (checks/existence-oracle.ts).
   */
  around?: {
    fixture: number;
    unknown: number;
    /** What the compared answer is and what a difference tells a caller, where not an existing fixture's answer without credentials. */
    subject?: { what: string; tells: string };
  };
  /**
   * Send again, a bounded number of times, while the answer is the documented success: the
   * documented success is 202 Accepted, so the delete may take effect later.
   */
  pollWhileSuccess?: boolean;
}

export interface Scenario {
  /** Stable, human-readable id, unique within the operation. */
  id: string;
  provider: HttpProvider;
  operationId: string;
  check: CheckId;
  /** Whether the expectation rests on a documented or an assumed fact. */
  basis: Basis;
  /** How many deletable customers the scenario obtains as fixtures (0: none). */
  fixtures: number;
  /**
   * Per fixture, path parameters it must share with an earlier fixture (parameter name → that
   * fixture's index): two accounts of one customer. Needs a fixture source that takes them.
   */
  fixtureParents?: ReadonlyArray<Readonly<Record<string, number>> | undefined>;
  /**
   * The last fixture, set up only after the scenario's first step (the others are set up before
   * it): a target that hands the id the first step deleted to the next customer shows it.
   */
  lateFixture?: number;
  description: string;
  steps: Step[];
}

export function plan(overrides: Partial<RequestPlan> = {}): RequestPlan {
  return { pathParams: {}, query: {}, headers: {}, omitHeaders: [], auth: "valid", ...overrides };
}

/** The state a scheme's credential is sent in. */
export function credentialState(auth: AuthPlan, scheme: string): CredentialState {
  return typeof auth === "string" ? auth : (auth[scheme] ?? "valid");
}

/** The step's request is one the target must refuse: deliberately invalid, crossing a scope, or another method. */
export function expectsRefusal(step: Step): boolean {
  return step.expect === "rejected" || step.expect === "refused" || step.expect === "not-deleted";
}

/** Whether the step takes any path parameter from a fixture. */
export function usesFixture(step: Step): boolean {
  return step.fixture !== undefined;
}

/** The fixture index a path parameter of the step comes from, or undefined. */
export function fixtureIndexFor(step: Step, param: string): number | undefined {
  const use = step.fixture;
  if (use === undefined) return undefined;
  return typeof use === "number" ? use : use[param];
}
