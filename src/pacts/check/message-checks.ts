/**
 * The Juspay UPI pact holds V4 synchronous messages: each request and its response payload go
 * through src/upi's validatePayloads, the validator `payconform validate-payload` runs. Only
 * errors are findings.
 */
import { validatePayloads } from "../../upi/index.ts";
import { appendPointer } from "./json-path.ts";
import type { Problem } from "./model.ts";

type Obj = Record<string, unknown>;

export function isSynchronousMessage(raw: unknown): raw is Obj {
  return isObj(raw) && raw.type === "Synchronous/Messages";
}

export function messageProblems(raw: Obj, index: number): Problem[] {
  const base = `$.interactions[${index}]`;
  const request = contentOf(isObj(raw.request) ? raw.request : undefined);
  const firstResponse = Array.isArray(raw.response) ? raw.response[0] : undefined;
  const response = contentOf(isObj(firstResponse) ? firstResponse : undefined);
  if (request === undefined && response === undefined) return [{ path: base, message: "the message has neither request nor response contents" }];
  const paths = { request: `${base}.request.contents.content`, response: `${base}.response[0].contents.content`, pair: `${base}.response[0].contents.content` };
  return validatePayloads({ request, response })
    .filter((finding) => finding.severity === "error")
    .map((finding) => ({ path: appendPointer(paths[finding.target], finding.pointer), message: `${finding.target}: ${finding.message} (${finding.check})` }));
}

function contentOf(part: Obj | undefined): unknown {
  const contents = part && isObj(part.contents) ? part.contents : undefined;
  if (!contents || !("content" in contents)) return undefined;
  const { content, encoded } = contents;
  if (typeof content !== "string") return content;
  const text = encoded === "base64" ? Buffer.from(content, "base64").toString("utf8") : content;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
