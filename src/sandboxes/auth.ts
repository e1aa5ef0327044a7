/**
 * Credential checks derived from the spec's security schemes (which header, which HTTP scheme)
 * and the provider profile (which credential feeds which scheme). A missing credential never
 * matches; no credential value is ever put into a reply.
 */
import { PROFILES } from "../profiles/index.ts";
import type { CredentialSource } from "../profiles/profile.ts";
import type { SecuritySchemeSpec } from "../spec/model.ts";
import { header } from "./replies.ts";
import type { Credentials, SandboxContext, SandboxRequest } from "./types.ts";

/** Whether the request satisfies every security scheme the operation requires. */
export function credentialsMatch(req: SandboxRequest, ctx: SandboxContext): boolean {
  const sources = PROFILES[ctx.provider].credentials;
  return ctx.operation.security.every((scheme) => schemeSatisfied(req, scheme, sources[scheme.name], ctx.credentials));
}

/** Whether every header the profile fills from a credential (Yuno's x-account-code) carries it. */
export function accountHeadersMatch(req: SandboxRequest, ctx: SandboxContext): boolean {
  return Object.entries(PROFILES[ctx.provider].headerValues).every(([name, source]) => {
    if (source.kind !== "env") return true;
    const expected = ctx.credentials[source.env];
    return expected !== undefined && header(req, name)?.toLowerCase() === expected.toLowerCase();
  });
}

function schemeSatisfied(req: SandboxRequest, scheme: SecuritySchemeSpec, source: CredentialSource | undefined, creds: Credentials): boolean {
  if (!source) return false;
  if (scheme.type === "apiKey" && source.kind === "apiKey" && scheme.headerName) {
    return same(header(req, scheme.headerName), creds[source.env]);
  }
  // RFC 9110 §11.4: the scheme, then one or more spaces (SP only: a no-break space is part of the credential).
  const parts = (header(req, "authorization") ?? "").replace(/^[ \t]+|[ \t]+$/g, "").split(/ +/);
  if (parts.length !== 2) return false;
  const [kind, token] = parts;
  if (scheme.scheme === "basic" && source.kind === "basic" && kind.toLowerCase() === "basic") {
    const user = creds[source.usernameEnv];
    if (user === undefined) return false;
    const expected = Buffer.from(`${user}:${source.password}`, "utf8").toString("base64");
    return stripPadding(token) === stripPadding(expected);
  }
  if (scheme.scheme === "bearer" && source.kind === "bearer" && kind.toLowerCase() === "bearer") {
    return same(token, creds[source.env]);
  }
  return false;
}

function same(given: string | undefined, expected: string | undefined): boolean {
  return given !== undefined && expected !== undefined && given === expected;
}

function stripPadding(base64: string): string {
  return base64.replace(/=+$/, "");
}
