/** Pair checks: a response must echo the request it answers. */
import { at, show } from "./json-value.ts";
import type { PayloadCheckId, PayloadFinding, PayloadInput } from "./model.ts";

/** response.requestId === request.requestId. */
export function echoesRequestId(input: PayloadInput): PayloadFinding[] {
  return compareEcho("echoes_request_id", input, ["requestId"]);
}

/** response.payload.action === request.payload.action. */
export function echoesAction(input: PayloadInput): PayloadFinding[] {
  return compareEcho("echoes_action", input, ["payload", "action"]);
}

/** A request without the field has nothing to echo; request_schema reports that absence. */
function compareEcho(check: PayloadCheckId, input: PayloadInput, path: string[]): PayloadFinding[] {
  const sent = at(input.request, ...path);
  const echoed = at(input.response, ...path);
  if (sent === undefined || echoed === sent) return [];
  const name = path.join(".");
  return [
    {
      check,
      target: "pair",
      pointer: `/${path.join("/")}`,
      message: `response ${name} is ${show(echoed)}, but the request sent ${show(sent)}`,
      severity: "error",
    },
  ];
}
