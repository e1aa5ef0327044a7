/**
 * The request headers that carry a provider's credentials, derived from the spec's security
 * schemes and the profile (which variable feeds which scheme, and Yuno's x-account-code).
 * Header names are lower-case.
 */
import { SpecError } from "../errors.ts";
import { PROFILES } from "../profiles/index.ts";
import type { HttpProvider } from "../providers.ts";
import type { Credentials } from "../sandboxes/types.ts";
import { loadSpec } from "../spec/load.ts";
import type { OperationSpec } from "../spec/model.ts";

/** The profile's operation of a provider (the delete operation). */
export function deleteOperation(provider: HttpProvider): OperationSpec {
  const spec = loadSpec(provider);
  const op = spec.operations.find((o) => o.operationId === PROFILES[provider].operationId);
  if (!op) throw new SpecError(`${spec.file} has no operation ${PROFILES[provider].operationId}`);
  return op;
}

export function credentialHeaders(provider: HttpProvider, credentials: Credentials): Record<string, string> {
  const profile = PROFILES[provider];
  const headers: Record<string, string> = {};
  for (const scheme of deleteOperation(provider).security) {
    const source = profile.credentials[scheme.name];
    if (source?.kind === "basic") {
      const token = Buffer.from(`${credentials[source.usernameEnv] ?? ""}:${source.password}`, "utf8").toString("base64");
      headers.authorization = `Basic ${token}`;
    } else if (source?.kind === "bearer") {
      headers.authorization = `Bearer ${credentials[source.env] ?? ""}`;
    } else if (source?.kind === "apiKey" && scheme.headerName) {
      headers[scheme.headerName.toLowerCase()] = credentials[source.env] ?? "";
    }
  }
  for (const [name, source] of Object.entries(profile.headerValues)) {
    if (source.kind === "env") headers[name.toLowerCase()] = credentials[source.env] ?? "";
  }
  return headers;
}
