import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.ts";
import { PROJECT_ROOT } from "../../src/providers.ts";
import { lintSpecs } from "../../src/spec/lint/lint.ts";
import { DEMO, KNOWN, specFiles, tempParent, writeSpecTree, type SpecFiles } from "./lint-fixture.ts";

const parent = tempParent();
afterAll(() => parent.remove());

function withFile(file: string, content: unknown): SpecFiles {
  return { ...specFiles(), [file]: content };
}

describe("spec lint config errors", () => {
  const cases: Array<[string, SpecFiles, string]> = [
    ["an unparsable known-defects list", withFile(KNOWN, "defects: [\n"), `${KNOWN}: invalid YAML`],
    ["a known-defects list without a defects list", withFile(KNOWN, { entries: [] }), 'expected a top-level "defects" list'],
    ["a known-defects entry without a reason", withFile(KNOWN, { defects: [{ file: DEMO, pointer: "", message: "x" }] }), "defects[0].reason must be a non-empty string"],
    ["a known-defects entry with an unknown field", withFile(KNOWN, { defects: [{ file: DEMO, pointer: "", message: "x", reason: "y", why: "z" }] }), 'unknown field "why"'],
    ["an unparsable examples index", withFile("specs/sdk/examples/index.json", "{ examples: [] }"), "specs/sdk/examples/index.json: invalid JSON"],
    ["an examples index naming a missing file", withFile("specs/sdk/examples/index.json", { examples: [{ file: "gone.json", schema: "payload.schema.json" }] }), "cannot read specs/sdk/examples/gone.json: ENOENT"],
    ["an examples index naming a missing schema", withFile("specs/sdk/examples/index.json", { examples: [{ file: "ok.json", schema: "gone.schema.json" }] }), "names specs/sdk/gone.schema.json, which is not a schema file"],
  ];

  it.each(cases)("rejects %s with a UsageError", (_name, files, message) => {
    const root = writeSpecTree(parent.path, files);
    expect(() => lintSpecs({ root })).toThrow(UsageError);
    expect(() => lintSpecs({ root })).toThrow(message);
  });

  it("rejects a missing known-defects list", () => {
    const files = specFiles();
    delete files[KNOWN];
    expect(() => lintSpecs({ root: writeSpecTree(parent.path, files) })).toThrow(`cannot read ${KNOWN}: ENOENT`);
  });
});

describe("npm run lint:specs (scripts/lint-specs.ts)", () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/lint-specs.ts", ...args], { cwd: PROJECT_ROOT, encoding: "utf8" });

  it("exits 0 with a one-line summary on a clean tree", () => {
    const result = run(writeSpecTree(parent.path, specFiles()));
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(/^spec lint passed: 2 OpenAPI documents .* 0 known defects matched$/);
  });

  it("exits 1 with one file#pointer line per defect, stale entries included", () => {
    const files = specFiles();
    (files[DEMO] as Record<string, any>).info.version = 2;
    (files[KNOWN] as Record<string, any>).defects.push({ file: DEMO, pointer: "", message: "gone", reason: "fixed" });
    const result = run(writeSpecTree(parent.path, files));
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      "specs/demo/openapi.yaml#/info/version: must be string (type)",
      'specs/known-defects.yaml#/defects/0: stale entry: specs/demo/openapi.yaml# "gone" no longer occurs',
    ]);
  });

  it.each([
    ["an unparsable config", [writeSpecTree(parent.path, withFile(KNOWN, "defects: [\n"))], "spec lint: specs/known-defects.yaml: invalid YAML"],
    ["an unknown flag", ["--fix"], "spec lint: usage: lint-specs [ROOT]"],
  ])("exits 2 with one line on %s", (_name, args, line) => {
    const result = run(...args);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(line);
  });
});
