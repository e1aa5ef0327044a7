/** Renders a request as a curl command that reproduces it, with every secret masked. */
import type { HttpRequest } from "./types.ts";
import { redact } from "./redact.ts";

export function toCurl(request: HttpRequest, secrets: readonly string[]): string {
  const parts = ["curl", "-i", "-X", request.method, quote(redact(request.url, secrets))];
  for (const [name, value] of Object.entries(request.headers)) {
    parts.push("-H", quote(`${name}: ${redact(value, secrets)}`));
  }
  if (request.body !== undefined) parts.push("--data-raw", quote(redact(request.body, secrets)));
  return parts.join(" ");
}

function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
