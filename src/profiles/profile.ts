/**
 * A provider profile holds only what a spec cannot say: which documented answer means
 * "not found", where the error code sits in an error body, which environment variable feeds
 * which security scheme, and how to fill a required header that is not a credential.
 * Everything else is derived from specs/.
 */
import type { HttpProvider } from "../providers.ts";

/** How a credential value is obtained from the environment, keyed by security scheme name. */
export type CredentialSource =
  /**
   * `public`: a key the provider hands to browsers (Yuno's public-api-key): masked, but a target may
   * name it back. `identifier`: a key that names the caller beside a secret that authenticates it
   * (Cashfree's App ID): that its near misses (but an empty one) are refused is assumed, as the
   * secret still decides.
   */
  | { kind: "apiKey"; env: string; public?: true; identifier?: true }
  | { kind: "basic"; usernameEnv: string; password: string }
  | { kind: "bearer"; env: string };

/** How the value of a required, non-credential header is chosen for a valid request. */
export type HeaderValueSource = { kind: "env"; env: string } | { kind: "pathParam"; name: string };

export interface NotFoundAnswer {
  status: number;
  /** When the status alone is ambiguous (Yuno's 400), the error code that marks "not found". */
  code?: { pointer: string; value: string };
}

export interface ProviderProfile {
  provider: HttpProvider;
  /** The operation this profile describes (the delete operation). */
  operationId: string;
  notFound: NotFoundAnswer;
  /** JSON pointers to fields in error bodies that carry a code or type from a documented set. */
  errorCodePointers: string[];
  credentials: Record<string, CredentialSource>;
  headerValues: Record<string, HeaderValueSource>;
  /** The provider-state name that asks for a deletable customer. */
  fixtureState: string;
  /** Environment variable holding disposable fixtures, for targets without a state URL. */
  fixturesEnv: string;
  /**
   * Why the ids may be the caller's own choice (a merchant's `cust_priya_sharma_2024`), where they
   * may: a fixture source may then hand a permanently deleted id out again, and the scenario that
   * meets it is skipped. Absent: the target issues ids, and one issued twice is its fault.
   */
  idsChosenByCaller?: string;
}

/** Every environment variable a profile reads for credentials or headers. */
export function credentialEnvNames(profile: ProviderProfile): string[] {
  const names = Object.values(profile.credentials).map((c) => (c.kind === "basic" ? c.usernameEnv : c.env));
  for (const h of Object.values(profile.headerValues)) if (h.kind === "env") names.push(h.env);
  return names;
}
