/**
 * Random ids and secrets for the sandboxes, drawn from node:crypto so that two sandboxes never
 * share credentials or fixtures.
 */
import { randomBytes, randomInt, randomUUID } from "node:crypto";
import { FixtureError } from "../errors.ts";

export const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
export const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
export const MIXED_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** `length` characters drawn uniformly from `alphabet`. */
export function randomString(alphabet: string, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** A URL-safe secret of `bytes` random bytes. */
export function randomSecret(bytes = 24): string {
  return randomBytes(bytes).toString("base64url");
}

/** Upper-case hex of `bytes` random bytes. */
export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString("hex").toUpperCase();
}

export function uuid(): string {
  return randomUUID();
}

export function pick<T>(items: readonly T[]): T {
  return items[randomInt(items.length)];
}

/** Draws ids until one is not taken; the draws are bounded, and collisions are astronomically rare. */
export function freshId(make: () => string, taken: (id: string) => boolean): string {
  for (let i = 0; i < 16; i++) {
    const id = make();
    if (!taken(id)) return id;
  }
  throw new FixtureError("could not draw an unused id");
}
