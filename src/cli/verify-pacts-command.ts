/**
 * `payconform verify-pacts [--provider P ...] [--target URL] [--state-url URL] [--pact-dir DIR]
 * [--strict] [--allow-production] [--timeout-ms N] [--ca-cert FILE] [--verbose]`: replays the
 * committed Pact contracts against the embedded sandboxes or a target. Returns 0 when every
 * interaction verifies (warnings allowed), 1 otherwise.
 */
import { relative } from "node:path";
import type { Command } from "commander";
import { readCaCert } from "../http/tls.ts";
import { print } from "../output.ts";
import { DEFAULT_VERIFY_OPTIONS, resolveVerifyOptions } from "../pacts/verify-options.ts";
import type { ProviderVerification } from "../pacts/verify-provider.ts";
import { verifyPacts } from "../pacts/verify.ts";
import { HTTP_PROVIDERS } from "../providers.ts";
import { LIMITS } from "../runner/options.ts";
import { parseInteger, providersFlag } from "./args.ts";
import { flag, listOption, option, type CommandContext, type Invocation } from "./command.ts";

/** The flags as commander parses them; `resolveVerifyOptions` turns them into VerifyPactsOptions. */
interface VerifyFlags {
  provider?: string[];
  target?: string;
  stateUrl?: string;
  pactDir?: string;
  strict?: boolean;
  allowProduction?: boolean;
  timeoutMs?: string;
  caCert?: string;
  verbose?: boolean;
}

export function configure(command: Command): void {
  const d = DEFAULT_VERIFY_OPTIONS;
  command
    .addOption(listOption("--provider <name>", `provider whose pacts to verify (${HTTP_PROVIDERS.join(", ")}); repeat or comma-separate`, "all four"))
    .addOption(option("--target <url>", "base URL that replaces the spec's server URL entirely (one --provider, with --state-url)", "the embedded reference sandbox"))
    .addOption(option("--state-url <url>", "provider-state endpoint, as for run; required with --target", "the sandbox's own"))
    .addOption(option("--pact-dir <dir>", "folder holding the pact files", `${relative(process.cwd(), d.pactDir) || "."}/`))
    .addOption(flag("--strict", "an undocumented 4xx where any documented rejection is accepted fails instead of warning"))
    .addOption(flag("--allow-production", "allow a target that is one of the specs' production servers"))
    .addOption(option("--timeout-ms <n>", `timeout of each request and state call, ${LIMITS.timeoutMs.min} to ${LIMITS.timeoutMs.max}`, String(d.timeoutMs)))
    .addOption(option("--ca-cert <file>", "PEM file of CA certificates to trust besides the system's", "none"))
    .addOption(flag("--verbose", "print the Pact verifier's own report, masked"));
}

export async function action({ options: parsed }: Invocation, context: CommandContext): Promise<number> {
  const flags = parsed as VerifyFlags;
  const options = resolveVerifyOptions({
    providers: providersFlag(flags.provider),
    target: flags.target,
    stateUrl: flags.stateUrl,
    pactDir: flags.pactDir,
    strict: flags.strict === true,
    allowProduction: flags.allowProduction === true,
    timeoutMs: parseInteger(flags.timeoutMs, "--timeout-ms", LIMITS.timeoutMs.min, LIMITS.timeoutMs.max),
    caCert: flags.caCert === undefined ? undefined : readCaCert(flags.caCert),
    onVerifierOutput: flags.verbose === true ? print : undefined,
    signal: context.signal,
  });
  const results = await verifyPacts(options, (result) => print(`${summaryLine(result)}\n`));
  const failed = results.filter((r) => !r.passed).length;
  print(`verify-pacts: ${results.length - failed} of ${results.length} providers verified\n`);
  return failed > 0 ? 1 : 0;
}

function summaryLine(result: ProviderVerification): string {
  const bad = result.interactions.filter((i) => !i.passed);
  const warned = result.interactions.filter((i) => i.warnings.length > 0);
  const warnings = warned.map((i) => `\n  warning: ${i.description}: ${i.warnings.join("; ")}`).join("");
  if (bad.length === 0) return `${result.provider}: ${result.interactions.length} interactions verified${warned.length > 0 ? ` (${warned.length} with warnings)` : ""}${warnings}`;
  const details = bad.map((i) => `\n  - ${i.description}: ${i.problems.join("; ")}`).join("");
  return `${result.provider}: FAILED ${bad.length} of ${result.interactions.length} interactions${details}${warnings}`;
}
