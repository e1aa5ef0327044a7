/**
 * Credentials for a run: read from the environment for a real target (the only place secrets
 * come from), or handed over by an embedded sandbox. Also makes the wrong-but-well-formed values
 * auth_enforcement sends.
 */
import { createHash } from "node:crypto";
import { changedAt } from "../cases/same-kind.ts";
import { UsageError } from "../errors.ts";
import { MIN_SECRET_LENGTH } from "../http/redact.ts";
import { PROFILES } from "../profiles/index.ts";
import { credentialEnvNames, type ProviderProfile } from "../profiles/profile.ts";
import type { Credentials } from "../sandboxes/types.ts";
import type { Rng } from "../cases/random.ts";
import { NEAR_MISSES, OTHER_PASSWORD, spellUuid, superscriptFirst, TOKEN_AS_PASSWORD_USER, type NearMiss } from "../cases/model.ts";

export function credentialsFromEnv(profile: ProviderProfile, env: NodeJS.ProcessEnv): Credentials {
  const names = credentialEnvNames(profile);
  const missing = names.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new UsageError(`${profile.provider}: set ${missing.join(", ")} to run against a real target (see README, Credentials)`);
  }
  const short = names.filter((name) => (env[name] as string).length < MIN_SECRET_LENGTH);
  if (short.length > 0) {
    throw new UsageError(
      `${profile.provider}: ${short.join(", ")} ${short.length === 1 ? "is" : "are"} shorter than ${MIN_SECRET_LENGTH} characters; so short a credential is refused, because masking it in the output would garble ordinary text`,
    );
  }
  return Object.fromEntries(names.map((name) => [name, env[name] as string]));
}

/**
 * Every credential value set in `env`, for any provider, that is long enough to mask. The CLI
 * masks them in every command's output from the start; shorter ones are refused where they are used.
 */
export function credentialValuesInEnv(env: NodeJS.ProcessEnv): string[] {
  const names = Object.values(PROFILES).flatMap((profile) => credentialEnvNames(profile));
  return names.map((name) => env[name] ?? "").filter((value) => value.length >= MIN_SECRET_LENGTH);
}

/** Values of the same length and alphabet as the real ones, which no target issued. */
export function wrongCredentials(credentials: Credentials, rng: Rng): Credentials {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  return Object.fromEntries(
    Object.entries(credentials).map(([name, value]) => [name, `pcwrong${rng.string(alphabet, Math.max(16, value.length - 7))}`]),
  );
}

/**
 * A near miss of a valid credential value: empty, one character short, one character more,
 * with its letters in the other case, in double quotes, with a space or an `é` in its middle, or
 * with its first letter (or, without one, digit) percent-encoded (`%73k_…` for `sk_…`), or followed by a space and
 * another word. A value without letters has no case to swap; its
 * "case-swapped" miss is the value with a character changed instead, which is still not the value.
 */
export function nearMiss(value: string, kind: NearMiss): string {
  switch (kind) {
    case "empty":
      return "";
    case "truncated":
      return value.slice(0, -1);
    case "leading-cut":
      return value.slice(1);
    case "regex-dot":
      return `${value.slice(0, -1)}.`;
    case "middle-changed": {
      const at = value.slice(value.length >> 1).search(/[A-Za-z0-9]/);
      return at < 0 ? `${value}0` : changedAt(value, (value.length >> 1) + at);
    }
    case "padding-added":
      return `${value}==`;
    case "parameter-added":
      return `${value};v=1`;
    case "separators-swapped":
      return /[-_]/.test(value) ? value.replace(/[-_]/g, (c) => (c === "_" ? "-" : "_")) : `${value.slice(0, value.length >> 1)}-${value.slice(value.length >> 1)}`;
    case "jwt-unsigned":
      return unsignedJwt(value) ?? `${value}.`;
    case "segment-added":
      return `${value}.x`;
    case "trailing-nbsp":
      return `${value}\u00a0`;
    case "superscript":
      return superscriptFirst(value);
    case "encoded-word":
      return `=?utf-8?B?${Buffer.from(value, "utf8").toString("base64")}?=`;
    case "sha256-hex":
      return createHash("sha256").update(value).digest("hex");
    case "extended":
      return `${value}0`;
    case "quoted":
      return `"${value}"`;
    case "inner-space":
      return `${value.slice(0, value.length >> 1)} ${value.slice(value.length >> 1)}`;
    case "inner-latin1":
      return `${value.slice(0, value.length >> 1)}\u00e9${value.slice(value.length >> 1)}`;
    case "last-changed": {
      // Another of the narrowest class it is in: a digit, a hex letter, another letter of its case.
      const at = value.search(/[A-Za-z0-9][^A-Za-z0-9]*$/);
      return at < 0 ? `${value}0` : changedAt(value, at);
    }
    case "inner-soft-hyphen":
      return `${value.slice(0, value.length >> 1)}\u00ad${value.slice(value.length >> 1)}`;
    case "base64-encoded":
      return Buffer.from(value, "utf8").toString("base64");
    case "other-environment": {
      const marker = /test|live|sandbox|production|prod/i.exec(value);
      if (!marker) return `live_${value}`;
      const word = marker[0].toLowerCase();
      const other = OTHER_ENVIRONMENT[word];
      const spelled = marker[0] === marker[0].toUpperCase() ? other.toUpperCase() : other;
      return `${value.slice(0, marker.index)}${spelled}${value.slice(marker.index + marker[0].length)}`;
    }
    case "trailing-word":
      return `${value} x`;
    case "percent-encoded": {
      // A letter's escape never ends in the letter itself (a digit's does: `%31` holds `1`).
      const letter = value.search(/[A-Za-z]/);
      const at = letter >= 0 ? letter : Math.max(0, value.search(/[0-9]/));
      return value === "" ? "%00" : `${value.slice(0, at)}%${value.charCodeAt(at).toString(16).toUpperCase().padStart(2, "0")}${value.slice(at + 1)}`;
    }
    case "case-swapped": {
      const swapped = Array.from(value, (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join("");
      return swapped !== value ? swapped : `${value.slice(0, -1)}${value.endsWith("1") ? "2" : "1"}`;
    }
  }
}

/** A JSON Web Token's claims under `{"alg":"none"}` and without a signature; undefined when the value is no JWT. */
function unsignedJwt(value: string): string | undefined {
  const parts = value.split(".");
  if (parts.length !== 3 || !parts.every((part) => /^[A-Za-z0-9_-]+$/.test(part))) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0], "base64url").toString("utf8")) as unknown;
    if (!header || typeof header !== "object" || !("alg" in header)) return undefined;
    return `${Buffer.from(JSON.stringify({ ...header, alg: "none" })).toString("base64url")}.${parts[1]}.`;
  } catch {
    return undefined;
  }
}

