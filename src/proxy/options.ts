/**
 * One typed options object for `payconform proxy`, with every default written out and
 * documented, built in one place (`resolveProxyOptions`). The CLI parses its flags into it
 * (src/cli/proxy-command.ts); tests and the bench build it directly.
 */
import type { HttpProvider } from "../providers.ts";

export interface ProxyOptions {
  /** The provider whose documents the exchanges are checked against. Required: no default. */
  provider: HttpProvider;
  /**
   * The target's base URL: it stands for the spec's server URL entirely, base path included, as
   * `run --target` does. A request for `/customers/x` at the proxy goes to `<target>/customers/x`.
   * Required: no default.
   */
  target: string;
  /** Port to listen on, on 127.0.0.1; 0 picks a free one. Default: 4020. */
  port: number;
  /** Folder for junit.xml and conformance.json, written when the proxy stops. Default: reports/. */
  reportDir: string;
  /** Pact V4 file to write the observed exchanges to when the proxy stops. Default: none. */
  record?: string;
  /** Warnings (departures from assumed facts, undocumented 4xx to requests that must be refused) count as failures. Default: false. */
  strict: boolean;
  /** Allow a target that is one of the specs' production servers. Default: false. */
  allowProduction: boolean;
  /** Longest wait for the target's complete answer; then the client gets 504. Default: 10 000 ms. */
  timeoutMs: number;
  /** Bodies (request or answer) larger than this are still forwarded whole, but not checked. Default: 1 MiB. */
  maxBodyBytes: number;
  /** PEM CA certificates to trust besides the system's, for an https target (--ca-cert). Default: none. */
  caCert?: string;
  /** Environment to read the configured credentials from. Default: process.env. */
  env: NodeJS.ProcessEnv;
  /** Stops the proxy (SIGINT, SIGTERM): it stops listening, lets exchanges in flight finish, and writes its reports. Default: none (it runs until the process ends). */
  signal?: AbortSignal;
}

/** The accepted range of each numeric flag. */
export const PROXY_LIMITS = {
  port: { min: 0, max: 65_535 },
  timeoutMs: { min: 1, max: 600_000 },
} as const;

export const DEFAULT_PROXY_OPTIONS: Omit<ProxyOptions, "provider" | "target"> = {
  port: 4020,
  reportDir: "reports",
  strict: false,
  allowProduction: false,
  timeoutMs: 10_000,
  maxBodyBytes: 1024 * 1024,
  env: process.env,
};

export function resolveProxyOptions(partial: Partial<ProxyOptions> & Pick<ProxyOptions, "provider" | "target">): ProxyOptions {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
  return { ...DEFAULT_PROXY_OPTIONS, ...defined } as ProxyOptions;
}
