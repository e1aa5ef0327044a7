/**
 * A small spec tree, written to a temp folder, for driving the spec lint with broken inputs.
 * `specFiles()` gives a tree that lints clean; each test case changes one thing in a copy.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { stringify } from "yaml";

/** File contents by project-relative path: strings are written as is, values as YAML or JSON. */
export type SpecFiles = Record<string, unknown>;

export const DEMO = "specs/demo/openapi.yaml";
export const LEGACY = "specs/legacy/openapi.yaml";
export const PAYLOAD = "specs/sdk/payload.schema.json";
export const KNOWN = "specs/known-defects.yaml";

export function specFiles(): SpecFiles {
  return {
    [KNOWN]: { defects: [] },
    [DEMO]: {
      openapi: "3.1.0",
      info: { title: "demo", version: "1.0.0" },
      paths: {
        "/items/{id}": {
          get: {
            parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", pattern: "^it_[0-9]+$" }, example: "it_1" }],
            responses: {
              "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Item" }, example: { id: "it_1", count: 2 } } } },
              "404": { $ref: "#/components/responses/NotFound" },
            },
          },
          put: {
            requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Item" }, example: { id: "it_2" } } } },
            responses: { "204": { description: "stored" } },
          },
        },
      },
      components: {
        schemas: {
          Item: {
            type: "object",
            required: ["id"],
            properties: { id: { type: "string", examples: ["it_7"] }, count: { type: "integer", minimum: 0 } },
            "x-payconform-assumed": { required: "assumed for the test" },
          },
        },
        responses: {
          NotFound: {
            description: "not found",
            content: {
              "application/json": {
                schema: { type: "object", properties: { code: { type: "string" } } },
                examples: { missing: { value: { code: "NOT_FOUND" } } },
              },
            },
          },
        },
      },
    },
    [LEGACY]: {
      openapi: "3.0.3",
      info: { title: "legacy", version: "1.0.0" },
      paths: {
        "/users/{user_id}": {
          delete: {
            parameters: [{ $ref: "#/components/parameters/UserId" }],
            responses: {
              "400": { description: "bad", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" }, example: { message: "bad id", detail: null } } } },
            },
          },
        },
      },
      components: {
        parameters: { UserId: { name: "user_id", in: "path", required: true, schema: { type: "string", minLength: 3, example: "usr_1" } } },
        schemas: { Error: { type: "object", required: ["message"], properties: { message: { type: "string" }, detail: { type: "string", nullable: true } } } },
      },
    },
    [PAYLOAD]: {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://payconform.test/payload.schema.json",
      "x-payconform-provider": "sdk",
      type: "object",
      required: ["action"],
      properties: { action: { const: "delete" }, target: { $ref: "#/$defs/target" } },
      $defs: { target: { type: "object", properties: { id: { type: "string" } } } },
    },
    "specs/sdk/examples/index.json": { examples: [{ file: "ok.json", schema: "payload.schema.json", origin: "assumed" }] },
    "specs/sdk/examples/ok.json": { action: "delete", target: { id: "a1" } },
  };
}

/** Writes `files` under a new folder inside `parent` and returns the folder. */
export function writeSpecTree(parent: string, files: SpecFiles): string {
  const root = mkdtempSync(join(parent, "root-"));
  for (const [file, content] of Object.entries(files)) {
    const path = join(root, file);
    mkdirSync(dirname(path), { recursive: true });
    const text = typeof content === "string" ? content : file.endsWith(".yaml") ? stringify(content) : JSON.stringify(content, null, 2);
    writeFileSync(path, text);
  }
  return root;
}

export function tempParent(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), "payconform-lint-"));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
