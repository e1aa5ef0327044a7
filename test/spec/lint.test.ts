import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/providers.ts";
import { lintSpecs } from "../../src/spec/lint/lint.ts";
import { formatReport } from "../../src/spec/lint/report.ts";
import { DEMO, KNOWN, LEGACY, PAYLOAD, specFiles, tempParent, writeSpecTree, type SpecFiles } from "./lint-fixture.ts";

const parent = tempParent();
afterAll(() => parent.remove());

type Doc = Record<string, any>;
type Want = { file: string; pointer: string; message: string };

const ITEM = "/paths/~1items~1{id}";
const USER = "/paths/~1users~1{user_id}/delete";

/** Applies `change` to the parsed content of one file of a fresh fixture. */
function broken(file: string, change: (doc: Doc) => void): SpecFiles {
  const files = specFiles();
  change(files[file] as Doc);
  return files;
}

describe("spec lint on the project's specs", () => {
  it("passes, and every known defect still occurs", () => {
    const report = lintSpecs({ root: PROJECT_ROOT });
    expect(report.unexpected).toEqual([]);
    expect(report.stale).toEqual([]);
    expect(report.ok).toBe(true);
    // Juspay and EnKash once each; Yuno and Cashfree twice: the upstream and the effective document.
    expect(report.documents).toBe(6);
    expect(report.schemaFiles).toBe(2);
    expect(report.examples).toBeGreaterThanOrEqual(30);
    expect(report.matched.map((d) => d.file).sort()).toEqual([
      "specs/juspay-upi/examples/request.doc.txt",
      "specs/juspay-upi/examples/response.doc.txt",
    ]);
  });
});

