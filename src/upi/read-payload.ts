/** readPayloadFile: a payload file captured from the app, parsed as JSON. */
import { readFileSync } from "node:fs";
import { UsageError } from "../errors.ts";

const MAX_REASON = 160;

const READ_ERRORS: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "it is a directory",
  EACCES: "permission denied",
};

/** Parses a JSON payload file; a missing, unreadable or invalid file is a UsageError. */
export function readPayloadFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    const reason = READ_ERRORS[code] ?? oneLine((error as Error).message);
    throw new UsageError(`cannot read payload file ${path}: ${reason}`, { cause: error });
  }
  // Editors on some platforms save a byte order mark, which JSON.parse rejects.
  const json = text.startsWith("\uFEFF") ? text.slice(1) : text;
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new UsageError(`invalid JSON in payload file ${path}${syntaxDetail(json, (error as Error).message)}`, { cause: error });
  }
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
  const quoting = /^(Unexpected token .*?), ".*" is not valid JSON$/s.exec(parserMessage);
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
