/**
 * The report folder and the files in it. The folder is made when a reporter is created, before
 * any request, so a folder that cannot be written stops the run before it deletes anything.
 * Failures are UsageErrors with one line naming the path.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../errors.ts";

export function prepareReportDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new UsageError(`cannot create the report folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
}

export function writeReport(dir: string, name: string, text: string): void {
  prepareReportDir(dir);
  const file = join(dir, name);
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw new UsageError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
}
