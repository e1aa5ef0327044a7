/**
 * The `payconform` command line. The only place that decides exit codes and calls process.exit:
 * 0 conforms, 1 a failed or errored result, 2 a usage or tool error (one line, no stack trace),
 * 130 / 143 interrupted by SIGINT / SIGTERM (after the reports are written; a second signal
 * stops at once).
 *
 * Before anything else it routes all output through src/output.ts and registers every
 * credential in the environment there, so no command, and no library, prints one.
 */
import { constants } from "node:os";
import { InterruptedError, PayconformError, UsageError } from "../errors.ts";
import { guardProcessOutput, print, printError, protectSecrets } from "../output.ts";
import { credentialValuesInEnv } from "../runner/credentials.ts";
import { commands, ENDED_BY_SIGNAL, USAGE } from "./commands.ts";

guardProcessOutput();
protectSecrets(credentialValuesInEnv(process.env));

const interrupt = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupt.signal.aborted) process.exit(exitCodeOf(signal));
    interrupt.abort(new InterruptedError(signal));
  });
}

function exitCodeOf(signal: NodeJS.Signals): number {
  return 128 + constants.signals[signal];
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    print(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) throw new UsageError(`unknown command "${name}" (expected one of ${Object.keys(commands).join(", ")})`);
  return command(rest, { signal: interrupt.signal });
}

main(process.argv.slice(2)).then(
  (code) => {
    // A command that finished despite a signal still reports the interruption, unless a signal is how it ends.
    const reason: unknown = interrupt.signal.reason;
    if (reason instanceof InterruptedError && !ENDED_BY_SIGNAL.has(process.argv[2] ?? "")) stop(reason);
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof InterruptedError) stop(error);
    if (error instanceof PayconformError) {
      printError(`payconform: ${error.message}\n`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      printError(`payconform: internal error: ${message.split("\n")[0]}${process.env.PAYCONFORM_DEBUG ? `\n${(error as Error).stack}` : " (set PAYCONFORM_DEBUG=1 for details)"}\n`);
    }
    process.exit(2);
  },
);

function stop(error: InterruptedError): never {
  printError(`payconform: interrupted by ${error.signal}\n`);
  process.exit(exitCodeOf(error.signal));
}
