/**
 * Where a served sandbox's credentials come from: the environment variables `run` reads (all of
 * a provider's, or none), or made up for the session and written to a file only its owner can
 * read, which is removed when the sandbox stops.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UsageError } from "../errors.ts";
import { protectSecrets, writeCredentialsFile } from "../output.ts";
import { PROFILES } from "../profiles/index.ts";
import { credentialEnvNames } from "../profiles/profile.ts";
import { credentialsFromEnv } from "../runner/credentials.ts";
import { makeSandboxCredentials } from "../sandboxes/index.ts";
import type { Credentials } from "../sandboxes/types.ts";
import type { ServeOptions } from "./options.ts";

export interface ServeCredentials {
  credentials: Credentials;
  /** The file holding made-up credentials; undefined when they come from the environment. */
  file?: string;
  /** Removes the file (and the folder made for it); nothing for credentials from the environment. */
  remove(): void;
}

export function serveCredentials(options: ServeOptions): ServeCredentials {
  const names = credentialEnvNames(PROFILES[options.provider]);
  const set = names.filter((name) => options.env[name]);
  if (set.length === names.length) return { credentials: credentialsFromEnv(PROFILES[options.provider], options.env), remove: () => {} };
  if (set.length > 0) {
    const missing = names.filter((name) => !options.env[name]);
    throw new UsageError(`${options.provider}: ${set.join(", ")} set but not ${missing.join(", ")}; set all of them, or none and serve makes its own`);
  }
  const credentials = makeSandboxCredentials(options.provider);
  protectSecrets(Object.values(credentials));
  const folder = options.credentialsFile === undefined ? mkdtempSync(join(tmpdir(), "payconform-serve-")) : undefined;
  const file = options.credentialsFile ?? join(folder!, `${options.provider}.env`);
  try {
    writeCredentialsFile(file, credentials);
  } catch (error) {
    if (folder) rmSync(folder, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(`cannot write the credentials file ${file}: ${code}${code === "EEXIST" ? " (serve never overwrites a file)" : ""}`, { cause: error });
  }
  return {
    credentials,
    file,
    remove: () => rmSync(folder ?? file, { recursive: true, force: true }),
  };
}
