/**
 * The list of known defects of the providers' own documents (specs/known-defects.yaml), and how
 * violations are matched against it. A violation matches an entry when the file and pointer are
 * equal and the message contains the entry's message fragment. An entry that matches nothing is
 * stale, and is itself a violation of the list.
 */
import { UsageError } from "../../errors.ts";
import { readText, parseYaml } from "./input.ts";
import { isObj } from "./schema-walk.ts";
import { childPointer, type Violation } from "./violation.ts";

export interface KnownDefect {
  /** Project-relative path of the file with the defect. */
  file: string;
  /** JSON pointer of the defect, or "" for the whole file (a parse error). */
  pointer: string;
  /** A fragment of the violation message. */
  message: string;
  /** Why this is the provider's defect and not ours to fix. */
  reason: string;
}

export interface DefectMatch {
  /** Violations no entry accounts for. */
  unexpected: Violation[];
  /** Entries that matched at least one violation. */
  matched: KnownDefect[];
  /** One violation of the list per entry that matched nothing. */
  stale: Violation[];
}

const FIELDS = ["file", "pointer", "message", "reason"] as const;

/** Reads and checks the list. Any problem with it is a UsageError (the lint's own config). */
export function loadKnownDefects(root: string, file: string): KnownDefect[] {
  const parsed = parseYaml(file, readText(root, file, UsageError));
  if (!parsed.ok) throw new UsageError(`${file}: ${parsed.violations[0].message}`);
  const list = isObj(parsed.value) ? parsed.value.defects : undefined;
  if (!Array.isArray(list)) throw new UsageError(`${file}: expected a top-level "defects" list`);
  return list.map((entry, i) => {
    if (!isObj(entry)) throw new UsageError(`${file}: defects[${i}] must be a mapping`);
    const extra = Object.keys(entry).find((key) => !(FIELDS as readonly string[]).includes(key));
    if (extra) throw new UsageError(`${file}: defects[${i}] has an unknown field "${extra}"`);
    for (const key of FIELDS) {
      const value = entry[key];
      const allowEmpty = key === "pointer";
      if (typeof value !== "string" || (!allowEmpty && value.trim() === "")) {
        throw new UsageError(`${file}: defects[${i}].${key} must be a ${allowEmpty ? "" : "non-empty "}string`);
      }
    }
    return entry as unknown as KnownDefect;
  });
}

export function matchKnownDefects(listFile: string, violations: Violation[], defects: KnownDefect[]): DefectMatch {
  const matches = (d: KnownDefect, v: Violation) => v.file === d.file && v.pointer === d.pointer && v.message.includes(d.message);
  return {
    unexpected: violations.filter((v) => !defects.some((d) => matches(d, v))),
    matched: defects.filter((d) => violations.some((v) => matches(d, v))),
    stale: defects.flatMap((d, i) =>
      violations.some((v) => matches(d, v))
        ? []
        : [{ file: listFile, pointer: childPointer("/defects", i), message: `stale entry: ${d.file}#${d.pointer} "${d.message}" no longer occurs` }],
    ),
  };
}
