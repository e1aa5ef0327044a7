/** Runs the real `payconform` command line for the Pact tests, with Pact's telemetry off. */
import { runCli, type CliResult } from "../../cli/spawn-cli.ts";

export type { CliResult };

export function payconform(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return runCli(args, { env: { PACT_DO_NOT_TRACK: "true", ...env } });
}
