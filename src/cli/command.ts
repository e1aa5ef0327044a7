/**
 * The shape of a command module. Parsing is commander's (https://github.com/tj/commander.js): a
 * module declares its arguments and options, each with a description and its default, so that
 * `--help` documents it, and receives what commander parsed. The module then checks every value
 * and builds the command's one typed options object from it (run: RunOptions); defaults live in
 * that object's resolver, and the help text only names them.
 */
import { Option, type Command } from "commander";

export interface CommandContext {
  /** Fires on SIGINT or SIGTERM; its reason is the InterruptedError to stop with. */
  signal: AbortSignal;
  /**
   * Says that the signal is this command's normal end (`serve` runs until it comes), so the exit
   * code is the command's own rather than 130 / 143.
   */
  endedBySignal(): void;
}

/** What commander parsed for one command. */
export interface Invocation {
  /** Option values by camelCased long name (`--state-url` → stateUrl): strings, booleans, string lists. */
  options: Record<string, unknown>;
  /** Positional arguments, in order. */
  args: string[];
}

export interface CommandModule {
  /** Declares the command's arguments and options (with `option`, `flag`, `listOption`) and its help text. */
  configure(command: Command): void;
  /** Does the work; resolves to the exit code (0 or 1; a tool error is thrown as a PayconformError). */
  action(invocation: Invocation, context: CommandContext): Promise<number>;
}

/** An option that takes a value; its help line ends with `(default: defaultText)`. */
export function option(flags: string, description: string, defaultText: string): Option {
  return new Option(flags, `${description} (default: ${defaultText})`);
}

/** An on/off switch; off unless given. */
export function flag(flags: string, description: string): Option {
  return new Option(flags, `${description} (default: off)`);
}

/** An option that may be repeated, each value possibly a comma-separated list: `--provider a --provider b,c`. */
export function listOption(flags: string, description: string, defaultText: string): Option {
  return option(flags, description, defaultText).argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
}

/** An option the command cannot do without. */
export function requiredOption(flags: string, description: string): Option {
  return new Option(flags, `${description} (required)`).makeOptionMandatory();
}
