/**
 * readPayloadFile: a payload file captured from the app, parsed as JSON. What the parsed value
 * cannot show, names repeated in one object, is kept beside it for the unique_member_names check.
 */
import { readFileSync } from "node:fs";
import { UsageError } from "../errors.ts";
import { findDuplicateNames, type DuplicateName } from "./duplicate-names.ts";
import { decodeUtf8 } from "./utf8.ts";

const MAX_REASON = 160;
/** At most this many duplicated names are reported per payload. */
export const MAX_DUPLICATE_NAMES = 20;

const READ_ERRORS: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "it is a directory",
  EACCES: "permission denied",
};

/** Duplicated names of the payloads read by readPayloadFile, keyed by the parsed value. */
const duplicateNames = new WeakMap<object, DuplicateName[]>();

/**
 * Parses a JSON payload file; a missing or unreadable file, bytes that are not UTF-8, and text
 * that is not JSON are each a UsageError. A UTF-8 byte order mark is ignored (RFC 8259 §8.1).
 */
export function readPayloadFile(path: string): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    const reason = READ_ERRORS[code] ?? oneLine((error as Error).message);
    throw new UsageError(`cannot read payload file ${path}: ${reason}`, { cause: error });
  }
  const decoded = decodeUtf8(bytes);
  if ("problem" in decoded) throw new UsageError(`cannot read payload file ${path}: ${decoded.problem}`);
  const json = decoded.text;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new UsageError(`invalid JSON in payload file ${path}${syntaxDetail(json, (error as Error).message)}`, { cause: error });
  }
  if (typeof value === "object" && value !== null) duplicateNames.set(value, findDuplicateNames(json, MAX_DUPLICATE_NAMES));
  return value;
}

/**
 * The names repeated within one object of the text a payload was parsed from (first
 * MAX_DUPLICATE_NAMES); [] for a payload not read by readPayloadFile, whose text is unknown.
 */
export function duplicateNamesIn(payload: unknown): readonly DuplicateName[] {
  return typeof payload === "object" && payload !== null ? (duplicateNames.get(payload) ?? []) : [];
}

/**
 * " at line L, column C: reason" when the parser names a position, else ": reason". The
 * parser's own text (which may quote the input, newlines included) is cut to one short line.
 */
export function syntaxDetail(text: string, parserMessage: string): string {
  const positioned = /^(.*?) in JSON at position (\d+)/s.exec(parserMessage);
  if (positioned) {
    const { line, column } = lineColumn(text, Number(positioned[2]));
    return ` at line ${line}, column ${column}: ${oneLine(positioned[1])}`;
  }
  const quoting = /^(Unexpected token .*?), ".*"(?:\.\.\.)? is not valid JSON$/s.exec(parserMessage);
  return `: ${oneLine(quoting ? quoting[1] : parserMessage)}`;
}

/** 1-based line and column of a UTF-16 offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf("\n");
  return { line: before.split("\n").length, column: offset - lastBreak };
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > MAX_REASON ? `${flat.slice(0, MAX_REASON - 3)}...` : flat;
}