/** The other environment's word for each environment marker a key carries. */
const OTHER_ENVIRONMENT: Readonly<Record<string, string>> = { test: "live", live: "test", sandbox: "production", production: "sandbox", prod: "test" };

/** The credentials with every value replaced by its near miss of one kind. */
export function nearMissCredentials(credentials: Credentials, kind: NearMiss): Credentials {
  return Object.fromEntries(Object.entries(credentials).map(([name, value]) => [name, nearMiss(value, kind)]));
}

/**
 * Every non-empty near-miss value of the credentials, and a UUID credential without its hyphens
 * (required_header_enforcement sends Yuno's account code so; its braced and URN spellings hold
 * the value itself), and a Basic user with the other password auth_enforcement sends: secrets too,
 * masked wherever the real ones are.
 */
export function nearMissSecrets(credentials: Credentials, profile?: ProviderProfile): string[] {
  // A Basic user sent with another password: `user:password` is masked whole, in every encoding.
  const basicUsers = Object.values(profile?.credentials ?? {}).flatMap((source) => (source.kind === "basic" && credentials[source.usernameEnv] ? [`${credentials[source.usernameEnv]}:${OTHER_PASSWORD}`] : []));
  // A bearer token as a Basic password (`basic-password`): the pair is masked whole, so no base64 character straddles it.
  const tokenPairs = Object.values(profile?.credentials ?? {}).flatMap((source) => (source.kind === "bearer" && credentials[source.env] ? [`${TOKEN_AS_PASSWORD_USER}:${credentials[source.env]}`] : []));
  return [
    ...Object.values(credentials).flatMap((value) => [
      // A miss that holds the value itself (one character more, in quotes) is masked with it.
      ...NEAR_MISSES.map((kind) => nearMiss(value, kind)).filter((v) => v !== "" && !v.includes(value)),
      // A UUID without hyphens, and the other UUIDs ownership_enforcement sends (its version and
      // variant changed, its first three groups byte-swapped; its superscript and soft-hyphen
      // spellings are the near misses above).
      ...(UUID.test(value) ? [value.replace(/-/g, ""), ...(["version-changed", "byte-swapped"] as const).map((spelling) => spellUuid(value, spelling))] : []),
    ]),
    ...basicUsers,
    ...tokenPairs,
  ];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The credentials that authenticate (the security schemes' keys, tokens and Basic users), without
 * values the profile fills into other headers from the environment (Yuno's x-account-code, an
 * account identifier shown in the dashboard) and without keys the provider hands to browsers (Yuno's
 * public-api-key): a target may name its own account and its public key back, so only these are
 * judged by no_secret_echo. payconform masks all of them in what it writes either way.
 */
export function authenticatingCredentials(credentials: Credentials, profile: ProviderProfile): Credentials {
  const names = new Set(Object.values(profile.credentials).flatMap((source) => (source.kind === "basic" ? [source.usernameEnv] : source.kind === "apiKey" && source.public ? [] : [source.env])));
  return Object.fromEntries(Object.entries(credentials).filter(([name]) => names.has(name)));
}

/**
 * The credentials that name the caller beside a secret that authenticates it (Cashfree's App ID,
 * the profile's `identifier` keys): no_secret_echo judges an echo of one of them alone as assumed,
 * since the doc calls such a key an ID, not a secret.
 */
export function identifyingCredentials(credentials: Credentials, profile: ProviderProfile): Credentials {
  const names = new Set(Object.values(profile.credentials).flatMap((source) => (source.kind === "apiKey" && source.identifier ? [source.env] : [])));
  return Object.fromEntries(Object.entries(credentials).filter(([name]) => names.has(name)));
}

/**
 * `secrets` without the identifying keys' values, nor values inside one or holding one whole (keys
 * regrouped across their headers): no_secret_echo judges those as the key is. Worked out once per
 * list, not per exchange.
 */
export function withoutIdentifiers(secrets: readonly string[], identifiers: readonly string[]): string[] {
  if (identifiers.length === 0) return [...secrets];
  return secrets.filter((secret) => !identifiers.some((id) => id.includes(secret) || secret.includes(id)));
}
