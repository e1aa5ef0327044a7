/**
 * The spec lint on a provider folder kept as upstream.yaml (verbatim, its SHA-256 recorded) plus
 * overlay.yaml: each case breaks one thing and names the violation it must produce.
 */
import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { lintSpecs } from "../../src/spec/lint/lint.ts";
import { KNOWN, tempParent, writeSpecTree, type SpecFiles } from "./lint-fixture.ts";

const parent = tempParent();
afterAll(() => parent.remove());

const UPSTREAM = stringify({
  openapi: "3.1.0",
  info: { title: "shop", version: "1.0.0" },
  servers: [{ url: "https://sandbox.shop.example/v1" }],
  paths: { "/customers/{id}": { delete: { parameters: [{ in: "path", name: "id", required: true, schema: { type: "string" } }], responses: { "204": { description: "deleted" } } } } },
});
const sha = (text: string) => `${createHash("sha256").update(text).digest("hex")}  upstream.yaml\n`;
const OVERLAY = {
  overlay: "1.0.0",
  info: { title: "shop additions", version: "1.0.0" },
  extends: "upstream.yaml",
  actions: [
    { target: "$.servers[0]", description: "sandbox environment", update: { "x-payconform-environment": "sandbox" } },
    { target: "$.paths['/customers/{id}'].delete.parameters[?(@.name == 'id')].schema", description: "id pattern (assumed)", update: { pattern: "^c_[0-9]+$" } },
  ],
};

function tree(change: (files: { upstream: string; overlay: any; sha: string }) => void = () => {}): SpecFiles {
  const files = { upstream: UPSTREAM, overlay: structuredClone(OVERLAY), sha: sha(UPSTREAM) };
  change(files);
  return { [KNOWN]: { defects: [] }, "specs/shop/upstream.yaml": files.upstream, "specs/shop/overlay.yaml": files.overlay, "specs/shop/upstream.sha256": files.sha };
}

const lint = (files: SpecFiles) => lintSpecs({ root: writeSpecTree(parent.path, files) });

describe("spec lint of upstream.yaml + overlay.yaml", () => {
  it("passes a verbatim upstream and an overlay whose actions all apply", () => {
    const report = lint(tree());
    expect(report.unexpected).toEqual([]);
    expect(report).toMatchObject({ ok: true, documents: 2 });
  });

  it.each([
    ["an edited upstream (its bytes no longer match upstream.sha256)", tree((f) => (f.upstream = f.upstream.replace("shop", "shop2"))), "specs/shop/upstream.yaml", "", /not the published ones recorded in upstream.sha256/],
    ["a missing upstream.sha256", (() => { const t = tree(); delete t["specs/shop/upstream.sha256"]; return t; })(), "specs/shop/upstream.sha256", "", /missing/],
    ["an action whose target selects nothing", tree((f) => (f.overlay.actions[1].target = "$.components.parameters.Id.schema")), "specs/shop/overlay.yaml", "/actions/1", /action "id pattern \(assumed\)": target .* selects nothing in specs\/shop\/upstream.yaml/],
    ["an action without a description", tree((f) => delete f.overlay.actions[0].description), "specs/shop/overlay.yaml", "/actions/0", /needs a description/],
    ["an action that conflicts with its target", tree((f) => (f.overlay.actions[0].update = "sandbox")), "specs/shop/overlay.yaml", "/actions/0", /is an object, but the update is not/],
    ["an overlay that makes the effective document invalid", tree((f) => (f.overlay.actions[0].update = { url: 42 })), "specs/shop/overlay.yaml", "/servers/0/url", /in the effective document .*must be string/],
    ["an overlay that is not Overlay 1.0", tree((f) => (f.overlay.overlay = "0.9")), "specs/shop/overlay.yaml", "/overlay", /Overlay 1.0.x version/],
    ["an extends that is not the file beside it", tree((f) => (f.overlay.extends = "https://example.com/openapi.yaml")), "specs/shop/overlay.yaml", "/extends", /upstream file beside the overlay/],
  ])("reports %s", (_name, files, file, pointer, message) => {
    const report = lint(files);
    expect(report.ok).toBe(false);
    expect(report.unexpected).toContainEqual({ file, pointer, message: expect.stringMatching(message) });
  });
});