describe("spec lint on a small tree", () => {
  it("passes the unbroken fixture (3.0 nullable, $refs to responses, x-payconform keywords)", () => {
    const report = lintSpecs({ root: writeSpecTree(parent.path, specFiles()) });
    expect([...report.unexpected, ...report.stale]).toEqual([]);
    expect(report).toMatchObject({ ok: true, documents: 2, schemaFiles: 1 });
    expect(report.examples).toBe(8);
    expect(formatReport(report)).toEqual([
      "spec lint passed: 2 OpenAPI documents (8 schema objects), 1 JSON Schema, 8 examples checked; 0 known defects matched",
    ]);
  });

  const cases: Array<[string, SpecFiles, Want[]]> = [
    ["a media-type example that breaks its schema", broken(DEMO, (d) => (d.paths["/items/{id}"].get.responses["200"].content["application/json"].example.count = "two")),
      [{ file: DEMO, pointer: `${ITEM}/get/responses/200/content/application~1json/example/count`, message: "must be integer" }]],
    ["a named example (examples.*.value) that breaks its schema", broken(DEMO, (d) => (d.components.responses.NotFound.content["application/json"].examples.missing.value.code = 404)),
      [{ file: DEMO, pointer: "/components/responses/NotFound/content/application~1json/examples/missing/value/code", message: "must be string" }]],
    ["a parameter example that breaks the parameter schema", broken(DEMO, (d) => (d.paths["/items/{id}"].get.parameters[0].example = "item-1")),
      [{ file: DEMO, pointer: `${ITEM}/get/parameters/0/example`, message: "must match pattern" }]],
    ["a request body example missing a required property", broken(DEMO, (d) => (d.paths["/items/{id}"].put.requestBody.content["application/json"].example = { count: 1 })),
      [{ file: DEMO, pointer: `${ITEM}/put/requestBody/content/application~1json/example`, message: "must have required property 'id'" }]],
    ["a schema-level examples entry that breaks its own schema", broken(DEMO, (d) => (d.components.schemas.Item.properties.id.examples = ["it_7", 7])),
      [{ file: DEMO, pointer: "/components/schemas/Item/properties/id/examples/1", message: "must be string" }]],
    ["a 3.0 schema-level example that breaks its own schema", broken(LEGACY, (d) => (d.components.parameters.UserId.schema.example = "u")),
      [{ file: LEGACY, pointer: "/components/parameters/UserId/schema/example", message: "must NOT have fewer than 3 characters" }]],
    ["a 3.0 null example without nullable", broken(LEGACY, (d) => delete d.components.schemas.Error.properties.detail.nullable),
      [{ file: LEGACY, pointer: `${USER}/responses/400/content/application~1json/example/detail`, message: "must be string" }]],
    ["a 3.1 document with a field OpenAPI does not define", broken(DEMO, (d) => (d.paths["/items/{id}"].get.bogus = true)),
      [{ file: DEMO, pointer: `${ITEM}/get/bogus`, message: "unexpected property (unevaluatedProperties)" }]],
    ["a 3.0 document with a field OpenAPI does not define", broken(LEGACY, (d) => (d.info.owner = "me")),
      [{ file: LEGACY, pointer: "/info/owner", message: "unexpected property (additionalProperties)" }]],
    ["a 3.0 document with a wrongly typed field", broken(LEGACY, (d) => (d.info.version = 1)),
      [{ file: LEGACY, pointer: "/info/version", message: "must be string" }]],
    ["a 3.1 response without its description", broken(DEMO, (d) => delete d.paths["/items/{id}"].put.responses["204"].description),
      [{ file: DEMO, pointer: `${ITEM}/put/responses/204`, message: "must have required property 'description'" }]],
    ["a Schema Object with an invalid keyword value", broken(DEMO, (d) => (d.components.schemas.Item.properties.count.minimum = "0")),
      [{ file: DEMO, pointer: "/components/schemas/Item/properties/count/minimum", message: "must be number" }]],
    ["a Schema Object with an unknown keyword", broken(DEMO, (d) => (d.components.schemas.Item.properties.count.minimun = 0)),
      [{ file: DEMO, pointer: "/components/schemas/Item/properties/count/minimun", message: 'strict mode: unknown keyword "minimun"' }]],
    ["a JSON Schema with an unknown keyword under strict mode", broken(PAYLOAD, (d) => (d.$defs.target.properties.id.maxlength = 9)),
      [{ file: PAYLOAD, pointer: "/$defs/target/properties/id/maxlength", message: 'strict mode: unknown keyword "maxlength"' }]],
    ["a JSON Schema with an unregistered extension keyword", broken(PAYLOAD, (d) => (d["x-payconform-note"] = "not a known keyword")),
      [{ file: PAYLOAD, pointer: "/x-payconform-note", message: "unknown keyword" }]],
    ["a JSON Schema that strictTypes rejects (properties without type object)", broken(PAYLOAD, (d) => delete d.$defs.target.type),
      [{ file: PAYLOAD, pointer: "/$defs/target", message: "(strictTypes)" }]],
    ["an example file that breaks its schema", broken("specs/sdk/examples/ok.json", (d) => (d.action = "remove")),
      [{ file: "specs/sdk/examples/ok.json", pointer: "/action", message: "must be equal to constant" }]],
    ["an example file that is not JSON", { ...specFiles(), "specs/sdk/examples/ok.json": '{ "action": "delete", }' },
      [{ file: "specs/sdk/examples/ok.json", pointer: "", message: "invalid JSON: Expected double-quoted property name" }]],
    ["an OpenAPI document that is not YAML (a repeated key)", { ...specFiles(), [LEGACY]: "openapi: 3.0.3\nopenapi: 3.0.3\n" },
      [{ file: LEGACY, pointer: "", message: "invalid YAML: Map keys must be unique" }]],
    ["a stale known-defect entry", broken(KNOWN, (d) => d.defects.push({ file: DEMO, pointer: "/info", message: "gone", reason: "fixed since" })),
      [{ file: KNOWN, pointer: "/defects/0", message: 'stale entry: specs/demo/openapi.yaml#/info "gone" no longer occurs' }]],
  ];

  it.each(cases)("reports %s", (_name, files, want) => {
    const report = lintSpecs({ root: writeSpecTree(parent.path, files) });
    const found = [...report.unexpected, ...report.stale];
    expect(report.ok).toBe(false);
    expect(found.map((v) => `${v.file}#${v.pointer}`)).toEqual(want.map((w) => `${w.file}#${w.pointer}`));
    want.forEach((w, i) => expect(found[i].message).toContain(w.message));
  });

  it("accepts a violation listed as a known defect, and counts it as matched", () => {
    const files = broken(DEMO, (d) => (d.paths["/items/{id}"].get.parameters[0].example = "item-1"));
    (files[KNOWN] as Doc).defects.push({ file: DEMO, pointer: `${ITEM}/get/parameters/0/example`, message: "must match pattern", reason: "the provider's example" });
    const report = lintSpecs({ root: writeSpecTree(parent.path, files) });
    expect(report.ok).toBe(true);
    expect(report.violations).toHaveLength(1);
    expect(report.matched).toHaveLength(1);
  });
});
