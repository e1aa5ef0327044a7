/**
 * The classification rules of `spec diff`, in process, as a table: each case edits a copy of a
 * provider's effective spec and names the [class, kind] rows the diff must produce.
 */
import { describe, expect, it } from "vitest";
import { specFile } from "../../src/providers.ts";
import { readDocument } from "../../src/spec/load.ts";
import { diffSpecs } from "../../src/spec-change/diff/index.ts";

type Doc = Record<string, any>;
const cashfree = () => structuredClone(readDocument(specFile("cashfree"))) as Doc;
const yuno = () => structuredClone(readDocument(specFile("yuno"))) as Doc;
const cfOp = (d: Doc) => d.paths["/customer/{customer_id}"].delete;
const yOp = (d: Doc) => d.paths["/customers/{customer_id}"].delete;
const error = (d: Doc) => d.components.schemas.ErrorResponse;

const cases: Array<[string, () => Doc, (d: Doc) => void, Array<[string, string]>]> = [
  ["an auth header renamed", cashfree, (d) => (d.components.securitySchemes.ApiSecret.name = "x-api-secret"), [["breaking", "auth-changed"]]],
  ["one of two credentials dropped from the requirement", cashfree, (d) => delete d.security[0].ApiSecret, [["breaking", "auth-changed"]]],
  ["the base path changed", yuno, (d) => (d.servers[0].url = "https://api-sandbox.y.uno/v2"), [["breaking", "server-changed"]]],
  ["a server added", yuno, (d) => d.servers.push({ url: "https://api-eu.y.uno/v1" }), [["non-breaking", "server-added"]]],
  ["a response field removed", cashfree, (d) => delete error(d).properties.type, Array(4).fill(["breaking", "response-field-removed"])],
  ["a response field made optional", cashfree, (d) => (error(d).required = ["message", "code"]), Array(4).fill(["breaking", "response-field-made-optional"])],
  ["a response field made required", yuno, (d) => (yOp(d).responses["400"].content["application/json"].schema.required = ["code"]), [["non-breaking", "response-field-made-required"]]],
  ["a response field named like a keyword (description) added", cashfree, (d) => (error(d).properties.description = { type: "string" }), Array(4).fill(["non-breaking", "response-field-added"])],
  ["an enum added to a response field (narrower answers)", cashfree, (d) => (error(d).properties.type.enum = ["validation_error", "authentication_error", "resource_error", "server_error"]), Array(16).fill(["non-breaking", "enum-tightened"])],
  ["a second success status", cashfree, (d) => (cfOp(d).responses["200"] = { description: "Deleted, with a receipt" }), [["breaking", "status-added"]]],
  ["a header's length loosened", yuno, (d) => (yOp(d).parameters[0].schema.maxLength = 64), [["non-breaking", "length-loosened"]]],
  ["a header's format dropped", yuno, (d) => delete yOp(d).parameters[0].schema.format, [["non-breaking", "format-loosened"]]],
  ["a path parameter made optional", cashfree, (d) => (d.components.parameters.CustomerId.required = false), [["non-breaking", "parameter-made-optional"]]],
  ["an optional query parameter added", cashfree, (d) => cfOp(d).parameters.push({ in: "query", name: "reason", schema: { type: "string" } }), [["non-breaking", "optional-parameter-added"]]],
  ["the operationId renamed", yuno, (d) => (yOp(d).operationId = "deleteCustomer"), [["breaking", "operation-id-changed"]]],
  ["a summary and a vendor extension edited", cashfree, (d) => Object.assign(cfOp(d), { summary: "Delete a customer", "x-internal": true }), [["annotation", "extension"], ["annotation", "summary"]]],
  ["the document version bumped", cashfree, (d) => (d.info.version = "1.1.0"), [["annotation", "info"]]],
];

describe("spec diff classification", () => {
  it.each(cases)("%s", (_name, load, edit, want) => {
    const before = load();
    const after = load();
    edit(after);
    const diff = diffSpecs(before, after);
    expect(diff.changes.map((c) => [c.class, c.kind]).sort()).toEqual([...want].sort());
    expect(diff.breaking).toBe(want.some(([cls]) => cls === "breaking"));
  });

  it("finds nothing between a spec and itself", () => {
    expect(diffSpecs(yuno(), yuno())).toEqual({ changes: [], counts: { breaking: 0, "non-breaking": 0, annotation: 0 }, breaking: false });
  });
});
