/**
 * Credentials for a run: read from the environment for a real target (the only place secrets
 * come from), or handed over by an embedded sandbox. Also makes the wrong-but-well-formed values
 * auth_enforcement sends.
 */
import { UsageError } from "../errors.ts";
import { credentialEnvNames, type ProviderProfile } from "../profiles/profile.ts";
import type { Credentials } from "../sandboxes/types.ts";
import type { Rng } from "../cases/random.ts";

export function credentialsFromEnv(profile: ProviderProfile, env: NodeJS.ProcessEnv): Credentials {
  const names = credentialEnvNames(profile);
  const missing = names.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new UsageError(`${profile.provider}: set ${missing.join(", ")} to run against a real target (see README, Credentials)`);
  }
  return Object.fromEntries(names.map((name) => [name, env[name] as string]));
}

/** Values of the same length and alphabet as the real ones, which no target issued. */
export function wrongCredentials(credentials: Credentials, rng: Rng): Credentials {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  return Object.fromEntries(
    Object.entries(credentials).map(([name, value]) => [name, `pcwrong${rng.string(alphabet, Math.max(16, value.length - 7))}`]),
  );
}
