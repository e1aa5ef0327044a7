/**
 * The CLI's commands, by name. Each takes its arguments and resolves to an exit code. Modules
 * load on demand, so `validate-payload` never pays for the runner's start-up.
 */
export type Command = (argv: string[]) => Promise<number>;

export const commands: Record<string, Command> = {
  run: async (argv) => (await import("./run-command.ts")).runCommand(argv),
  "validate-payload": async (argv) => (await import("./validate-payload-command.ts")).validatePayloadCommand(argv),
  inventory: async (argv) => (await import("./inventory-command.ts")).inventoryCommand(argv),
  "verify-pacts": async (argv) => (await import("./verify-pacts-command.ts")).verifyPactsCommand(argv),
  "check-pacts": async (argv) => (await import("./check-pacts-command.ts")).checkPactsCommand(argv),
  spec: async (argv) => (await import("./spec-command.ts")).specCommand(argv),
};

export const USAGE = `Usage:
  payconform run [--provider juspay|yuno|cashfree|enkash ...] [--target URL] [--state-url URL] [--fixtures FILE]
                 [--report-dir DIR] [--seed N] [--strict] [--allow-production] [--concurrency N] [--timeout-ms N]
  payconform validate-payload [--request FILE] [--response FILE]
  payconform inventory
  payconform verify-pacts [--provider juspay|yuno|cashfree|enkash ...] [--target URL --state-url URL] [--pact-dir DIR]
                          [--allow-production] [--timeout-ms N]
  payconform check-pacts [FILE ...]
  payconform spec diff OLD NEW [--provider P] [--json]
  payconform spec update PROVIDER FILE [--report-dir DIR]
Exit codes: 0 conforms (warnings allowed), 1 a failed or errored result, 2 usage or tool error.`;
