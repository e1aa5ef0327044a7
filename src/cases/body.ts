/** Encodes a request body object in the documented media type. */
export function encodeBody(contentType: string, value: Record<string, unknown>): string {
  if (contentType === "application/x-www-form-urlencoded") {
    return new URLSearchParams(Object.entries(value).map(([k, v]) => [k, String(v)])).toString();
  }
  return JSON.stringify(value);
}
