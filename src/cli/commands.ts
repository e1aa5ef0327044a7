/** The CLI's commands, by name. Each takes its arguments and resolves to an exit code. */
import { inventoryCommand } from "./inventory-command.ts";
import { RUN_USAGE, runCommand } from "./run-command.ts";
import { VALIDATE_PAYLOAD_USAGE, validatePayloadCommand } from "./validate-payload-command.ts";

export type Command = (argv: string[]) => Promise<number>;

export const commands: Record<string, Command> = {
  run: runCommand,
  inventory: inventoryCommand,
  "validate-payload": validatePayloadCommand,
};

export const USAGE = `Usage:
  ${RUN_USAGE}
  ${VALIDATE_PAYLOAD_USAGE}
  payconform inventory
Exit codes: 0 conforms (warnings allowed), 1 a failed or errored result, 2 usage or tool error.`;
