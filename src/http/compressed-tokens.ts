/**
 * Secrets inside compressed data written as base64 or base64url: a session cookie that holds the
 * request's keys as zlib-compressed JSON (Flask's `session=.eJ…`), a gzip blob in a header. Such a
 * token carries the secret in no form the patterns of redact.ts can see, so it is found by
 * decoding: a run of base64 characters that starts as zlib (`eJ`, `eN`, `eF`, `eA`: 0x78 and a
 * header byte) or gzip (`H4sI`) does, is inflated (to a bounded size) and looked at again. A token
 * whose inflated text holds a secret is masked whole.
 */
import { gunzipSync, inflateSync } from "node:zlib";

/** Candidate tokens: a zlib or gzip start in base64, then more base64 or base64url characters. */
const TOKEN = /(?:e[JNFA]|H4sI)[A-Za-z0-9+/_-]{12,}={0,2}/g;

/** At most this much inflated text is looked at per token (a bomb stays a bomb only up to here). */
const INFLATED_LIMIT = 64 * 1024;
/** Tokens looked at per text, at most: a text of thousands of them is not a cookie. */
const TOKENS_LIMIT = 64;

/** The text inflated from one token, or undefined when it is no compressed data. */
function inflated(token: string): string | undefined {
  const bytes = Buffer.from(token.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  try {
    const out = token.startsWith("H4sI") ? gunzipSync(bytes, { maxOutputLength: INFLATED_LIMIT }) : inflateSync(bytes, { maxOutputLength: INFLATED_LIMIT });
    return out.toString("utf8");
  } catch {
    return undefined;
  }
}

/** The compressed tokens in `text` whose inflated text `holds` accepts. */
export function compressedTokensHolding(text: string, holds: (inflatedText: string) => boolean): string[] {
  const found: string[] = [];
  let seen = 0;
  for (const match of text.matchAll(TOKEN)) {
    if (++seen > TOKENS_LIMIT) break;
    const plain = inflated(match[0]);
    if (plain !== undefined && holds(plain)) found.push(match[0]);
  }
  return found;
}
