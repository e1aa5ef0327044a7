/**
 * Credentials for a run: read from the environment for a real target (the only place secrets
 * come from), or handed over by an embedded sandbox. Also makes the wrong-but-well-formed values
 * auth_enforcement sends.
 */
import { UsageError } from "../errors.ts";
import { MIN_SECRET_LENGTH } from "../http/redact.ts";
import { PROFILES } from "../profiles/index.ts";
import { credentialEnvNames, type ProviderProfile } from "../profiles/profile.ts";
import type { Credentials } from "../sandboxes/types.ts";
import type { Rng } from "../cases/random.ts";

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
