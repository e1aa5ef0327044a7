/**
 * `payconform spec update` end to end on Yuno's real upstream document: a pattern tightened and a
 * new required header, and bad input. Each run works in a throwaway copy of the project.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EVOLUTIONS, upstreamText } from "./evolutions.ts";
import { copyProject, type ProjectCopy } from "./project-copy.ts";
import { rows, runUpdate } from "./update-run.ts";

const copies: ProjectCopy[] = [];
afterAll(() => copies.forEach((c) => c.remove()));

describe("spec update yuno", () => {
  it("a pattern tightened: breaking, the pacts' path matchers now admit undocumented ids, typed clients unchanged, exit 1", async () => {
    const run = await runUpdate(EVOLUTIONS.patternTightened);
    copies.push(run.copy);
    expect(run.result.code).toBe(1);
    expect(rows(run.impact)).toEqual([["breaking", "pattern-tightened"]]);
    expect(run.impact.pacts.broken.map((b) => b.check)).toEqual(Array(5).fill("path_matcher_within_spec"));
    // The typed clients do not carry patterns; the spec read ahead and the precompiled validators do.
    expect(run.impact.generated.files).toEqual([
      { path: "generated/yuno/document.json", state: "changed" },
      { path: "generated/yuno/response-validators.ts", state: "changed" },
      { path: "generated/yuno/value-validators.ts", state: "changed" },
    ]);
    expect(run.read("generated/yuno/value-validators.ts")).toContain('"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"');
    // New negative cases come from the pattern; the sandbox, which follows the spec, rejects them.
    const added = run.impact.conformance.changed.filter((c) => c.check === "path_pattern_enforcement" && c.before === undefined && c.after === "passed");
    expect(added.length).toBeGreaterThan(5);
  });

  it("a new required header: breaking, the consumer Pact test no longer type-checks against the regenerated client, exit 1", async () => {
    const run = await runUpdate(EVOLUTIONS.requiredHeaderAdded);
    copies.push(run.copy);
    expect(run.result.code).toBe(1);
    expect(rows(run.impact)).toEqual([["breaking", "required-header-added"]]);
    expect(run.read("generated/yuno/schema.d.ts")).toContain('"x-idempotency-key": string;');
    expect(run.impact.typecheck.ok).toBe(false);
    expect(run.impact.typecheck.details).toEqual([expect.stringMatching(/^test\/pact\/consumer\/yuno\.test\.ts\(\d+,\d+\): error TS2741: Property '"x-idempotency-key"' is missing/)]);
    expect(run.impact.pacts.broken).toContainEqual(expect.objectContaining({ check: "header_parameter_pattern", message: "required header x-idempotency-key is missing" }));
    expect(run.markdown).toContain("## Type check");
  });

  it.each([
    ["a document its official schema rejects", "openapi: 3.1.0\ninfo: {title: t}\npaths: {}\n", /published.yaml is not a valid OpenAPI document: .*must have required property 'version'/],
    ["a file that is not OpenAPI", "hello: world\n", /published.yaml is not an OpenAPI document/],
    ["a file that is not YAML", "openapi: [\n", /published.yaml is not YAML or JSON/],
  ])("%s: one line, exit 2, nothing touched", async (_name, text, message) => {
    const copy = copyProject();
    copies.push(copy);
    writeFileSync(join(copy.root, "published.yaml"), text);
    const result = await copy.cli(["spec", "update", "yuno", "published.yaml"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stdout).toBe("");
    expect(await import("node:fs").then((fs) => fs.readFileSync(join(copy.root, "specs/yuno/upstream.yaml"), "utf8"))).toBe(upstreamText("yuno"));
  });

  it.each([
    [["spec", "update", "juspay", "x.yaml"], /juspay has no upstream document and overlay/],
    [["spec", "update", "yuno"], /missing required argument 'file'; see payconform spec update --help/],
    [["spec", "update", "yuno", "missing.yaml"], /cannot read missing.yaml: ENOENT/],
    [["spec", "update", "yuno", "specs/yuno/upstream.yaml", "--report-dir", "package.json/x"], /cannot create the report folder package.json\/x: (ENOTDIR|EEXIST)/],
  ])("%j: exit 2", async (args, message) => {
    const copy = copies[copies.length - 1];
    const result = await copy.cli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
