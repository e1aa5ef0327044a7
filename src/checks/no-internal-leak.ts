/**
 * no_internal_leak (OWASP API8, verbose errors): no response body or header carries the server's internals,
 * a stack trace, an SQL statement or database error, a connection string, an internal host name
 * or a server file path (internal-leak-patterns.ts). No documented body holds any of them. Nor
 * does any answer name another customer (other-customers.ts, OWASP API3), or a host the request
 * claimed in proxy headers (claimed-host.ts).
 */
import { claimedHostNamed } from "./claimed-host.ts";
import { INTERNAL_LEAK_PATTERNS } from "./internal-leak-patterns.ts";
import { otherCustomersNamed } from "./other-customers.ts";
import type { Check, Finding } from "./types.ts";

/** Bodies are scanned up to this many characters: a leak sits near the start of an error. */
const SCANNED = 64 * 1024;

export const noInternalLeak: Check = {
  id: "no_internal_leak",
  run: (input) => {
    // Headers too: a Server-Timing or a debug header may carry a query or an internal host.
    const exposed = [...otherCustomersNamed(input), ...claimedHostNamed(input), ...internals(Object.values(input.response.headers).join("\n").slice(0, SCANNED), `the ${input.response.status} answer's headers`)];
    // Trailers are fields of the message too (RFC 9110 §6.5), sent after a chunked body.
    if (input.response.reason) exposed.push(...internals(input.response.reason, `the ${input.response.status} answer's reason phrase`));
    if (input.response.trailers) exposed.push(...internals(Object.values(input.response.trailers).join("\n").slice(0, SCANNED), `the ${input.response.status} answer's trailer headers`));
    const raw = input.response.text.slice(0, SCANNED);
    if (raw === "") return exposed;
    // A JSON body is also read as its string values, so an escaped newline does not hide a frame;
    // a body with markup as its text, so an HTML error page's tags and entities do not either.
    const views = [raw];
    if (input.json.ok) views.push(stringsOf(input.json.value, SCANNED).join("\n").slice(0, SCANNED));
    if (raw.includes("<")) views.push(textOfMarkup(raw));
    const text = views.join("\n");
    return [...exposed, ...internals(text, `the ${input.response.status} body`)];
  },
};

/** What of the server's internals `text` shows, `where` naming it in the message. */
function internals(text: string, where: string): Finding[] {
  const findings: Finding[] = [];
  for (const [what, pattern, quick] of INTERNAL_LEAK_PATTERNS) {
    if (quick && !quick.test(text)) continue;
    const hit = pattern.exec(text);
    if (!hit) continue;
    const shown = hit[0].length > 80 ? `${hit[0].slice(0, 80)}…` : hit[0];
    findings.push({ expected: "no server internals in the answer", actual: `${what}: ${JSON.stringify(shown)}`, message: `${where} show${where.endsWith("headers") ? "" : "s"} ${what}` });
  }
  return findings;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Markup's text: tags dropped, character references decoded. */
function textOfMarkup(markup: string): string {
  return markup
    .replace(/<[^>]*>/g, "")
    .replace(/&(?:#(\d+)|#x([0-9a-f]+)|(\w+));/gi, (whole, dec?: string, hex?: string, name?: string) =>
      name !== undefined ? (ENTITIES[name.toLowerCase()] ?? whole) : String.fromCodePoint(Math.min(parseInt(dec ?? hex ?? "0", dec ? 10 : 16), 0x10ffff)),
    );
}

/** The strings of a parsed JSON value, depth first, until they hold `budget` characters. */
export function stringsOf(value: unknown, budget: number): string[] {
  const found: string[] = [];
  let left = budget;
  const visit = (v: unknown): void => {
    if (left <= 0) return;
    if (typeof v === "string") {
      found.push(v);
      left -= v.length + 1;
    } else if (Array.isArray(v)) {
      for (const item of v) visit(item);
    } else if (v !== null && typeof v === "object") {
      for (const item of Object.values(v)) visit(item);
    }
  };
  visit(value);
  return found;
}
