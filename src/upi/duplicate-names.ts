/**
 * findDuplicateNames: object member names that occur more than once in one object of a JSON
 * text. JSON.parse keeps the last value without a word; RFC 8259 §4 says names SHOULD be unique,
 * and receivers differ on which duplicate they keep. A linear scan over text JSON.parse already
 * accepted: it tracks only the open containers, jumps over strings with indexOf, and decodes a
 * name only when it holds an escape. Iterative, so deep nesting cannot overflow the call stack.
 */
import { escapeToken } from "../spec/deref.ts";

export interface DuplicateName {
  /** JSON Pointer (RFC 6901) of the member, e.g. `/payload/accountReferenceId`. */
  pointer: string;
  name: string;
  /** How many times the name occurs in its object. */
  count: number;
}

interface ObjectFrame {
  kind: "object";
  /** The name of the member being read; "" before the first. */
  name: string;
  awaitingName: boolean;
  seen: Map<string, DuplicateName | null>;
}

interface ArrayFrame {
  kind: "array";
  index: number;
}

type Frame = ObjectFrame | ArrayFrame;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Every duplicated name, in the order its second occurrence appears, up to `limit` of them. */
export function findDuplicateNames(json: string, limit: number): DuplicateName[] {
  const found: DuplicateName[] = [];
  const stack: Frame[] = [];
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === QUOTE) {
      const end = closingQuote(json, i);
      if (top?.kind === "object" && top.awaitingName) {
        const name = decodeName(json, i, end);
        top.name = name;
        top.awaitingName = false;
        const duplicate = recordName(stack, top, name, found.length < limit);
        if (duplicate) found.push(duplicate);
      }
      i = end;
    } else if (c === 0x7b /* { */) {
      stack.push({ kind: "object", name: "", awaitingName: true, seen: new Map() });
    } else if (c === 0x5b /* [ */) {
      stack.push({ kind: "array", index: 0 });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */ && top) {
      if (top.kind === "array") top.index++;
      else top.awaitingName = true;
    }
  }
  return found;
}

/** Counts the name; returns a new DuplicateName on its second occurrence (when `report`). */
function recordName(stack: Frame[], frame: ObjectFrame, name: string, report: boolean): DuplicateName | undefined {
  const previous = frame.seen.get(name);
  if (previous === undefined) {
    frame.seen.set(name, null);
    return undefined;
  }
  if (previous !== null) {
    previous.count++;
    return undefined;
  }
  if (!report) return undefined;
  const duplicate = { pointer: pointerOf(stack), name, count: 2 };
  frame.seen.set(name, duplicate);
  return duplicate;
}

/** Index of the quote that closes the string opening at `start` (the text is valid JSON). */
function closingQuote(json: string, start: number): number {
  let end = json.indexOf('"', start + 1);
  while (end !== -1 && escaped(json, end)) end = json.indexOf('"', end + 1);
  return end === -1 ? json.length : end;
}

/** Whether the character at `at` follows an odd run of backslashes. */
function escaped(json: string, at: number): boolean {
  let run = 0;
  while (json.charCodeAt(at - 1 - run) === BACKSLASH) run++;
  return run % 2 === 1;
}

function decodeName(json: string, start: number, end: number): string {
  const raw = json.slice(start, end + 1);
  return raw.includes("\\") ? (JSON.parse(raw) as string) : raw.slice(1, -1);
}

function pointerOf(stack: Frame[]): string {
  return stack.map((frame) => `/${frame.kind === "array" ? frame.index : escapeToken(frame.name)}`).join("");
}
