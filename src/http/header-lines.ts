/** Every header line of a request as it goes out: `headers`, then the repeated lines, names title-cased where the request says so. */
import type { HttpRequest } from "./types.ts";

export function headerLines(request: HttpRequest): Array<[string, string]> {
  const lines = Object.entries(request.headers);
  const all = request.repeatedHeaders ? [...lines, ...request.repeatedHeaders] : lines;
  return request.titleCaseNames ? all.map(([name, value]) => [titleCase(name), value]) : all;
}

/** A field name with each word capitalised (`X-Routing-Id`): the same field (RFC 9110 §5.1), spelled as many clients send it. */
export function titleCase(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_m, dash: string, letter: string) => `${dash}${letter.toUpperCase()}`);
}

/** The request as HTTP/1.1 text (request line, Host, header lines, Content-Length, body): what one request looks like on a connection. */
export function requestAsText(request: HttpRequest): string {
  const url = new URL(request.url);
  const body = request.body ?? "";
  const lines = [`${request.method} ${url.pathname}${url.search} HTTP/1.1`, `host: ${url.host}`, ...headerLines(request).map(([name, value]) => `${name}: ${value}`), `content-length: ${Buffer.byteLength(body)}`];
  return `${lines.join("\r\n")}\r\n\r\n${body}`;
}
