/**
 * decodeUtf8: a payload file's bytes as text. RFC 8259 §8.1: JSON exchanged between systems MUST
 * be UTF-8. Invalid bytes are not replaced with U+FFFD (which would hide them): the answer names
 * the first one and its byte offset. A UTF-8 byte order mark is dropped, as §8.1 lets a parser do.
 */

export type Decoded = { text: string } | { problem: string };

const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const UTF8_BOM = "\uFEFF";

export function decodeUtf8(bytes: Uint8Array): Decoded {
  const utf16 = utf16Mark(bytes);
  if (utf16) return { problem: `it is UTF-16 (byte order mark ${utf16}); JSON must be UTF-8 (RFC 8259 §8.1)` };
  let text: string;
  try {
    text = strict.decode(bytes);
  } catch {
    const offset = firstInvalidByte(bytes);
    const byte = bytes[offset].toString(16).toUpperCase().padStart(2, "0");
    return { problem: `byte 0x${byte} at byte offset ${offset} is not UTF-8; JSON must be UTF-8 (RFC 8259 §8.1)` };
  }
  return { text: text.startsWith(UTF8_BOM) ? text.slice(1) : text };
}

function utf16Mark(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "FF FE";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "FE FF";
  return undefined;
}

/**
 * Offset of the first byte that does not start or continue a well-formed UTF-8 sequence
 * (Unicode 15, table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF). Only called
 * once the decoder has refused the bytes; a sequence cut short by the end of the file points at
 * its lead byte.
 */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const step = sequenceAt(bytes, i);
    if ("bad" in step) return step.bad;
    i += step.length;
  }
  return bytes.length - 1;
}

/** The length of the well-formed sequence at `i`, or the offset of its first bad byte. */
function sequenceAt(bytes: Uint8Array, i: number): { length: number } | { bad: number } {
  const b = bytes[i];
  if (b < 0x80) return { length: 1 };
  const [length, low, high] = leadRange(b);
  if (length === 0 || i + length > bytes.length) return { bad: i };
  if (bytes[i + 1] < low || bytes[i + 1] > high) return { bad: i + 1 };
  for (let k = 2; k < length; k++) if (!isContinuation(bytes[i + k])) return { bad: i + k };
  return { length };
}

/** For a lead byte: the sequence length and the range its second byte must fall in. */
function leadRange(b: number): [number, number, number] {
  if (b >= 0xc2 && b <= 0xdf) return [2, 0x80, 0xbf];
  if (b === 0xe0) return [3, 0xa0, 0xbf];
  if (b === 0xed) return [3, 0x80, 0x9f];
  if (b >= 0xe1 && b <= 0xef) return [3, 0x80, 0xbf];
  if (b === 0xf0) return [4, 0x90, 0xbf];
  if (b >= 0xf1 && b <= 0xf3) return [4, 0x80, 0xbf];
  if (b === 0xf4) return [4, 0x80, 0x8f];
  return [0, 0, 0];
}

function isContinuation(b: number): boolean {
  return b >= 0x80 && b <= 0xbf;
}
