/**
 * The credentials of a client's request, read by the operation's security schemes and the
 * provider profile: for each scheme, whether the request carries the configured credential (the
 * one in the environment), another one, or none; the same for headers the profile fills from the
 * account (Yuno's x-account-code); and every credential value the request carries, which the
 * proxy masks wherever it prints or writes, and no_secret_echo looks for in the answer.
 */
import type { CredentialState } from "../cases/model.ts";
import type { ProviderProfile } from "../profiles/profile.ts";
import type { Credentials } from "../sandboxes/types.ts";
import type { OperationSpec, SecuritySchemeSpec } from "../spec/model.ts";

/** A credential sent as configured, as another value, or not at all. */
export type SentState = Extract<CredentialState, "valid" | "wrong" | "missing">;

export interface SentCredentials {
  /** Per security scheme name. */
  schemes: Record<string, SentState>;
  /** Per account header the profile fills from the environment (lower-case name): as configured, another value, or none. */
  accounts: Record<string, SentState>;
  /** Every credential value the request carries (the decoded user and password of Basic), empty ones left out. */
  values: string[];
  /**
   * Those that authenticate, which no_secret_echo looks for: not an account header's value, nor a
   * key the provider hands to browsers (runner/credentials.ts, authenticatingCredentials).
   */
  authenticating: string[];
  /** Of those, the keys that name the caller beside a secret (Cashfree's App ID; runner/credentials.ts, identifyingCredentials). */
  identifying: string[];
  /** Header names (lower-case) that carry a credential. */
  headers: string[];
}

export function sentCredentials(op: OperationSpec, profile: ProviderProfile, configured: Credentials, headers: Record<string, string>): SentCredentials {
  const out: SentCredentials = { schemes: {}, accounts: {}, values: [], authenticating: [], identifying: [], headers: [] };
  for (const scheme of op.security) {
    const read = readScheme(scheme, profile, configured, headers);
    out.schemes[scheme.name] = read.state;
    out.values.push(...read.values);
    const source = profile.credentials[scheme.name];
    if (!(source?.kind === "apiKey" && source.public)) out.authenticating.push(...read.values);
    if (source?.kind === "apiKey" && source.identifier) out.identifying.push(...read.values);
    if (read.header && headers[read.header] !== undefined) out.headers.push(read.header);
  }
  for (const [name, source] of Object.entries(profile.headerValues)) {
    if (source.kind !== "env") continue;
    const header = name.toLowerCase();
    const value = headers[header];
    out.accounts[header] = value === undefined || value === "" ? "missing" : value.toLowerCase() === (configured[source.env] ?? "").toLowerCase() ? "valid" : "wrong";
    if (value) out.values.push(value);
    if (value !== undefined) out.headers.push(header);
  }
  out.values = [...new Set(out.values.filter((v) => v !== ""))];
  out.authenticating = [...new Set(out.authenticating.filter((v) => v !== ""))];
  out.headers = [...new Set(out.headers)];
  return out;
}

interface ReadScheme {
  state: SentState;
  values: string[];
  header?: string;
}

function readScheme(scheme: SecuritySchemeSpec, profile: ProviderProfile, configured: Credentials, headers: Record<string, string>): ReadScheme {
  const source = profile.credentials[scheme.name];
  if (scheme.type === "apiKey" && scheme.headerName) {
    const header = scheme.headerName.toLowerCase();
    const value = headers[header];
    const expected = source?.kind === "apiKey" ? configured[source.env] : undefined;
    return { header, state: value === undefined || value === "" ? "missing" : value === expected ? "valid" : "wrong", values: value ? [value] : [] };
  }
  const authorization = headers.authorization;
  if (authorization === undefined || authorization.trim() === "") return { header: "authorization", state: "missing", values: [] };
  const [kind = "", token = "", ...rest] = authorization.trim().split(/\s+/);
  const values = [token, ...rest].filter((v) => v !== "");
  if (scheme.scheme === "basic" && kind.toLowerCase() === "basic") {
    const decoded = decodeBasic(token);
    if (decoded) values.push(decoded.user, decoded.password);
    const ok = source?.kind === "basic" && rest.length === 0 && decoded?.user === configured[source.usernameEnv] && decoded.password === source.password;
    return { header: "authorization", state: ok ? "valid" : "wrong", values };
  }
  if (scheme.scheme === "bearer" && kind.toLowerCase() === "bearer") {
    const ok = source?.kind === "bearer" && rest.length === 0 && token === configured[source.env];
    return { header: "authorization", state: ok ? "valid" : "wrong", values };
  }
  return { header: "authorization", state: "wrong", values };
}

/** `user:password` from a Basic token (RFC 7617), or undefined when it is not base64 of one. */
export function decodeBasic(token: string): { user: string; password: string } | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(token)) return undefined;
  const text = Buffer.from(token, "base64").toString("utf8");
  const colon = text.indexOf(":");
  return colon === -1 ? undefined : { user: text.slice(0, colon), password: text.slice(colon + 1) };
}
