/**
 * The `payconform` command line. The only place that decides exit codes and calls process.exit:
 * 0 conforms, 1 a failed or errored result, 2 a usage or tool error (one line, no stack trace),
 * 130 / 143 interrupted by SIGINT / SIGTERM (after the reports are written; a second signal
 * stops at once), except for a command whose normal end is the signal (serve: 0).
 *
 * Before anything else it routes all output through src/output.ts and registers every
 * credential in the environment there, so no command, and no library, prints one.
 */
import { setMaxListeners } from "node:events";
import { constants } from "node:os";
import { InterruptedError, PayconformError } from "../errors.ts";
import { guardProcessOutput, printError, protectSecrets } from "../output.ts";
import { credentialValuesInEnv } from "../runner/credentials.ts";
import { runProgram } from "./program.ts";

guardProcessOutput();
protectSecrets(credentialValuesInEnv(process.env));

const interrupt = new AbortController();
// Every request in flight listens on the signal (its abort, a Retry-After wait): a run keeps more
// than Node's default of ten listeners at once, which is no leak, so Node is not to warn of one.
setMaxListeners(0, interrupt.signal);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupt.signal.aborted) process.exit(exitCodeOf(signal));
    interrupt.abort(new InterruptedError(signal));
  });
}

function exitCodeOf(signal: NodeJS.Signals): number {
  return 128 + constants.signals[signal];
}

let signalIsTheEnd = false;

runProgram(process.argv.slice(2), { signal: interrupt.signal, endedBySignal: () => (signalIsTheEnd = true) }).then(
  (code) => {
    // A command that finished despite a signal still reports the interruption, unless the
    // signal is how that command ends (serve).
    const reason: unknown = interrupt.signal.reason;
    if (reason instanceof InterruptedError && !signalIsTheEnd) stop(reason);
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
