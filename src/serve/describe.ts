/**
 * What `payconform serve` tells its user: where the sandbox listens, how to authenticate (from
 * the spec's security schemes and the provider profile, naming the environment variables, never
 * their values), where the credentials are, how to run against it; and one line per request.
 */
import { PROFILES } from "../profiles/index.ts";
import { shorten } from "../output.ts";
import type { SandboxHandle } from "../sandboxes/types.ts";
import type { ExchangeLogEntry } from "../sandboxes/types.ts";
import { loadSpec } from "../spec/load.ts";
import type { ServeOptions } from "./options.ts";

/** The request headers that authenticate, with `$VARIABLE` where a credential goes. */
export function authHeaders(provider: ServeOptions["provider"]): string[] {
  const profile = PROFILES[provider];
  const op = loadSpec(provider).operations.find((o) => o.operationId === profile.operationId);
  const headers: string[] = [];
  for (const scheme of op?.security ?? []) {
    const source = profile.credentials[scheme.name];
    if (!source) continue;
    if (source.kind === "apiKey" && scheme.headerName) headers.push(`${scheme.headerName}: $${source.env}`);
    if (source.kind === "bearer") headers.push(`Authorization: Bearer $${source.env}`);
    if (source.kind === "basic") headers.push(`Authorization: Basic base64("$${source.usernameEnv}:${source.password}")`);
  }
  for (const [name, source] of Object.entries(profile.headerValues)) if (source.kind === "env") headers.push(`${name}: $${source.env}`);
  return headers;
}

export interface BannerFacts {
  options: ServeOptions;
  sandbox: SandboxHandle;
  /** The made-up credentials' file; undefined when they come from the environment. */
  credentialsFile?: string;
}

export function banner({ options, sandbox, credentialsFile }: BannerFacts): string {
  const { provider } = options;
  const state = PROFILES[provider].fixtureState;
  const names = Object.keys(sandbox.credentials).join(", ");
  const lines = [
    `payconform serve: ${provider} reference sandbox, listening on ${options.host}:${new URL(sandbox.baseUrl).port}`,
    `  base URL:    ${sandbox.baseUrl}`,
    `  state URL:   ${sandbox.stateUrl}  (POST {"state": "${state}"} makes a fixture to delete)`,
    ...authHeaders(provider).map((h, i) => `  ${i === 0 ? "auth:       " : "            "} ${h}`),
    credentialsFile === undefined
      ? `  credentials: ${names} from the environment`
      : `  credentials: made up for this session, in ${credentialsFile} (only you can read it; removed on stop)`,
    ...(credentialsFile === undefined ? [] : [`               load them: set -a; . ${credentialsFile}; set +a`]),
    `  try:         npx payconform run --provider ${provider} --target ${sandbox.baseUrl} --state-url ${sandbox.stateUrl}`,
    ...(isLoopback(options.host) ? [] : [`  note:        listening on ${options.host}: other machines can reach this sandbox`]),
    "Ctrl-C stops it. One line per request follows: time, method, path, status, duration.",
  ];
  return `${lines.join("\n")}\n`;
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\./.test(host);
}

/** `2026-12-02T10:00:00.123Z DELETE /api/v0/customer/KC… 404 1.2 ms`; a long path is shortened. */
export function requestLine(entry: ExchangeLogEntry, at: Date = new Date()): string {
  const status = entry.status === undefined ? "(no answer)" : String(entry.status);
  return `${at.toISOString()} ${entry.method} ${shorten(entry.url)} ${status} ${entry.durationMs.toFixed(1)} ms\n`;
}
