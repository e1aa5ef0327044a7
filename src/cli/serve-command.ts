/**
 * `payconform serve --provider P [--port N] [--host H] [--credentials-file FILE]`: starts P's
 * reference sandbox and keeps it running, logging one line per request, until SIGINT or SIGTERM;
 * then it closes the sandbox and exits 0.
 */
import type { Command } from "commander";
import { print } from "../output.ts";
import { HTTP_PROVIDERS, type HttpProvider } from "../providers.ts";
import { banner, requestLine } from "../serve/describe.ts";
import { startServe } from "../serve/index.ts";
import { DEFAULT_SERVE_OPTIONS, PORT_LIMITS, resolveServeOptions } from "../serve/options.ts";
import { parseInteger, providersFlag } from "./args.ts";
import { option, requiredOption, type CommandContext, type Invocation } from "./command.ts";
import { InterruptedError, UsageError } from "../errors.ts";

/** The flags as commander parses them; `resolveServeOptions` turns them into ServeOptions. */
interface ServeFlags {
  provider: string;
  port?: string;
  host?: string;
  credentialsFile?: string;
}

export function configure(command: Command): void {
  const d = DEFAULT_SERVE_OPTIONS;
  command
    .addOption(requiredOption("--provider <name>", `the provider whose reference sandbox to start (${HTTP_PROVIDERS.join(", ")})`))
    .addOption(option("--port <n>", `port to listen on, ${PORT_LIMITS.min} to ${PORT_LIMITS.max}; 0 picks a free one`, String(d.port)))
    .addOption(option("--host <host>", "interface to listen on; anything but loopback lets other machines reach the sandbox", d.host))
    .addOption(
      option(
        "--credentials-file <file>",
        "where credentials made up for the session go when the environment holds none (a new file, mode 0600, removed on stop)",
        "a new folder under the system's temp folder",
      ),
    )
    .addHelpText(
      "after",
      `
Credentials: the environment variables run reads (e.g. ENKASH_ACCESS_TOKEN), all of a provider's or none;
with none set, serve makes its own and prints where they are. SIGINT or SIGTERM stops it (exit 0).`,
    );
}

export async function action({ options }: Invocation, context: CommandContext): Promise<number> {
  const flags = options as unknown as ServeFlags;
  const providers = providersFlag(flags.provider)!;
  if (providers.length !== 1) throw new UsageError(`serve starts one provider's sandbox, got ${providers.join(", ")}`);
  const serveOptions = resolveServeOptions({
    provider: providers[0] as HttpProvider,
    port: parseInteger(flags.port, "--port", PORT_LIMITS.min, PORT_LIMITS.max),
    host: flags.host,
    credentialsFile: flags.credentialsFile,
  });
  if (context.signal.aborted) return 0;
  const served = await startServe(serveOptions, (entry) => print(requestLine(entry)));
  print(banner({ options: serveOptions, sandbox: served.sandbox, credentialsFile: served.credentialsFile }));
  await new Promise<void>((resolve) => {
    if (context.signal.aborted) resolve();
    else context.signal.addEventListener("abort", () => resolve(), { once: true });
  });
  await served.stop();
  context.endedBySignal();
  const reason: unknown = context.signal.reason;
  print(`payconform serve: stopped by ${reason instanceof InterruptedError ? reason.signal : "a signal"}\n`);
  return 0;
}
