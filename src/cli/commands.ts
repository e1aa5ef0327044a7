/**
 * The CLI's commands, by name. Each takes its arguments and the command's context, and resolves
 * to an exit code. Modules load on demand, so `validate-payload` never pays for the runner's
 * start-up.
 */
export interface CommandContext {
  /** Fires on SIGINT or SIGTERM; its reason is the InterruptedError to stop with. */
  signal: AbortSignal;
}

export type Command = (argv: string[], context: CommandContext) => Promise<number>;

export const commands: Record<string, Command> = {
  run: async (argv, context) => (await import("./run-command.ts")).runCommand(argv, context),
  "validate-payload": async (argv) => (await import("./validate-payload-command.ts")).validatePayloadCommand(argv),
  inventory: async (argv) => (await import("./inventory-command.ts")).inventoryCommand(argv),
  "verify-pacts": async (argv, context) => (await import("./verify-pacts-command.ts")).verifyPactsCommand(argv, context),
  "check-pacts": async (argv) => (await import("./check-pacts-command.ts")).checkPactsCommand(argv),
  spec: async (argv) => (await import("./spec-command.ts")).specCommand(argv),
  proxy: async (argv, context) => (await import("./proxy-command.ts")).proxyCommand(argv, context),
};

/**
 * Commands that run until SIGINT or SIGTERM and then finish normally: they write their reports
 * and exit with their own code, not 130 / 143.
 */
export const ENDED_BY_SIGNAL: ReadonlySet<string> = new Set(["proxy"]);

export const USAGE = `Usage:
  payconform run [--provider juspay|yuno|cashfree|enkash ...] [--target URL] [--state-url URL] [--fixtures FILE]
                 [--report-dir DIR] [--seed N] [--strict] [--allow-production] [--concurrency N] [--timeout-ms N]
                 [--ca-cert FILE]
  payconform validate-payload [--request FILE] [--response FILE]
  payconform inventory
  payconform verify-pacts [--provider juspay|yuno|cashfree|enkash ...] [--target URL --state-url URL] [--pact-dir DIR]
                          [--strict] [--allow-production] [--timeout-ms N] [--ca-cert FILE] [--verbose]
  payconform check-pacts [FILE ...]
  payconform spec diff OLD NEW [--provider P] [--json]
  payconform spec update PROVIDER FILE [--report-dir DIR]
  payconform proxy --provider P --target URL [--port N] [--report-dir DIR] [--record FILE] [--strict]
                   [--allow-production] [--timeout-ms N] [--ca-cert FILE]      (runs until Ctrl-C)
Exit codes: 0 conforms (warnings allowed), 1 a failed or errored result, 2 usage or tool error,
130 / 143 interrupted by SIGINT / SIGTERM (reports hold the results so far); proxy ends on either
signal with 0 or 1.`;
