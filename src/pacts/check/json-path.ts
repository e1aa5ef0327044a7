/** JSON paths for findings: `$.interactions[2].response.body.content.error_info.category`. */

/** Appends a JSON Pointer (RFC 6901, as Ajv's instancePath) to a JSON path. */
export function appendPointer(path: string, pointer: string): string {
  if (pointer === "") return path;
  return pointer
    .split("/")
    .slice(1)
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((acc, token) => appendKey(acc, token), path);
}

export function appendKey(path: string, key: string): string {
  if (/^\d+$/.test(key)) return `${path}[${key}]`;
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}
