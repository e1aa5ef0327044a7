/**
 * `payconform spec diff|update ...`: work on a provider's spec when the provider publishes a new
 * version. Each subcommand lives in its own module and loads on demand.
 */
import { UsageError } from "../errors.ts";

const SUBCOMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  diff: async (argv) => (await import("./spec-diff-command.ts")).specDiffCommand(argv),
  update: async (argv) => (await import("./spec-update-command.ts")).specUpdateCommand(argv),
};

export async function specCommand(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const sub = name === undefined ? undefined : SUBCOMMANDS[name];
  if (!sub) throw new UsageError(`spec needs a subcommand: ${Object.keys(SUBCOMMANDS).join(" or ")}${name === undefined ? "" : ` (got "${name}")`}`);
  return sub(rest);
}
