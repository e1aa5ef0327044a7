/**
 * The CLI's commands, by name. An entry is a one-line summary (for `payconform --help`) and the
 * module that declares and runs the command (see CommandModule in command.ts), loaded only when
 * that command is named, so `validate-payload` never pays for the runner's start-up. A command
 * with subcommands (`spec`) lists them the same way.
 *
 * A new command is one module exporting `configure` and `action`, and one line here.
 */
import type { CommandModule } from "./command.ts";

export type CommandEntry =
  | { summary: string; load: () => Promise<CommandModule> }
  | { summary: string; subcommands: Record<string, CommandEntry> };

export const COMMANDS: Record<string, CommandEntry> = {
  run: { summary: "run every check against a target and write the reports", load: () => import("./run-command.ts") },
  serve: { summary: "start a provider's reference sandbox and keep it running", load: () => import("./serve-command.ts") },
  "validate-payload": { summary: "validate Juspay UPI upiDeleteAccount payloads", load: () => import("./validate-payload-command.ts") },
  inventory: { summary: "list what each spec documents and what payconform assumed", load: () => import("./inventory-command.ts") },
  "verify-pacts": { summary: "replay the Pact contracts against a sandbox or a target", load: () => import("./verify-pacts-command.ts") },
  "check-pacts": { summary: "cross-check pact files against the providers' specs", load: () => import("./check-pacts-command.ts") },
  proxy: { summary: "check live traffic between a client and a target, and record it as a pact", load: () => import("./proxy-command.ts") },
  spec: {
    summary: "compare or take in a new version of a provider's spec",
    subcommands: {
      diff: { summary: "classify the changes between two versions of a spec", load: () => import("./spec-diff-command.ts") },
      update: { summary: "take a new upstream document and show what it changes", load: () => import("./spec-update-command.ts") },
    },
  },
};
