/** `payconform run`: the conformance run. Returns the exit code: 0 conforms, 1 any failed or errored result. */
import { readCaCert } from "../http/tls.ts";
import { consoleReporter } from "../reporters/console.ts";
import { jsonReporter } from "../reporters/json.ts";
import { junitReporter } from "../reporters/junit.ts";
import { LIMITS, resolveRunOptions } from "../runner/options.ts";
import { run } from "../runner/run.ts";
import { parseFlags, parseInteger, providersFlag } from "./args.ts";
import type { CommandContext } from "./commands.ts";

export async function runCommand(argv: string[], context: CommandContext): Promise<number> {
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
    "ca-cert": { type: "string" },
  });
  const caFile = flags["ca-cert"] as string | undefined;
  const options = resolveRunOptions({
    providers: providersFlag(flags.provider),
    target: flags.target as string | undefined,
    stateUrl: flags["state-url"] as string | undefined,
    fixturesFile: flags.fixtures as string | undefined,
    reportDir: flags["report-dir"] as string | undefined,
    seed: parseInteger(flags.seed as string | undefined, "--seed", LIMITS.seed.min, LIMITS.seed.max),
    strict: flags.strict === true,
    allowProduction: flags["allow-production"] === true,
    concurrency: parseInteger(flags.concurrency as string | undefined, "--concurrency", LIMITS.concurrency.min, LIMITS.concurrency.max),
    timeoutMs: parseInteger(flags["timeout-ms"] as string | undefined, "--timeout-ms", LIMITS.timeoutMs.min, LIMITS.timeoutMs.max),
    caCert: caFile === undefined ? undefined : readCaCert(caFile),
    signal: context.signal,
  });
  // The reporters probe the report folder by writing to it: before any request is sent.
  const summary = await run(options, [consoleReporter(), junitReporter(options.reportDir), jsonReporter(options.reportDir)]);
  return summary.failed + summary.errored > 0 ? 1 : 0;
}
