/**
 * The report folder and the files in it. The folder is made and probed by actually writing a
 * file into it when a reporter is created, before any request, so a folder that cannot be
 * written stops the run before it deletes anything. Failures are UsageErrors with one line
 * naming the path. Files are written through src/output.ts (masked, whole or not at all).
 */
import { mkdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { UsageError } from "../errors.ts";
import { writeOutputFileParts } from "../output.ts";
import type { Reporter } from "../runner/events.ts";

/** A reporter that writes one file into the report folder. */
export interface FileReporter extends Reporter {
  /** The file's path. */
  readonly file: string;
  /** Whether it has been written (finish succeeded). */
  written: boolean;
}

/** Makes and probes the report folder (see above); returns the path `name` will have in it. */
export function prepareReportDir(dir: string, name: string): string {
  try {
    makeDirectories(dir);
  } catch (error) {
    throw new UsageError(`cannot create the report folder ${dir}: ${codeOf(error)}`, { cause: error });
  }
  probeWritable(dir, `the report folder ${dir}`);
  return join(dir, name);
}

/** Writes and removes an empty file in `dir`; a UsageError naming `what` when that fails. */
export function probeWritable(dir: string, what: string): void {
  const probe = join(dir, `.payconform-write-probe-${process.pid}`);
  try {
    writeFileSync(probe, "");
    unlinkSync(probe);
  } catch (error) {
    throw new UsageError(`cannot write to ${what}: ${codeOf(error)}`, { cause: error });
  }
}

/** Writes the report `name` in `dir` from `text`, or from parts (a long report, never held whole). */
export function writeReport(dir: string, name: string, text: string | Iterable<string>): void {
  const file = join(dir, name);
  try {
    makeDirectories(dir);
    writeOutputFileParts(file, typeof text === "string" ? [text] : text);
  } catch (error) {
    throw new UsageError(`cannot write ${file}: ${codeOf(error)}`, { cause: error });
  }
}

/**
 * `mkdir -p`, one level at a time from the nearest folder that exists. Node's recursive mkdir
 * never returns on some pseudo file systems (`/proc/nope`); this takes at most one step per
 * path component.
 */
function makeDirectories(dir: string): void {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    const kind = kindOf(at);
    if (kind === "directory") break;
    if (kind === "other") throw Object.assign(new Error(`${at} is not a directory`), { code: "ENOTDIR" });
    missing.push(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const path of missing.reverse()) mkdirSync(path);
}

function kindOf(path: string): "directory" | "other" | "missing" {
  try {
    return statSync(path).isDirectory() ? "directory" : "other";
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    throw error;
  }
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}
