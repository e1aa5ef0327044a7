/**
 * Overlay 1.0 application (src/spec/overlay.ts) as a table: each case gives a document, an
 * action and the document or outcome it must produce.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SpecError } from "../../src/errors.ts";
import { SPECS_DIR } from "../../src/providers.ts";
import { readDocument } from "../../src/spec/load.ts";
import { applyOverlay, overlayProblems, parseOverlay, type OverlayAction } from "../../src/spec/overlay.ts";

type Doc = Record<string, any>;
const base = (): Doc => ({
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  servers: [{ url: "https://a.example/v1" }],
  paths: { "/x/{id}": { delete: { parameters: [{ in: "path", name: "id", required: true, schema: { type: "string" } }, { in: "header", name: "h", schema: { type: "string" } }], responses: { "204": { description: "gone" } } } } },
});
const overlay = (...actions: OverlayAction[]) => ({ overlay: "1.0.0", info: { title: "o", version: "1" }, actions });

describe("applying an overlay", () => {
  const cases: Array<[string, OverlayAction, (doc: Doc) => void]> = [
    ["merges an update into the selected object", { target: "$.info", update: { "x-a": 1, title: "t2" } }, (d) => Object.assign(d.info, { title: "t2", "x-a": 1 })],
    ["merges nested objects recursively", { target: "$.paths['/x/{id}'].delete", update: { responses: { "404": { description: "missing" } } } }, (d) => (d.paths["/x/{id}"].delete.responses["404"] = { description: "missing" })],
    ["appends the update to a selected array", { target: "$.servers", update: { url: "https://b.example/v1" } }, (d) => d.servers.push({ url: "https://b.example/v1" })],
    ["selects array items with a filter", { target: "$.paths['/x/{id}'].delete.parameters[?(@.in == 'header' && @.name == 'h')].schema", update: { format: "uuid" } }, (d) => (d.paths["/x/{id}"].delete.parameters[1].schema.format = "uuid")],
    ["updates every node a wildcard selects", { target: "$.paths.*.delete.parameters[*].schema", update: { minLength: 1 } }, (d) => d.paths["/x/{id}"].delete.parameters.forEach((p: Doc) => (p.schema.minLength = 1))],
    ["removes the selected nodes", { target: "$.paths['/x/{id}'].delete.parameters[?(@.in == 'header')]", remove: true }, (d) => d.paths["/x/{id}"].delete.parameters.splice(1, 1)],
    ["concatenates an array inside an update with the target's", { target: "$", update: { servers: [{ url: "https://c.example" }] } }, (d) => d.servers.push({ url: "https://c.example" })],
  ];
  it.each(cases)("%s", (_name, action, expectEdit) => {
    const input = base();
    const { document, outcomes } = applyOverlay(input, overlay(action));
    const want = base();
    expectEdit(want);
    expect(document).toEqual(want);
    expect(input).toEqual(base());
    expect(outcomes[0].matched.length).toBeGreaterThan(0);
  });

  it("lists an action whose target selects nothing, and changes nothing", () => {
    const { document, outcomes } = applyOverlay(base(), overlay({ target: "$.components.parameters.Id.schema", description: "id pattern", update: { pattern: "^a$" } }));
    expect(document).toEqual(base());
    expect(outcomes[0]).toMatchObject({ index: 0, name: "id pattern", matched: [] });
  });

  it("records a conflict instead of merging a non-object into an object", () => {
    const { outcomes } = applyOverlay(base(), overlay({ target: "$.info", update: "text" }));
    expect(outcomes[0].conflict).toMatch(/\/info is an object, but the update is not/);
  });

  it("records where an update replaces a value the document has", () => {
    const { outcomes } = applyOverlay(base(), overlay({ target: "$.info", update: { title: "mine", "x-new": 1 } }));
    expect(outcomes[0].overrides).toEqual([{ pointer: "/info/title", was: "t", now: "mine" }]);
  });

  it.each([
    [{ overlay: "2.0.0", info: { title: "o", version: "1" }, actions: [{ target: "$", update: {} }] }, "/overlay"],
    [{ overlay: "1.0.0", actions: [{ target: "$", update: {} }] }, "/info"],
    [{ overlay: "1.0.0", info: { title: "o", version: "1" }, actions: [] }, "/actions"],
    [{ overlay: "1.0.0", info: { title: "o", version: "1" }, actions: [{ target: "info", update: {} }] }, "/actions/0/target"],
    [{ overlay: "1.0.0", info: { title: "o", version: "1" }, actions: [{ target: "$.info", remove: false }] }, "/actions/0"],
    [{ overlay: "1.0.0", info: { title: "o", version: "1" }, actions: [{ target: "$.info", remove: "yes" }] }, "/actions/0/remove"],
    [{ overlay: "1.0.0", info: { title: "o", version: "1" }, actions: [{ target: "$.info", update: {}, copy: "$.x" }] }, "/actions/0/copy"],
  ])("rejects a malformed overlay document (%j at %s)", (doc, pointer) => {
    expect(overlayProblems(doc).map((p) => p.pointer)).toContain(pointer);
    expect(() => parseOverlay(doc, "o.yaml")).toThrow(SpecError);
  });
});

describe("the providers' overlays", () => {
  it.each(["yuno", "cashfree"])("%s: every action applies to the upstream document, without overriding any of its values", (provider) => {
    const dir = join(SPECS_DIR, provider);
    const doc = parseOverlay(parse(readFileSync(join(dir, "overlay.yaml"), "utf8")), "overlay.yaml");
    const { outcomes } = applyOverlay(parse(readFileSync(join(dir, "upstream.yaml"), "utf8")), doc);
    expect(outcomes.filter((o) => o.matched.length === 0 || o.conflict || o.overrides.length > 0)).toEqual([]);
  });

  it.each(["yuno", "cashfree"])("%s: the effective spec is the upstream document plus payconform's x-payconform facts", (provider) => {
    const effective = readDocument(join(SPECS_DIR, provider, "overlay.yaml"));
    const upstream = parse(readFileSync(join(SPECS_DIR, provider, "upstream.yaml"), "utf8"));
    expect((effective.info as Doc)["x-payconform-provider"]).toBe(provider);
    expect(upstream.info["x-payconform-provider"]).toBeUndefined();
    expect((effective.servers as Doc[]).map((s) => s["x-payconform-environment"])).toEqual(["sandbox", "production"]);
  });
});
