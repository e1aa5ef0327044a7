/**
 * One typed options object for `payconform serve`, with every default written out, built in one
 * place (`resolveServeOptions`).
 */
import type { HttpProvider } from "../providers.ts";

export interface ServeOptions {
  /** The provider whose reference sandbox to start. Required. */
  provider: HttpProvider;
  /** Interface to bind. Default: 127.0.0.1 (loopback only). */
  host: string;
  /** Port to bind; 0 picks a free one. Default: 4010. */
  port: number;
  /**
   * Where made-up credentials are written when the environment holds none (mode 0600, removed on
   * stop). Default: a new private folder under the system's temp folder.
   */
  credentialsFile?: string;
  /** Environment to read credentials from (the variables `run` reads). Default: process.env. */
  env: NodeJS.ProcessEnv;
}

/** The accepted range of --port. */
export const PORT_LIMITS = { min: 0, max: 65_535 } as const;

export const DEFAULT_SERVE_OPTIONS: Omit<ServeOptions, "provider"> = {
  host: "127.0.0.1",
  port: 4010,
  env: process.env,
};

export function resolveServeOptions(partial: Pick<ServeOptions, "provider"> & Partial<ServeOptions>): ServeOptions {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
  return { ...DEFAULT_SERVE_OPTIONS, ...defined } as ServeOptions;
}
