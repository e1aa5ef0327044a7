/**
 * `payconform validate-payload --request FILE --response FILE`: the Juspay UPI SDK
 * upiDeleteAccount payloads against their JSON Schema, and the pair checks between them.
 * Returns 0 when no error is found, 1 otherwise.
 */
import type { Command } from "commander";
import { print } from "../output.ts";
import { formatFindings, hasErrors, readPayloadFile, summarizeFindings, validatePayloads } from "../upi/index.ts";
import { option, type Invocation } from "./command.ts";

/** The command's options: the payload files; either may be left out. */
interface ValidatePayloadOptions {
  request?: string;
  response?: string;
}

export function configure(command: Command): void {
  command
    .addOption(option("--request <file>", "the upiDeleteAccount request payload (JSON)", "none"))
    .addOption(option("--response <file>", "the upiDeleteAccount response payload (JSON); with --request, the pair is checked too", "none"));
}

export async function action({ options }: Invocation): Promise<number> {
  const files = options as ValidatePayloadOptions;
  const request = files.request === undefined ? undefined : readPayloadFile(files.request);
  const response = files.response === undefined ? undefined : readPayloadFile(files.response);
  const findings = validatePayloads({ request, response });
  if (findings.length > 0) print(`${formatFindings(findings)}\n`);
  print(`${summarizeFindings(findings)}\n`);
  return hasErrors(findings) ? 1 : 0;
}
