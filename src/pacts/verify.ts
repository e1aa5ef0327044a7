/**
 * `verifyPacts`: the provider side of payconform's contracts. Each selected provider's pact
 * files (contracts/ by default) are replayed by the Pact verifier against a target, one provider
 * after another; each target is closed after use. The target's credentials are registered with
 * src/output.ts before the verifier starts, so nothing it prints can show them.
 */
import { UsageError } from "../errors.ts";
import { interruption } from "../http/client.ts";
import { protectSecrets } from "../output.ts";
import { listPactFiles } from "./pact-files.ts";
import type { VerifyPactsOptions } from "./verify-options.ts";
import { verifyProvider, type ProviderVerification } from "./verify-provider.ts";
import { checkVerifyTargetOptions, openVerifyTarget } from "./verify-target.ts";

export async function verifyPacts(options: VerifyPactsOptions, onVerified: (result: ProviderVerification) => void = () => {}): Promise<ProviderVerification[]> {
  const pacts = listPactFiles(options.pactDir);
  const plan = options.providers.map((provider) => ({ provider, pacts: pacts.filter((p) => p.provider === provider) }));
  const without = plan.filter((p) => p.pacts.length === 0).map((p) => p.provider);
  if (without.length > 0) throw new UsageError(`no pact file for ${without.join(", ")} in ${options.pactDir} (run npm run contracts)`);
  checkVerifyTargetOptions(options);

  const results: ProviderVerification[] = [];
  for (const { provider, pacts: files } of plan) {
    if (options.signal?.aborted) throw interruption(options.signal);
    const target = await openVerifyTarget(provider, options);
    try {
      protectSecrets(Object.values(target.credentials));
      const result = await verifyProvider(provider, files, target, options);
      results.push(result);
      onVerified(result);
    } finally {
      await target.close();
    }
  }
  return results;
}
