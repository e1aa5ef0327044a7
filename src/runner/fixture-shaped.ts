/**
 * An id of a fixture's own shape that the target never issued: each character of its last part
 * moved within its class, the rest kept (`cust_ab12` → `cust_no89`; a UUID's last group stays hex). Where the
 * doc gives no shape for an id, payconform's made-up never-existing id may be refused as malformed;
 * one shaped like the target's own ids cannot be, so its answer must be the documented not-found.
 *
 * A delete is sent to it, so it must not name a customer that exists: only a last part of at least
 * MIN_MOVED letters and digits, not all digits, is moved (the neighbour of a sequential id such as
 * `customer_10012345` may well be a real customer), or a UUID's last group, whatever it holds (a
 * UUID is random). Otherwise there is none (undefined), and the caller falls back to its made-up id.
 */
const HEX_ID = /^[0-9a-fA-F-]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Letters and digits the moved part must have, a letter among them. */
const MIN_MOVED = 8;

export function fixtureShaped(id: string): string | undefined {
  // What is likely a prefix (`cust_`, `KC`, a UUID's first groups) stays: the part after the last
  // `_` or `-`, or without one the second half, is moved.
  const cut = /[_-]/.test(id) ? Math.max(id.lastIndexOf("_"), id.lastIndexOf("-")) + 1 : Math.ceil(id.length / 2);
  const tail = id.slice(cut);
  // A UUID is random whatever its last group holds (all digits, now and then): never a sequence.
  const uuid = UUID.test(id);
  if (!uuid && ((tail.match(/[A-Za-z0-9]/g) ?? []).length < MIN_MOVED || !/[A-Za-z]/.test(tail))) return undefined;
  // Hex where the part has a hex letter and nothing else (a UUID's group), in the case it uses.
  const hex = uuid || (HEX_ID.test(tail) && /[a-fA-F]/.test(tail));
  const upper = uuid ? /[A-F]/.test(id) : /[A-F]/.test(tail);
  const moved = Array.from(tail, (c) => {
    const code = c.charCodeAt(0);
    if (c >= "0" && c <= "9") return hex ? hexShift(c, upper) : String((code - 48 + 7) % 10);
    if (hex && /[a-fA-F]/.test(c)) return hexShift(c, upper);
    if (c >= "a" && c <= "z") return String.fromCharCode(97 + ((code - 97 + 13) % 26));
    if (c >= "A" && c <= "Z") return String.fromCharCode(65 + ((code - 65 + 13) % 26));
    return c;
  }).join("");
  return id.slice(0, cut) + moved;
}

/** A hex digit moved by 7 within 0-f, its letters in upper case when `upper`. */
function hexShift(c: string, upper: boolean): string {
  const moved = ((parseInt(c, 16) + 7) % 16).toString(16);
  return upper ? moved.toUpperCase() : moved;
}
