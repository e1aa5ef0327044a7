/**
 * `payconform proxy --provider P --target URL [--port N] [--report-dir DIR] [--record FILE]
 * [--strict] [--allow-production] [--timeout-ms N] [--ca-cert FILE]`: checks an integrator's own
 * traffic (src/proxy/). The flags, their types and defaults are in one table, parsed into one
 * `ProxyOptions` (src/proxy/options.ts). Runs until SIGINT or SIGTERM, which end it normally:
 * exit 0 when every exchange conformed (warnings allowed), 1 on any failed or errored result,
 * the client's included; 2 on a bad flag or a tool error, before it listens.
 */
import { UsageError } from "../errors.ts";
import { readCaCert } from "../http/tls.ts";
import { DEFAULT_PROXY_OPTIONS, PROXY_LIMITS, resolveProxyOptions, type ProxyOptions } from "../proxy/options.ts";
import { runProxy } from "../proxy/run.ts";
import { HTTP_PROVIDERS } from "../providers.ts";
import { parseFlags, parseInteger, providersFlag } from "./args.ts";
import type { CommandContext } from "./commands.ts";

/** Every flag, its type, and the default it leaves in place (see ProxyOptions). */
export const PROXY_FLAGS = {
  provider: { type: "string", multiple: true, help: `one of ${HTTP_PROVIDERS.join(", ")} (required)` },
  target: { type: "string", help: "the target's base URL, base path included (required)" },
  port: { type: "string", help: `port on 127.0.0.1, 0 for any (default ${DEFAULT_PROXY_OPTIONS.port})` },
  "report-dir": { type: "string", help: `folder for junit.xml and conformance.json (default ${DEFAULT_PROXY_OPTIONS.reportDir})` },
  record: { type: "string", help: "write the observed exchanges to this Pact V4 file (default: none)" },
  strict: { type: "boolean", help: "warnings count as failures (default off)" },
  "allow-production": { type: "boolean", help: "allow a production server as the target (default off)" },
  "timeout-ms": { type: "string", help: `wait for the target's answer, then 504 (default ${DEFAULT_PROXY_OPTIONS.timeoutMs})` },
  "ca-cert": { type: "string", help: "PEM CA certificates to trust for an https target (default: none)" },
} as const;

/** The command line as ProxyOptions; a UsageError (one line, exit 2) for anything wrong. */
export function parseProxyArgs(argv: string[], signal?: AbortSignal): ProxyOptions {
  const flags = parseFlags(argv, PROXY_FLAGS);
  const providers = providersFlag(flags.provider);
  if (providers === undefined) throw new UsageError(`proxy needs --provider (one of ${HTTP_PROVIDERS.join(", ")})`);
  if (providers.length !== 1) throw new UsageError(`proxy checks one provider's traffic: give exactly one --provider, got ${providers.join(", ")}`);
  const target = flags.target as string | undefined;
  if (target === undefined) throw new UsageError("proxy needs --target URL: the provider's sandbox (or your adapter) to forward to");
  const caFile = flags["ca-cert"] as string | undefined;
  return resolveProxyOptions({
    provider: providers[0],
    target,
    port: parseInteger(flags.port as string | undefined, "--port", PROXY_LIMITS.port.min, PROXY_LIMITS.port.max),
    reportDir: flags["report-dir"] as string | undefined,
    record: flags.record as string | undefined,
    strict: flags.strict === true,
    allowProduction: flags["allow-production"] === true,
    timeoutMs: parseInteger(flags["timeout-ms"] as string | undefined, "--timeout-ms", PROXY_LIMITS.timeoutMs.min, PROXY_LIMITS.timeoutMs.max),
    caCert: caFile === undefined ? undefined : readCaCert(caFile),
    signal,
  });
}

export async function proxyCommand(argv: string[], context: CommandContext): Promise<number> {
  const outcome = await runProxy(parseProxyArgs(argv, context.signal));
  return outcome.summary.failed + outcome.summary.errored > 0 ? 1 : 0;
}
