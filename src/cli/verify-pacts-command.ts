/**
 * `payconform verify-pacts [--provider P ...] [--target URL] [--state-url URL] [--pact-dir DIR]
 * [--allow-production] [--timeout-ms N]`: replays the committed Pact contracts against the
 * embedded sandboxes or a target. Returns 0 when every interaction verifies, 1 otherwise.
 */
import { UsageError } from "../errors.ts";
import { resolveVerifyOptions } from "../pacts/verify-options.ts";
import type { ProviderVerification } from "../pacts/verify-provider.ts";
import { verifyPacts } from "../pacts/verify.ts";
import { HTTP_PROVIDERS, isHttpProvider, type HttpProvider } from "../providers.ts";
import { listFlag, parseFlags, parseInteger } from "./args.ts";

export async function verifyPactsCommand(argv: string[]): Promise<number> {
  const flags = parseFlags(argv, {
    provider: { type: "string", multiple: true },
    target: { type: "string" },
    "state-url": { type: "string" },
    "pact-dir": { type: "string" },
    "allow-production": { type: "boolean" },
    "timeout-ms": { type: "string" },
  });
  const providers = listFlag(flags.provider);
  if (providers?.length === 0) throw new UsageError(`--provider needs a name (one of ${HTTP_PROVIDERS.join(", ")})`);
  for (const p of providers ?? []) {
    if (!isHttpProvider(p)) throw new UsageError(`unknown provider "${p}" (expected one of ${HTTP_PROVIDERS.join(", ")})`);
  }
  const options = resolveVerifyOptions({
    providers: providers as HttpProvider[] | undefined,
    target: flags.target as string | undefined,
    stateUrl: flags["state-url"] as string | undefined,
    pactDir: flags["pact-dir"] as string | undefined,
    allowProduction: flags["allow-production"] === true,
    timeoutMs: parseInteger(flags["timeout-ms"] as string | undefined, "--timeout-ms", 1),
  });
  // http-proxy, inside the Pact verifier, uses a deprecated Node API; its warning is noise here.
  process.noDeprecation = true;
  const results = await verifyPacts(options, (result) => process.stdout.write(`${summaryLine(result)}\n`));
  const failed = results.filter((r) => !r.passed).length;
  process.stdout.write(`verify-pacts: ${results.length - failed} of ${results.length} providers verified\n`);
  return failed > 0 ? 1 : 0;
}

function summaryLine(result: ProviderVerification): string {
  const bad = result.interactions.filter((i) => !i.passed);
  if (bad.length === 0) return `${result.provider}: ${result.interactions.length} interactions verified`;
  const details = bad.map((i) => `\n  - ${i.description}: ${i.problems.join("; ")}`).join("");
  return `${result.provider}: FAILED ${bad.length} of ${result.interactions.length} interactions${details}`;
}
