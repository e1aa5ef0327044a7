import { describe, expect, it } from "vitest";
import { decodeUtf8, firstInvalidByte } from "../../src/upi/utf8.ts";

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "utf8") : Buffer.from(part))));

describe("decodeUtf8", () => {
  it.each([
    ["plain ASCII", bytes('{"a":1}'), { text: '{"a":1}' }],
    ["multi-byte characters", bytes('{"n":"José ६ 🙏"}'), { text: '{"n":"José ६ 🙏"}' }],
    ["a UTF-8 byte order mark, which is dropped", bytes([0xef, 0xbb, 0xbf], "{}"), { text: "{}" }],
    ["a 0xFF byte inside a string", bytes('{"a":"x', [0xff], '"}'), { problem: "byte 0xFF at byte offset 7 is not UTF-8; JSON must be UTF-8 (RFC 8259 §8.1)" }],
    ["a UTF-16 LE file", Buffer.from("\uFEFF{}", "utf16le"), { problem: "it is UTF-16 (byte order mark FF FE); JSON must be UTF-8 (RFC 8259 §8.1)" }],
  ])("%s", (_name, input, want) => {
    expect(decodeUtf8(input)).toEqual(want);
  });
});

describe("firstInvalidByte", () => {
  it.each([
    ["a lone continuation byte", bytes("ab", [0x80]), 2],
    ["an overlong two-byte form", bytes("a", [0xc0, 0xaf]), 1],
    ["a bad second byte", bytes([0xe2, 0x41, 0x41]), 1],
    ["a bad third byte", bytes([0xe2, 0x82, 0x41]), 2],
    ["an encoded surrogate", bytes("x", [0xed, 0xa0, 0x80]), 2],
    ["a sequence cut short by the end", bytes("abc", [0xf0, 0x9f]), 3],
    ["a byte above U+10FFFF", bytes([0xf5, 0x80, 0x80, 0x80]), 0],
  ])("%s", (_name, input, offset) => {
    expect(firstInvalidByte(input)).toBe(offset);
    expect("problem" in decodeUtf8(input)).toBe(true);
  });
});
