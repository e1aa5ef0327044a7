/**
 * The drift check against the committed generated/: a spec change makes that provider's files
 * stale, by name; unchanged specs give no drift; missing and extra files are reported as such.
 * Only Cashfree is regenerated, to keep the Java generator's share of the run small.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { SpecError } from "../../src/errors.ts";
import { SPECS_DIR } from "../../src/providers.ts";
import { GENERATED_DIR } from "../../scripts/generate/options.ts";
import { checkGenerated, formatStale } from "../../scripts/generate/run.ts";

const providers = ["cashfree"] as const;
let scratch: string;

/**
 * A copy of specs/ with `edit` applied to Cashfree's parsed upstream document (its overlay
 * re-applies); without `edit`, the files as they are (generated/cashfree/document.json records
 * the bytes it was read from).
 */
function specsWith(name: string, edit?: (doc: Record<string, any>) => void): string {
  const dir = join(scratch, name);
  cpSync(SPECS_DIR, dir, { recursive: true });
  if (!edit) return dir;
  const file = join(dir, "cashfree", "upstream.yaml");
  const doc = parse(readFileSync(file, "utf8"));
  edit(doc);
  writeFileSync(file, stringify(doc));
  return dir;
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "payconform-drift-test-"));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe("generate:check drift detection", () => {
  it("finds no drift for the unmodified specs", async () => {
    const unchanged = specsWith("unchanged");
    expect(await checkGenerated({ specsDir: unchanged, providers })).toEqual([]);
  });

  it("names the provider's files that a spec change makes stale", async () => {
    const changed = specsWith("changed", (doc) => {
      doc.components.schemas.ErrorResponse.properties.request_id = { type: "string", description: "Request id." };
    });
    const stale = await checkGenerated({ specsDir: changed, providers });
    expect(stale).toEqual([
      { path: "cashfree/document.json", state: "changed" },
      { path: "cashfree/response-validators.ts", state: "changed" },
      { path: "cashfree/schema.d.ts", state: "changed" },
      { path: "cashfree/sdk/models/ErrorResponse.ts", state: "changed" },
    ]);
    expect(formatStale(stale)).toEqual([
      "stale: generated/cashfree/document.json (changed)",
      "stale: generated/cashfree/response-validators.ts (changed)",
      "stale: generated/cashfree/schema.d.ts (changed)",
      "stale: generated/cashfree/sdk/models/ErrorResponse.ts (changed)",
    ]);
  });

  it("reports missing and extra files of a damaged output folder", async () => {
    const out = join(scratch, "generated");
    cpSync(join(GENERATED_DIR, "cashfree"), join(out, "cashfree"), { recursive: true });
    unlinkSync(join(out, "cashfree", "client.ts"));
    writeFileSync(join(out, "cashfree", "sdk", "stray.ts"), "export {};\n");
    expect(await checkGenerated({ outDir: out, providers })).toEqual([
      { path: "cashfree/client.ts", state: "missing" },
      { path: "cashfree/sdk/stray.ts", state: "extra" },
    ]);
  });

  it.each([
    ["missing", (dir: string) => rmSync(join(dir, "cashfree", "upstream.yaml")), /cannot read spec .*cashfree.upstream\.yaml: ENOENT/],
    ["not YAML", (dir: string) => writeFileSync(join(dir, "cashfree", "upstream.yaml"), "openapi: [\n"), /cannot parse spec/],
    ["conflicting overlay", (dir: string) => writeFileSync(join(dir, "cashfree", "overlay.yaml"), stringify({ overlay: "1.0.0", info: { title: "t", version: "1" }, extends: "upstream.yaml", actions: [{ target: "$.info", update: "not an object" }] })), /overlay.yaml: action 0.*the update is not/],
  ])("rejects a %s spec with a SpecError", async (name, spoil, message) => {
    const dir = specsWith(`spoiled-${name.replace(/\W/g, "-")}`, () => {});
    spoil(dir);
    const result = checkGenerated({ specsDir: dir, providers });
    await expect(result).rejects.toBeInstanceOf(SpecError);
    await expect(result).rejects.toThrow(message);
  });
});
