/**
 * The 3.1 → 3.0 repairs applied before openapi-generator 4.3.1 reads a document, and the
 * post-processing of its typescript-fetch output. Pure functions: no Java runs here.
 */
import { describe, expect, it } from "vitest";
import { fixFor30, toOpenApi30 } from "../../scripts/generate/down-convert.ts";
import { declareGlobalFetch, GLOBAL_FETCH_DECLARATION, markErrorNameOverride, rewriteImports } from "../../scripts/generate/sdk-postprocess.ts";

type Obj = Record<string, unknown>;

describe("fixFor30", () => {
  it.each<[string, Obj, Obj]>([
    ["numeric exclusiveMinimum", { type: "integer", exclusiveMinimum: 0 }, { type: "integer", minimum: 0, exclusiveMinimum: true }],
    ["numeric exclusiveMaximum", { type: "number", exclusiveMaximum: 10 }, { type: "number", maximum: 10, exclusiveMaximum: true }],
    ["exclusiveMinimum looser than minimum", { minimum: 5, exclusiveMinimum: 1 }, { minimum: 5 }],
    ["exclusiveMinimum tighter than minimum", { minimum: 1, exclusiveMinimum: 5 }, { minimum: 5, exclusiveMinimum: true }],
    ["boolean exclusiveMinimum (already 3.0)", { minimum: 1, exclusiveMinimum: true }, { minimum: 1, exclusiveMinimum: true }],
    ["const", { type: "string", const: "delete" }, { type: "string", enum: ["delete"] }],
    ["examples array", { type: "string", examples: ["a", "b"] }, { type: "string", example: "a" }],
    ["empty examples array", { type: "string", examples: [] }, { type: "string" }],
    ["x- extension kept as is", { type: "string", "x-note": { const: 1, examples: [1] } }, { type: "string", "x-note": { const: 1, examples: [1] } }],
    ["example data left alone", { type: "object", example: { exclusiveMinimum: 3, const: "x" } }, { type: "object", example: { exclusiveMinimum: 3, const: "x" } }],
  ])("%s", (_name, schema, want) => {
    expect(fixFor30({ components: { schemas: { S: schema } } })).toEqual({ components: { schemas: { S: want } } });
  });

  it("keeps media-type examples maps (valid 3.0)", () => {
    const media = { examples: { one: { value: { code: "X" } } } };
    expect(fixFor30(structuredClone(media))).toEqual(media);
  });
});

describe("toOpenApi30", () => {
  it("down-converts a 3.1 document to a 3.0 one without 3.1-only keywords", () => {
    const doc = {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {},
      components: { schemas: { S: { type: ["string", "null"], const: "x", examples: ["x"] }, N: { type: "integer", exclusiveMinimum: 0 } } },
    };
    const out = toOpenApi30(doc, "test.yaml") as { openapi: string; components: { schemas: Record<string, Obj> } };
    expect(out.openapi).toMatch(/^3\.0\./);
    expect(out.components.schemas.S).toMatchObject({ type: "string", nullable: true, enum: ["x"], example: "x" });
    expect(out.components.schemas.S).not.toHaveProperty("const");
    expect(out.components.schemas.N).toEqual({ type: "integer", minimum: 0, exclusiveMinimum: true });
    expect(doc.components.schemas.S.const).toBe("x");
  });

  it("returns a 3.0 document unchanged", () => {
    const doc = { openapi: "3.0.3", info: { title: "t", version: "1" }, paths: {} };
    expect(toOpenApi30(doc, "test.yaml")).toEqual(doc);
  });
});

describe("typescript-fetch post-processing", () => {
  const tree = new Map([["runtime.ts", ""], ["index.ts", ""], ["models/index.ts", ""], ["models/A.ts", ""], ["apis/DefaultApi.ts", ""]]);

  it.each([
    ["apis/DefaultApi.ts", "import * as runtime from '../runtime';", "import * as runtime from '../runtime.ts';"],
    ["apis/DefaultApi.ts", "} from '../models';", "} from '../models/index.ts';"],
    ["models/A.ts", "} from './';", "} from './index.ts';"],
    ["index.ts", "export * from './runtime';", "export * from './runtime.ts';"],
    ["index.ts", "export * from './models';", "export * from './models/index.ts';"],
    ["index.ts", 'import x from "node:fs";', 'import x from "node:fs";'],
  ])("%s: %s", (path, line, want) => {
    expect(rewriteImports(path, line, tree)).toBe(want);
  });

  it("rejects an import of a file that was not generated", () => {
    expect(() => rewriteImports("index.ts", "export * from './nowhere';", tree)).toThrow(/nowhere/);
  });

  it("declares GlobalFetch only where it is used", () => {
    const uses = "/* header */\nexport const BASE_PATH = \"x\";\nexport type FetchAPI = GlobalFetch['fetch'];\n";
    expect(declareGlobalFetch(uses)).toContain(`${GLOBAL_FETCH_DECLARATION}\n\nexport const BASE_PATH`);
    expect(declareGlobalFetch(declareGlobalFetch(uses))).toBe(declareGlobalFetch(uses));
    const modern = "export const BASE_PATH = \"x\";\nexport type FetchAPI = WindowOrWorkerGlobalScope['fetch'];\n";
    expect(declareGlobalFetch(modern)).toBe(modern);
  });

  it("marks Error's name field as an override", () => {
    expect(markErrorNameOverride('    name: "RequiredError" = "RequiredError";')).toBe('    override name: "RequiredError" = "RequiredError";');
  });
});
