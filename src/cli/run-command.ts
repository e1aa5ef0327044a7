/** `payconform run`: the conformance run. Returns the exit code: 0 conforms, 1 any failed or errored result. */
import { UsageError } from "../errors.ts";
import { HTTP_PROVIDERS, isHttpProvider } from "../providers.ts";
import { consoleReporter } from "../reporters/console.ts";
import { jsonReporter } from "../reporters/json.ts";
import { junitReporter } from "../reporters/junit.ts";
import { resolveRunOptions } from "../runner/options.ts";
import { run } from "../runner/run.ts";
import { listFlag, parseFlags, parseInteger } from "./args.ts";

export async function runCommand(argv: string[]): Promise<number> {
  const flags = parseFlags(argv, {
    provider: { type: "string", multiple: true },
    target: { type: "string" },
    "state-url": { type: "string" },
    fixtures: { type: "string" },
    "report-dir": { type: "string" },
    seed: { type: "string" },
    strict: { type: "boolean" },
    "allow-production": { type: "boolean" },
    concurrency: { type: "string" },
    "timeout-ms": { type: "string" },
  });
  const providers = listFlag(flags.provider);
  if (providers?.length === 0) throw new UsageError(`--provider needs a name (one of ${HTTP_PROVIDERS.join(", ")})`);
  for (const p of providers ?? []) {
    if (!isHttpProvider(p)) throw new UsageError(`unknown provider "${p}" (expected one of ${HTTP_PROVIDERS.join(", ")})`);
  }
  const options = resolveRunOptions({
    providers: providers as typeof HTTP_PROVIDERS[number][] | undefined,
    target: flags.target as string | undefined,
    stateUrl: flags["state-url"] as string | undefined,
    fixturesFile: flags.fixtures as string | undefined,
    reportDir: flags["report-dir"] as string | undefined,
    seed: parseInteger(flags.seed as string | undefined, "--seed", 0),
    strict: flags.strict === true,
    allowProduction: flags["allow-production"] === true,
    concurrency: parseInteger(flags.concurrency as string | undefined, "--concurrency", 1),
    timeoutMs: parseInteger(flags["timeout-ms"] as string | undefined, "--timeout-ms", 1),
  });
  const summary = await run(options, [consoleReporter(), junitReporter(options.reportDir), jsonReporter(options.reportDir)]);
  return summary.failed + summary.errored > 0 ? 1 : 0;
}
