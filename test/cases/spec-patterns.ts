/** Every `pattern` keyword in the specs: specs/**\/*.yaml and specs/**\/*.schema.json. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const SPECS = fileURLToPath(new URL("../../specs/", import.meta.url));
/** Keys whose values are instance data, not schemas; `x-` extensions are skipped too. */
const DATA_KEYS = new Set(["example", "examples", "default", "const", "enum"]);

export function specPatterns(): string[] {
  const files = readdirSync(SPECS, { recursive: true, encoding: "utf8" }).filter((f) => /\.ya?ml$|\.schema\.json$/.test(f));
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    if (value === null || typeof value !== "object" || Array.isArray(value)) return;
    for (const [key, child] of Object.entries(value)) {
      if (key.startsWith("x-") || DATA_KEYS.has(key)) continue;
      if (key === "pattern" && typeof child === "string") found.add(child);
      else walk(child);
    }
  };
  for (const file of files) walk(parse(readFileSync(join(SPECS, file), "utf8")));
  return [...found].sort();
}
