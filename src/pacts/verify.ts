/**
 * `verifyPacts`: the provider side of payconform's contracts. Each selected provider's pact
 * files (contracts/ by default) are replayed by the Pact verifier against a target, one provider
 * after another; each target is closed after use.
 */
import { UsageError } from "../errors.ts";
import { listPactFiles } from "./pact-files.ts";
import type { VerifyPactsOptions } from "./verify-options.ts";
import { verifyProvider, type ProviderVerification } from "./verify-provider.ts";
import { checkVerifyTargetOptions, openVerifyTarget } from "./verify-target.ts";

export async function verifyPacts(options: VerifyPactsOptions, onVerified: (result: ProviderVerification) => void = () => {}): Promise<ProviderVerification[]> {
  const pacts = listPactFiles(options.pactDir);
  const plan = options.providers.map((provider) => ({ provider, files: pacts.filter((p) => p.provider === provider).map((p) => p.file) }));
  const without = plan.filter((p) => p.files.length === 0).map((p) => p.provider);
  if (without.length > 0) throw new UsageError(`no pact file for ${without.join(", ")} in ${options.pactDir} (run npm run contracts)`);
  checkVerifyTargetOptions(options);

  const results: ProviderVerification[] = [];
  for (const { provider, files } of plan) {
    const target = await openVerifyTarget(provider, options);
    try {
      const result = await verifyProvider(provider, files, target, options.timeoutMs);
      results.push(result);
      onVerified(result);
    } finally {
      await target.close();
    }
  }
  return results;
}
