/**
 * `payconform run`: the conformance run. Writes junit.xml, conformance.json, report.html and
 * summary.md into the report folder, prints to the console (or as GitHub workflow commands, or
 * both) and says where the reports went. Returns the exit code: 0 conforms, 1 any failed or
 * errored result.
 */
import type { Command } from "commander";
import { UsageError } from "../errors.ts";
import { readCaCert } from "../http/tls.ts";
import { print } from "../output.ts";
import { HTTP_PROVIDERS } from "../providers.ts";
import { consoleReporter } from "../reporters/console.ts";
import { githubReporter } from "../reporters/github.ts";
import { htmlReporter } from "../reporters/html.ts";
import { jsonReporter } from "../reporters/json.ts";
import { junitReporter } from "../reporters/junit.ts";
import { markdownReporter } from "../reporters/markdown.ts";
import type { FileReporter } from "../reporters/report-file.ts";
import type { Reporter } from "../runner/events.ts";
import { DEFAULT_RUN_OPTIONS, LIMITS, resolveRunOptions } from "../runner/options.ts";
import { run } from "../runner/run.ts";
import { listFlag, parseInteger, parseRate, providersFlag } from "./args.ts";
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
  rateLimit?: string;
  caCert?: string;
  reporter?: string[];
}

/** The console reporters `--reporter` picks from. */
const CONSOLE_REPORTERS: Record<string, () => Reporter> = { console: () => consoleReporter(), github: () => githubReporter() };

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
    .addOption(option("--rate-limit <rate>", "at most this many requests a second (N or N/s), a minute (N/m) or an hour (N/h), for targets that limit callers; without it a 429 still pauses the run for its Retry-After", "none"))
    .addOption(option("--timeout-ms <n>", `per-request (and per state call) timeout, ${range(LIMITS.timeoutMs)}`, String(d.timeoutMs)))
    .addOption(option("--ca-cert <file>", "PEM file of CA certificates to trust besides the system's", "none"))
    .addOption(listOption("--reporter <name>", "what to print: console (matrix and findings), github (a GitHub Actions annotation per finding); repeat or comma-separate for both", "console"))
    .addHelpText("after", "\nReports (always written): junit.xml, conformance.json, report.html, summary.md in --report-dir.");
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
    rateLimit: parseRate(flags.rateLimit, "--rate-limit", LIMITS.rateLimit.min, LIMITS.rateLimit.max),
    caCert: flags.caCert === undefined ? undefined : readCaCert(flags.caCert),
    signal: context.signal,
  });
  const printers = (listFlag(flags.reporter) ?? ["console"]).map((name) => {
    const make = CONSOLE_REPORTERS[name];
    if (!make) throw new UsageError(`unknown reporter "${name}" (expected one of ${Object.keys(CONSOLE_REPORTERS).join(", ")})`);
    return make();
  });
  // The file reporters probe the report folder by writing to it: before any request is sent.
  const dir = runOptions.reportDir;
  const files: FileReporter[] = [junitReporter(dir), jsonReporter(dir), htmlReporter(dir), markdownReporter(dir)];
  try {
    const summary = await run(runOptions, [...printers, ...files]);
    return summary.failed + summary.errored > 0 ? 1 : 0;
  } finally {
    const written = files.filter((f) => f.written).map((f) => f.file);
    if (written.length > 0) print(`reports: ${written.join(", ")}\n`);
  }
}
