/**
 * Names that appear twice in one JSON object. JSON.parse keeps the last; other parsers keep the
 * first or refuse the text, so a body like {"status":"ACTIVE","status":"DELETED"} reads
 * differently from client to client (RFC 8259 §4: the names within an object SHOULD be unique).
 * A single pass over text that already parsed as JSON: strings are skipped with their escapes,
 * and each object open on the way keeps the names seen in it. Bounded by the text's length.
 */
export function duplicateNames(text: string): string[] {
  const found = new Set<string>();
  // One entry per open container: the names of an object, or undefined for an array.
  const open: Array<Set<string> | undefined> = [];
  let expectingName = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i + 1;
      for (i = start; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
      const names = open.at(-1);
      if (expectingName && names) {
        // Escapes are rare in names: only then is the name decoded.
        const raw = text.slice(start, i);
        const name = raw.includes("\\") ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (names.has(name)) found.add(name);
        names.add(name);
      }
      expectingName = false;
    } else if (c === "{") {
      open.push(new Set());
      expectingName = true;
    } else if (c === "[") {
      open.push(undefined);
      expectingName = false;
    } else if (c === "}" || c === "]") {
      open.pop();
      expectingName = false;
    } else if (c === ",") {
      expectingName = open.at(-1) !== undefined;
    }
  }
  return [...found];
}
