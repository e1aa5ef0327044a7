/**
 * `payconform proxy --provider P --target URL [--port N] [--report-dir DIR] [--record FILE]
 * [--strict] [--allow-production] [--timeout-ms N] [--ca-cert FILE]`: checks an integrator's own
 * traffic (src/proxy/). The flags become one `ProxyOptions` (src/proxy/options.ts). Runs until
 * SIGINT or SIGTERM, which end it normally: exit 0 when every exchange conformed (warnings
 * allowed), 1 on any failed or errored result, the client's included; 2 on a bad flag or a tool
 * error, before it listens.
 */
import type { Command } from "commander";
import { UsageError } from "../errors.ts";
import { readCaCert } from "../http/tls.ts";
import { DEFAULT_PROXY_OPTIONS, PROXY_LIMITS, resolveProxyOptions } from "../proxy/options.ts";
import { runProxy } from "../proxy/run.ts";
import { HTTP_PROVIDERS } from "../providers.ts";
import { parseInteger, providersFlag } from "./args.ts";
import { flag, option, requiredOption, type CommandContext, type Invocation } from "./command.ts";

/** The flags as commander parses them; `resolveProxyOptions` turns them into ProxyOptions. */
interface ProxyFlags {
  provider: string;
  target: string;
  port?: string;
  reportDir?: string;
  record?: string;
  strict?: boolean;
  allowProduction?: boolean;
  timeoutMs?: string;
  caCert?: string;
}

const range = (limit: { min: number; max: number }): string => `${limit.min} to ${limit.max}`;

export function configure(command: Command): void {
  const d = DEFAULT_PROXY_OPTIONS;
  command
    .addOption(requiredOption("--provider <name>", `the provider whose traffic passes (${HTTP_PROVIDERS.join(", ")})`))
    .addOption(requiredOption("--target <url>", "the target's base URL, base path included: the provider's sandbox or your adapter"))
    .addOption(option("--port <n>", `port on 127.0.0.1, ${range(PROXY_LIMITS.port)}; 0 picks a free one`, String(d.port)))
    .addOption(option("--report-dir <dir>", "where the reports go when the proxy stops", `${d.reportDir}/`))
    .addOption(option("--record <file>", "also write the observed exchanges to this Pact V4 file", "none"))
    .addOption(flag("--strict", "warnings count as failures"))
    .addOption(flag("--allow-production", "allow a production server as the target"))
    .addOption(option("--timeout-ms <n>", `wait this long for the target's answer, then answer 504, ${range(PROXY_LIMITS.timeoutMs)}`, String(d.timeoutMs)))
    .addOption(option("--ca-cert <file>", "PEM file of CA certificates to trust for an https target", "none"))
    .addHelpText("after", "\nRuns until SIGINT or SIGTERM, then writes its reports: exit 0 when everything conformed, 1 otherwise.");
}

export async function action({ options }: Invocation, context: CommandContext): Promise<number> {
  const flags = options as unknown as ProxyFlags;
  const providers = providersFlag(flags.provider)!;
  if (providers.length !== 1) throw new UsageError(`proxy checks one provider's traffic: give exactly one --provider, got ${providers.join(", ")}`);
  const proxyOptions = resolveProxyOptions({
    provider: providers[0],
    target: flags.target,
    port: parseInteger(flags.port, "--port", PROXY_LIMITS.port.min, PROXY_LIMITS.port.max),
    reportDir: flags.reportDir,
    record: flags.record,
    strict: flags.strict === true,
    allowProduction: flags.allowProduction === true,
    timeoutMs: parseInteger(flags.timeoutMs, "--timeout-ms", PROXY_LIMITS.timeoutMs.min, PROXY_LIMITS.timeoutMs.max),
    caCert: flags.caCert === undefined ? undefined : readCaCert(flags.caCert),
    signal: context.signal,
  });
  // SIGINT or SIGTERM is how the proxy ends: its exit code is its own, not 130 / 143.
  context.endedBySignal();
  const outcome = await runProxy(proxyOptions);
  return outcome.summary.failed + outcome.summary.errored > 0 ? 1 : 0;
}
