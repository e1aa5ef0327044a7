/** `payconform run`: the conformance run. Returns the exit code: 0 conforms, 1 any failed or errored result. */
import type { Command } from "commander";
import { readCaCert } from "../http/tls.ts";
import { HTTP_PROVIDERS } from "../providers.ts";
import { consoleReporter } from "../reporters/console.ts";
import { jsonReporter } from "../reporters/json.ts";
import { junitReporter } from "../reporters/junit.ts";
import { DEFAULT_RUN_OPTIONS, LIMITS, resolveRunOptions } from "../runner/options.ts";
import { run } from "../runner/run.ts";
import { parseInteger, providersFlag } from "./args.ts";
import { flag, listOption, option, type CommandContext, type Invocation } from "./command.ts";

/** The flags as commander parses them; `resolveRunOptions` turns them into RunOptions. */
interface RunFlags {
  provider?: string[];
  target?: string;
  stateUrl?: string;
  fixtures?: string;
  reportDir?: string;
  seed?: string;
  strict?: boolean;
  allowProduction?: boolean;
  concurrency?: string;
  timeoutMs?: string;
  caCert?: string;
}

const range = (limit: { min: number; max: number }): string => `${limit.min} to ${limit.max}`;

export function configure(command: Command): void {
  const d = DEFAULT_RUN_OPTIONS;
  command
    .addOption(listOption("--provider <name>", `provider to run (${HTTP_PROVIDERS.join(", ")}); repeat or comma-separate`, "all four"))
    .addOption(option("--target <url>", "base URL that replaces the spec's server URL entirely, base path included", "the embedded reference sandbox"))
    .addOption(option("--state-url <url>", "provider-state endpoint that sets up fixtures (Pact convention)", "the sandbox's own; none with --target"))
    .addOption(option("--fixtures <file>", "disposable fixtures as JSON, keyed by provider, for targets without a state URL", "none"))
    .addOption(option("--report-dir <dir>", "where the reports go; made if missing", `${d.reportDir}/`))
    .addOption(option("--seed <n>", `case generation seed, ${range(LIMITS.seed)}`, String(d.seed)))
    .addOption(flag("--strict", "warnings count as failures"))
    .addOption(flag("--allow-production", "allow a target that is one of the specs' production servers"))
    .addOption(option("--concurrency <n>", `requests in flight at once against the target, ${range(LIMITS.concurrency)}`, String(d.concurrency)))
    .addOption(option("--timeout-ms <n>", `per-request (and per state call) timeout, ${range(LIMITS.timeoutMs)}`, String(d.timeoutMs)))
    .addOption(option("--ca-cert <file>", "PEM file of CA certificates to trust besides the system's", "none"));
}

export async function action({ options }: Invocation, context: CommandContext): Promise<number> {
  const flags = options as RunFlags;
  const runOptions = resolveRunOptions({
    providers: providersFlag(flags.provider),
    target: flags.target,
    stateUrl: flags.stateUrl,
    fixturesFile: flags.fixtures,
    reportDir: flags.reportDir,
    seed: parseInteger(flags.seed, "--seed", LIMITS.seed.min, LIMITS.seed.max),
    strict: flags.strict === true,
    allowProduction: flags.allowProduction === true,
    concurrency: parseInteger(flags.concurrency, "--concurrency", LIMITS.concurrency.min, LIMITS.concurrency.max),
    timeoutMs: parseInteger(flags.timeoutMs, "--timeout-ms", LIMITS.timeoutMs.min, LIMITS.timeoutMs.max),
    caCert: flags.caCert === undefined ? undefined : readCaCert(flags.caCert),
    signal: context.signal,
  });
  // The reporters probe the report folder by writing to it: before any request is sent.
  const summary = await run(runOptions, [consoleReporter(), junitReporter(runOptions.reportDir), jsonReporter(runOptions.reportDir)]);
  return summary.failed + summary.errored > 0 ? 1 : 0;
}
