/**
 * The `payconform` command line. The only place that decides exit codes and calls process.exit:
 * 0 conforms, 1 a failed or errored result, 2 a usage or tool error (one line, no stack trace).
 */
import { PayconformError, UsageError } from "../errors.ts";
import { commands, USAGE } from "./commands.ts";

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) throw new UsageError(`unknown command "${name}" (expected one of ${Object.keys(commands).join(", ")})`);
  return command(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof PayconformError) {
      process.stderr.write(`payconform: ${error.message}\n`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`payconform: internal error: ${message.split("\n")[0]}${process.env.PAYCONFORM_DEBUG ? `\n${(error as Error).stack}` : " (set PAYCONFORM_DEBUG=1 for details)"}\n`);
    }
    process.exit(2);
  },
);
