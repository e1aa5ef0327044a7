/** Renders a request as a curl command that reproduces it, with every secret masked. */
import type { HttpRequest } from "./types.ts";
import { redact } from "./redact.ts";
import { headerLines } from "./header-lines.ts";

export function toCurl(request: HttpRequest, secrets: readonly string[]): string {
  const parts = ["curl", "-i", "-X", request.methodSpelling ?? request.method, ...(request.http10 ? ["--http1.0"] : []), ...(request.pathAsIs ? ["--path-as-is"] : []), ...(request.chunked ? ["-H", quote("Transfer-Encoding: chunked")] : []), ...(request.absoluteForm ? ["--request-target", quote(redact(request.url, secrets))] : []), quote(redact(request.url, secrets))];
  for (const [name, value] of headerLines(request)) {
    // A cookie the target set may be a session that stands in for the credentials: its values are masked too.
    const shown = name.toLowerCase() === "cookie" ? value.replace(/=[^;]*/g, "=***") : redact(value, secrets);
    parts.push("-H", quote(`${name}: ${shown}`));
  }
  if (request.body !== undefined) parts.push("--data-raw", quote(redact(request.body, secrets)));
  return parts.join(" ");
}

function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
