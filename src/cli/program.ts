/**
 * The `payconform` command line on commander: `--version`, `--help` for the program and for
 * every command, and parsing. Only the command named on the command line (and, for `spec`, its
 * subcommand) is loaded and declared; the others are listed by name and summary. Commander's own
 * errors become a UsageError with one line; it never prints or exits by itself (output goes
 * through src/output.ts, exit codes are main.ts's).
 */
import { Command, CommanderError } from "commander";
import { UsageError } from "../errors.ts";
import { colourOn, print, printError, stderr, stdout } from "../output.ts";
import { TOOL_NAME, VERSION } from "../version.ts";
import type { CommandContext } from "./command.ts";
import { COMMANDS, type CommandEntry } from "./commands.ts";

const EXIT_CODES = `
Exit codes: 0 conforms (warnings allowed), 1 a failed or errored result, 2 usage or tool error
(one line on stderr), 130 / 143 interrupted by SIGINT / SIGTERM (reports hold the results so far).
Run "${TOOL_NAME} <command> --help" for a command's options and their defaults.`;

/** Help text width where the output is no terminal, commander's own default. */
const HELP_WIDTH = 80;

/** Parses `argv` (the arguments after the program name), runs the command, and resolves to its exit code. */
export async function runProgram(given: readonly string[], context: CommandContext): Promise<number> {
  // `payconform help [command ...]` is `payconform [command ...] --help`.
  const argv = given[0] === "help" ? [...given.slice(1), "--help"] : [...given];
  let code = 0;
  const program = settle(new Command(TOOL_NAME))
    .description("Contract tests and conformance checks for payment providers' delete-customer APIs")
    .version(VERSION, "-V, --version", "print the version and exit")
    .helpOption("-h, --help", "print help and exit")
    .helpCommand(false)
    .addHelpText("after", EXIT_CODES);
  await declare(program, COMMANDS, argv, context, (c) => (code = c));
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.exitCode === 0) return 0; // --help, --version
    if (error.code === "commander.help") return 2; // no command: the help went to stderr
    throw new UsageError(usageMessage(error, argv), { cause: error });
  }
  return code;
}

/** Adds `entries` under `parent`; declares in full only the one `argv` names, loading its module. */
async function declare(parent: Command, entries: Record<string, CommandEntry>, argv: string[], context: CommandContext, done: (code: number) => void): Promise<void> {
  const at = argv.findIndex((arg) => !arg.startsWith("-"));
  const named = at === -1 ? undefined : argv[at];
  for (const [name, entry] of Object.entries(entries)) {
    const command = settle(parent.command(name)).description(entry.summary).helpOption("-h, --help", "print help and exit");
    if (name !== named) continue;
    if ("subcommands" in entry) {
      const names = Object.keys(entry.subcommands).join(" or ");
      command.usage(`<${Object.keys(entry.subcommands).join("|")}> ...`);
      command.argument("[subcommand]").action((given: string | undefined) => {
        throw new UsageError(`${command.name()} needs a subcommand: ${names}${given === undefined ? "" : ` (got "${given}")`}`);
      });
      await declare(command, entry.subcommands, argv.slice(at + 1), context, done);
    } else {
      const module = await entry.load();
      module.configure(command);
      command.action(async (...params: unknown[]) => {
        const self = params.at(-1) as Command;
        done(await module.action({ options: self.opts(), args: self.args }, context));
      });
    }
  }
}

/** What every command shares: output through src/output.ts, errors thrown rather than printed and exited on. */
function settle(command: Command): Command {
  return command
    .exitOverride()
    // Colour and width from src/output.ts, which does not make Node's stream for a pipe just to ask.
    .configureOutput({
      writeOut: print,
      writeErr: printError,
      outputError: () => {},
      getOutHasColors: () => colourOn(stdout),
      getErrHasColors: () => colourOn(stderr),
      getOutHelpWidth: () => stdout.columns ?? HELP_WIDTH,
      getErrHelpWidth: () => stderr.columns ?? HELP_WIDTH,
    })
    .configureHelp({ subcommandTerm: (cmd) => cmd.name(), showGlobalOptions: false });
}

/** Commander's message on one line, with where to look: `unknown option '--sed' (Did you mean --seed?); see payconform run --help`. */
function usageMessage(error: CommanderError, argv: readonly string[]): string {
  const message = error.message.replace(/^error: /, "").replace(/\s*\n\s*/g, " ").replace(/\.$/, "");
  if (error.code === "commander.unknownCommand") return `${message} (expected one of ${Object.keys(COMMANDS).join(", ")})`;
  const words = argv.filter((arg) => !arg.startsWith("-"));
  const path = [TOOL_NAME];
  let entries: Record<string, CommandEntry> | undefined = COMMANDS;
  for (const word of words) {
    const entry: CommandEntry | undefined = entries?.[word];
    if (!entry) break;
    path.push(word);
    entries = "subcommands" in entry ? entry.subcommands : undefined;
  }
  return `${message}; see ${path.join(" ")} --help`;
}
