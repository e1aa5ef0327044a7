/**
 * `payconform verify-pacts [--provider P ...] [--target URL] [--state-url URL] [--pact-dir DIR]
 * [--strict] [--allow-production] [--timeout-ms N] [--ca-cert FILE] [--verbose]`: replays the
 * committed Pact contracts against the embedded sandboxes or a target. Returns 0 when every
 * interaction verifies (warnings allowed), 1 otherwise.
 */
import { readCaCert } from "../http/tls.ts";
import { print } from "../output.ts";
import { resolveVerifyOptions } from "../pacts/verify-options.ts";
import type { ProviderVerification } from "../pacts/verify-provider.ts";
import { verifyPacts } from "../pacts/verify.ts";
import { LIMITS } from "../runner/options.ts";
import { parseFlags, parseInteger, providersFlag } from "./args.ts";
import type { CommandContext } from "./commands.ts";

export async function verifyPactsCommand(argv: string[], context: CommandContext): Promise<number> {
  const flags = parseFlags(argv, {
    provider: { type: "string", multiple: true },
    target: { type: "string" },
    "state-url": { type: "string" },
    "pact-dir": { type: "string" },
    strict: { type: "boolean" },
    "allow-production": { type: "boolean" },
    "timeout-ms": { type: "string" },
    "ca-cert": { type: "string" },
    verbose: { type: "boolean" },
  });
  const caFile = flags["ca-cert"] as string | undefined;
  const options = resolveVerifyOptions({
    providers: providersFlag(flags.provider),
    target: flags.target as string | undefined,
    stateUrl: flags["state-url"] as string | undefined,
    pactDir: flags["pact-dir"] as string | undefined,
    strict: flags.strict === true,
    allowProduction: flags["allow-production"] === true,
    timeoutMs: parseInteger(flags["timeout-ms"] as string | undefined, "--timeout-ms", LIMITS.timeoutMs.min, LIMITS.timeoutMs.max),
    caCert: caFile === undefined ? undefined : readCaCert(caFile),
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
