/**
 * `payconform spec diff` on real upstream documents and realistic new versions of them: the
 * classification of each change, the exit code (0 nothing breaking, 1 breaking, 2 bad input),
 * and the JSON and table output.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/spawn-cli.ts";
import { EVOLUTIONS, evolve, upstreamText, type Evolution } from "./evolutions.ts";

const dir = mkdtempSync(join(tmpdir(), "payconform-spec-diff-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function files(evolution: Evolution): [string, string] {
  const slug = evolution.name.replace(/\W+/g, "-");
  const old = join(dir, `${slug}-old.yaml`);
  const now = join(dir, `${slug}-new.yaml`);
  writeFileSync(old, upstreamText(evolution.provider));
  writeFileSync(now, evolve(evolution));
  return [old, now];
}

type Row = [string, string];

describe("spec diff --provider on evolved upstream documents", () => {
  const cases: Array<[Evolution, number, Row[], string[]]> = [
    [EVOLUTIONS.conflictAdded, 0, [["non-breaking", "status-added"]], []],
    [EVOLUTIONS.notFoundRemoved, 1, [["breaking", "status-removed"]], []],
    [EVOLUTIONS.errorCodeRenamed, 1, [["breaking", "error-code-removed"], ["non-breaking", "error-code-added"], ["annotation", "example"]], []],
    [EVOLUTIONS.patternTightened, 1, [["breaking", "pattern-tightened"]], []],
    [EVOLUTIONS.requiredHeaderAdded, 1, [["breaking", "required-header-added"]], []],
    [EVOLUTIONS.descriptionEdited, 0, [["annotation", "description"]], []],
    [EVOLUTIONS.overlayTargetGone, 0, [["non-breaking", "pattern-loosened"], ["annotation", "extension"]], ["customer_id pattern (assumed)"]],
  ];

  it.each(cases)("$name: exit $1", async (evolution, code, rows, unapplied) => {
    const [old, now] = files(evolution);
    const result = await runCli(["spec", "diff", old, now, "--provider", evolution.provider, "--json"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(code);
    const out = JSON.parse(result.stdout);
    expect(out.changes.map((c: { class: string; kind: string }) => [c.class, c.kind])).toEqual(rows);
    expect(out.breaking).toBe(code === 1);
    expect(out.overlayIssues.map((a: { name: string }) => a.name)).toEqual(unapplied);
  });

  it("prints a table naming the operation and the change, and a summary line", async () => {
    const [old, now] = files(EVOLUTIONS.errorCodeRenamed);
    const result = await runCli(["spec", "diff", old, now, "--provider", "cashfree"]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^class\s+kind\s+operation\s+change$/);
    expect(lines).toContainEqual(expect.stringMatching(/^breaking\s+error-code-removed\s+DELETE \/customer\/\{customer_id\}\s+404: error code "customer_not_found" is no longer documented$/));
    expect(lines.at(-1)).toBe("spec diff: 1 breaking, 1 non-breaking, 1 annotation only");
  });

  it("names overlay actions that no longer apply in the table output", async () => {
    const [old, now] = files(EVOLUTIONS.overlayTargetGone);
    const result = await runCli(["spec", "diff", old, now, "--provider", "cashfree"]);
    expect(result.stdout).toMatch(/overlay action 3 "customer_id pattern \(assumed\)" \(\$\.components\.parameters\.CustomerId\.schema\): its target selects nothing/);
  });

  it("names an overlay action that now overrides a value the provider documents itself (an assumption to revisit)", async () => {
    const settled: Evolution = {
      name: "the provider documents its own customer_id pattern",
      provider: "cashfree",
      edit: (d) => (d.components.parameters.CustomerId.schema.pattern = "^cust_[a-z0-9_]{3,45}$"),
    };
    const [old, now] = files(settled);
    const result = await runCli(["spec", "diff", old, now, "--provider", "cashfree", "--json"]);
    const out = JSON.parse(result.stdout);
    // The effective spec keeps the overlay's assumed pattern, so no change shows; the override does.
    expect(out.changes).toEqual([]);
    expect(result.code).toBe(0);
    expect(out.overlayIssues).toEqual([
      {
        action: 3,
        name: "customer_id pattern (assumed)",
        target: "$.components.parameters.CustomerId.schema",
        problem: "overrides",
        detail: `now overrides upstream's own /components/parameters/CustomerId/schema/pattern ("^cust_[a-z0-9_]{3,45}$" upstream, "^[A-Za-z0-9_-]{3,50}$" from the overlay): check whether the addition still stands`,
      },
    ]);
  });

  it("compares two effective specs without --provider (overlay files read as their effective documents)", async () => {
    const result = await runCli(["spec", "diff", "specs/yuno/overlay.yaml", "specs/yuno/upstream.yaml", "--json"]);
    const kinds = JSON.parse(result.stdout).changes.map((c: { kind: string }) => c.kind);
    // Without the overlay, x-account-code loses its documented-in-prose format and length: loosened, not breaking.
    expect(kinds).toEqual(expect.arrayContaining(["format-loosened", "length-loosened", "server-removed"]));
    expect(result.code).toBe(1); // the production server (from the overlay) is gone
  });
});

describe("spec diff on bad input", () => {
  it.each([
    ["one file", ["spec", "diff", "specs/yuno/upstream.yaml"], /missing required argument 'new'; see payconform spec diff --help/],
    ["a missing file", ["spec", "diff", "nope.yaml", "specs/yuno/upstream.yaml"], /cannot read spec nope.yaml: ENOENT/],
    ["an unknown provider", ["spec", "diff", "specs/yuno/upstream.yaml", "specs/yuno/upstream.yaml", "--provider", "acme"], /unknown provider "acme"/],
    ["a provider without an overlay", ["spec", "diff", "specs/juspay/openapi.yaml", "specs/juspay/openapi.yaml", "--provider", "juspay"], /juspay has no upstream document and overlay/],
    ["an unknown flag", ["spec", "diff", "a", "b", "--colour"], /unknown option '--colour'/],
    ["a file that is not OpenAPI", ["spec", "diff", "package.json", "specs/yuno/upstream.yaml"], /package.json is not an OpenAPI 3 document/],
    ["no subcommand", ["spec"], /spec needs a subcommand: diff or update/],
  ])("%s: one line on stderr, exit 2", async (_name, args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stdout).toBe("");
  });
});
