/**
 * `payconform validate-payload --request FILE --response FILE`: the Juspay UPI SDK
 * upiDeleteAccount payloads against their JSON Schema, and the pair checks between them.
 * Returns 0 when no error is found, 1 otherwise.
 */
import { print } from "../output.ts";
import { formatFindings, hasErrors, readPayloadFile, summarizeFindings, validatePayloads } from "../upi/index.ts";
import { parseFlags } from "./args.ts";

export async function validatePayloadCommand(argv: string[]): Promise<number> {
  const flags = parseFlags(argv, { request: { type: "string" }, response: { type: "string" } });
  const request = typeof flags.request === "string" ? readPayloadFile(flags.request) : undefined;
  const response = typeof flags.response === "string" ? readPayloadFile(flags.response) : undefined;
  const findings = validatePayloads({ request, response });
  if (findings.length > 0) print(`${formatFindings(findings)}\n`);
  print(`${summarizeFindings(findings)}\n`);
  return hasErrors(findings) ? 1 : 0;
}
