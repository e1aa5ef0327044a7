/** Every header line of a request as it goes out: `headers`, then the repeated lines. */
import type { HttpRequest } from "./types.ts";

export function headerLines(request: HttpRequest): Array<[string, string]> {
  const lines = Object.entries(request.headers);
  return request.repeatedHeaders ? [...lines, ...request.repeatedHeaders] : lines;
}
